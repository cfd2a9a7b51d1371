#ifndef GATEWAY_CCRACK_SHIM_H
#define GATEWAY_CCRACK_SHIM_H
/* crack.h uses size_t without including <stddef.h>. */
#include <stddef.h>
#include <crack.h>
#endif
