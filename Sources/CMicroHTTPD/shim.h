#ifndef GATEWAY_CMICROHTTPD_SHIM_H
#define GATEWAY_CMICROHTTPD_SHIM_H
#include <stdarg.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

/* MHD_start_daemon is variadic; Swift cannot call it. Every option goes through one
   MHD_OPTION_ARRAY built in Swift, so this fixed-arity wrapper is all Swift needs. */
static inline struct MHD_Daemon *gateway_mhd_start(unsigned int flags,
                                                   MHD_AcceptPolicyCallback accept_policy,
                                                   void *accept_policy_cls,
                                                   MHD_AccessHandlerCallback handler,
                                                   void *handler_cls,
                                                   const struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, 0, accept_policy, accept_policy_cls, handler, handler_cls,
                            MHD_OPTION_ARRAY, options, MHD_OPTION_END);
}

/* MHD_get_connection_info is variadic. */
static inline const struct sockaddr *gateway_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}
#endif
