#ifndef GATEWAY_COPENSSL_SHIM_H
#define GATEWAY_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/err.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/rsa.h>
#include <openssl/pem.h>
#include <openssl/obj_mac.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>

/* OPENSSL_free is a macro; Swift cannot import it. */
static inline void gateway_openssl_free(void *p) { OPENSSL_free(p); }

/* BIO_get_mem_data is a macro over BIO_ctrl; Swift cannot import it. */
static inline long gateway_bio_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

/* EVP_PKEY_PUBLIC_KEY is an OR of other macros; Swift cannot import it. */
static inline int gateway_selection_public_key(void) { return EVP_PKEY_PUBLIC_KEY; }

/* OSSL_PARAM_BLD stores the name pointers it is given in the OSSL_PARAM array it builds and
   reads string values only when building it. Swift imports these macros as String, whose C
   bridge lives for one call only, so the builder must be handed the static strings. */
static inline const char *gateway_param_group_name(void) { return OSSL_PKEY_PARAM_GROUP_NAME; }
static inline const char *gateway_param_pub_key(void) { return OSSL_PKEY_PARAM_PUB_KEY; }
static inline const char *gateway_param_rsa_n(void) { return OSSL_PKEY_PARAM_RSA_N; }
static inline const char *gateway_param_rsa_e(void) { return OSSL_PKEY_PARAM_RSA_E; }
static inline const char *gateway_group_p256(void) { return SN_X9_62_prime256v1; }
#endif
