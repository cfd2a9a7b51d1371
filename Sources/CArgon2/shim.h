#ifndef GATEWAY_CARGON2_SHIM_H
#define GATEWAY_CARGON2_SHIM_H
#include <argon2.h>
/* mallopt: Argon2id's multi-MiB buffers must go back to the system (Argon2Memory.swift). */
#include <malloc.h>
#endif
