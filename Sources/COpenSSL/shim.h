#ifndef GATEWAY_COPENSSL_SHIM_H
#define GATEWAY_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>

/* OPENSSL_free is a macro; Swift cannot import it. */
static inline void gateway_openssl_free(void *p) { OPENSSL_free(p); }
#endif
