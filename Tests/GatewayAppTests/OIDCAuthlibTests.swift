import Foundation
import GatewayTesting
import Testing

/// One run of Tests/Interop/oidc_authlib_flow.py (Authlib, requests and jwcrypto as a real
/// relying party) against a real gateway with both demo policies, shared by every test of
/// the suite: the script takes the same steps whichever test asks, so it runs once.
private let authlibRun: Result<Data, ScriptFailure> = {
    do {
        let gateway = try RunningGateway(policies: RunningGateway.demoPolicies)
        let issuer = "http://127.0.0.1:\(gateway.port)"
        return .success(try runPythonScript("Tests/Interop/oidc_authlib_flow.py", [issuer, try gateway.secret(of: "reading-tipper")]))
    } catch let failure as ScriptFailure {
        return .failure(failure)
    } catch {
        return .failure(ScriptFailure(description: "gateway did not start: \(error)"))
    }
}()

private func facts() throws -> ScriptFacts { try ScriptFacts(authlibRun.get()) }

// DESIGN.md, token contract: every artefact carries the patron-identifying claims plus
// technical claims only; the contact claims only with a functional-communication need.
private let patronClaims: Set<String> = ["sub", "mylibrary_id", "library"]
private let contactClaims: Set<String> = ["preferred_username", "email", "email_verified"]
private let technicalClaims: Set<String> = ["iss", "aud", "exp", "iat", "nbf", "jti", "auth_time", "nonce", "azp", "client_id", "scope", "acr", "sid"]
/// RFC 7662 §2.2 members of an introspection answer that are not claims.
private let introspectionMembers: Set<String> = ["active", "token_type"]

/// OIDC Core §2 ID token, RFC 9068 §2.2 access token, OIDC Core §5.3.2 userinfo, RFC 7662 §2.2 introspection.
private let idTokenClaims = patronClaims.union(["iss", "aud", "exp", "iat", "nbf", "jti", "auth_time", "nonce", "azp", "sid"])
private let accessTokenClaims = patronClaims.union(["iss", "aud", "exp", "iat", "nbf", "jti", "auth_time", "client_id", "scope", "sid"])
private let introspectionClaims = patronClaims.union(["iss", "aud", "exp", "iat", "nbf", "jti", "client_id", "scope"]).union(introspectionMembers)

/// Where each artefact's claim names are in the facts of one application.
private let artefacts: [(path: String, expected: Set<String>)] = [
    ("id_token.claims", idTokenClaims), ("second_login.id_token.claims", idTokenClaims),
    ("access_token.claims", accessTokenClaims), ("second_login.access_token.claims", accessTokenClaims),
    ("rotation.access_token.claims", accessTokenClaims),
    ("userinfo.claims", patronClaims), ("rotation.userinfo.claims", patronClaims),
    ("introspection.members", introspectionClaims), ("refresh_token_introspection.members", introspectionClaims),
    ("rotation.introspection_before_reuse.members", introspectionClaims),
]

private let idTokenAlgorithm = ["reading-tipper": "ES256", "e-books": "RS256"]
private let grantedScope = ["reading-tipper": "email offline_access openid profile", "e-books": "offline_access openid"]
private let postLogoutRedirect = ["reading-tipper": "http://127.0.0.1:8090/", "e-books": "http://127.0.0.1:8091/"]

@Suite struct OIDCAuthlibTests {
    /// OIDC Core §3.1.2–§3.1.3, RFC 7636 §4, RFC 9207 §2: the code flow through the real
    /// login and consent forms; `iss` and `state` come back; the tokens verify with jwcrypto.
    @Test(arguments: ["reading-tipper", "e-books"])
    func codeFlowThroughTheRealFormsGivesVerifiedTokens(app: String) throws {
        let run = try facts()
        #expect(run.bool("discovery.issuer_matches") == true)
        #expect(run.strings("\(app).forms") == ["login", "consent"])
        #expect(run.strings("\(app).response_parameters") == ["code", "iss", "state"])
        #expect(run.bool("\(app).iss_is_issuer") == true && run.bool("\(app).state_matches") == true)
        #expect(run.int("\(app).token_response.status") == 200)
        #expect(run.strings("\(app).token_response.members") == ["access_token", "expires_in", "id_token", "refresh_token", "scope", "token_type"])
        #expect(run.string("\(app).token_response.token_type") == "Bearer")
        #expect(run.string("\(app).token_response.scope") == grantedScope[app])
        #expect(run.string("\(app).token_response.cache_control") == "no-store")
        #expect(run.string("\(app).token_response.pragma") == "no-cache")
        for login in ["", "second_login."] {
            #expect(run.string("\(app).\(login)id_token.verified") == "ok", "jwcrypto: signature, iss, aud, exp, iat, nonce, azp")
            #expect(run.string("\(app).\(login)id_token.alg") == idTokenAlgorithm[app])
            #expect(run.bool("\(app).\(login)id_token.kid_in_jwks") == true)
            #expect(run.string("\(app).\(login)access_token.verified") == "ok")
            #expect(run.string("\(app).\(login)access_token.alg") == "ES256")
            #expect(run.string("\(app).\(login)access_token.typ") == "at+jwt")
        }
        #expect(run.int("\(app).userinfo.status") == 200)
        #expect(run.bool("\(app).userinfo.sub_matches") == true, "OIDC Core §5.3.2: userinfo sub is the ID token's sub")
    }

    /// Single sign-on: a second authorization in the same browser meets no form at all.
    @Test(arguments: ["reading-tipper", "e-books"])
    func secondAuthorizationInTheSameSessionNeedsNoForm(app: String) throws {
        let run = try facts()
        #expect(run.strings("\(app).second_login.forms") == [])
        #expect(run.bool("\(app).second_login.iss_is_issuer") == true && run.bool("\(app).second_login.state_matches") == true)
    }

    /// DESIGN.md: a functional-communication need releases username and e-mail everywhere.
    @Test func readingTipperReceivesUsernameAndEmailInEveryArtefact() throws {
        let run = try facts()
        for (path, expected) in artefacts {
            #expect(run.names("reading-tipper.\(path)") == expected.union(contactClaims), "\(path)")
        }
    }

    /// DESIGN.md: without that need nothing but the pseudonymous claims, even when the
    /// application asks for profile and email scopes and for email through `claims`.
    @Test func eBooksNeverReceivesUsernameOrEmailEvenWhenAskingForThem() throws {
        let run = try facts()
        for (path, expected) in artefacts {
            #expect(run.names("e-books.\(path)") == expected, "\(path)")
        }
    }

    @Test func noArtefactCarriesAClaimOutsideTheTokenContract() throws {
        let run = try facts()
        let allowed = patronClaims.union(contactClaims).union(technicalClaims).union(introspectionMembers)
        for app in ["reading-tipper", "e-books"] {
            for (path, _) in artefacts {
                let names = try #require(run.names("\(app).\(path)"), "\(app).\(path)")
                #expect(names.subtracting(allowed).isEmpty, "\(app).\(path)")
            }
        }
    }

    /// RFC 9700 §4.14.2, RFC 6749 §10.4: rotation on every use; the old token presented
    /// again fails and revokes the family, so the new one and its access token die too.
    @Test(arguments: ["reading-tipper", "e-books"])
    func refreshTokenRotatesAndReuseRevokesTheFamily(app: String) throws {
        let run = try facts()
        #expect(run.int("\(app).rotation.status") == 200)
        #expect(run.strings("\(app).rotation.members") == ["access_token", "expires_in", "refresh_token", "scope", "token_type"])
        #expect(run.bool("\(app).rotation.rotated") == true)
        #expect(run.string("\(app).rotation.access_token.verified") == "ok")
        #expect(run.int("\(app).rotation.userinfo.status") == 200)
        #expect(run.bool("\(app).rotation.introspection_before_reuse.active") == true)
        for refused in ["old_token_again", "new_token_after_reuse"] {
            #expect(run.int("\(app).rotation.\(refused).status") == 400, "\(refused)")
            #expect(run.string("\(app).rotation.\(refused).error") == "invalid_grant", "\(refused)")
        }
        for inactive in ["new_access_token_after_reuse", "first_access_token_after_reuse"] {
            #expect(run.bool("\(app).rotation.\(inactive).active") == false, "\(inactive)")
            #expect(run.strings("\(app).rotation.\(inactive).members") == ["active"], "\(inactive)")
        }
    }

    /// RFC 7662 §2.2: active for the token's own client, `{"active": false}` for another.
    @Test(arguments: ["reading-tipper", "e-books"])
    func introspectionAnswersOnlyTheTokensOwnClient(app: String) throws {
        let run = try facts()
        #expect(run.bool("\(app).introspection.active") == true)
        #expect(run.string("\(app).introspection.client_id") == app)
        #expect(run.string("\(app).introspection.token_type") == "Bearer")
        #expect(run.bool("\(app).refresh_token_introspection.active") == true)
        #expect(run.string("\(app).refresh_token_introspection.token_type") == "refresh_token")
        for other in ["introspection_by_other_client", "refresh_token_introspection_by_other_client"] {
            #expect(run.int("\(app).\(other).status") == 200)
            #expect(run.strings("\(app).\(other).members") == ["active"], "\(other)")
            #expect(run.bool("\(app).\(other).active") == false, "\(other)")
        }
    }

    /// RFC 7009 §2.1–§2.2: revoked tokens read inactive; userinfo answers 401 invalid_token
    /// (RFC 6750 §3.1); a revoked refresh token can no longer be used.
    @Test(arguments: ["reading-tipper", "e-books"])
    func revokedTokensReadInactiveAndUserinfoRefusesThem(app: String) throws {
        let run = try facts()
        #expect(run.int("\(app).revocation.access_token_status") == 200)
        #expect(run.strings("\(app).revocation.introspection_after.members") == ["active"])
        #expect(run.bool("\(app).revocation.introspection_after.active") == false)
        #expect(run.int("\(app).revocation.userinfo_after.status") == 401)
        #expect(run.string("\(app).revocation.userinfo_after.www_authenticate")?.hasPrefix(#"Bearer realm="gateway", error="invalid_token""#) == true)
        #expect(run.int("\(app).revocation.refresh_token_status") == 200)
        #expect(run.bool("\(app).revocation.refresh_token_introspection_after.active") == false)
        #expect(run.string("\(app).revocation.refresh_after.error") == "invalid_grant")
    }

    /// RP-Initiated Logout 1.0 §2–§3: with id_token_hint the patron is logged out at once
    /// and sent to the registered post_logout_redirect_uri with `state`; the session is gone
    /// at the gateway, so the next authorization asks for a login (even with the old cookie).
    @Test(arguments: ["reading-tipper", "e-books"])
    func rpInitiatedLogoutReturnsStateAndEndsTheGatewaySession(app: String) throws {
        let run = try facts()
        #expect(run.int("\(app).logout.status") == 303)
        #expect(run.string("\(app).logout.redirect") == postLogoutRedirect[app])
        #expect(run.strings("\(app).logout.query_parameters") == ["state"])
        #expect(run.bool("\(app).logout.state_returned") == true)
        for attempt in ["authorize_after", "authorize_with_old_cookie"] {
            #expect(run.int("\(app).logout.\(attempt).status") == 303, "\(attempt)")
            #expect(run.string("\(app).logout.\(attempt).path") == "/login", "\(attempt)")
        }
    }
}
