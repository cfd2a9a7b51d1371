#ifndef GATEWAY_CARGON2_SHIM_H
#define GATEWAY_CARGON2_SHIM_H
#include <argon2.h>
#endif
