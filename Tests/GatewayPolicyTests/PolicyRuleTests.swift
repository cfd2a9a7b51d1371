import GatewayPolicy
import Testing

/// One broken document and the single problem it must produce.
struct InvalidCase: Sendable, CustomTestStringConvertible {
    let name: String
    var set: [String: String] = [:]
    var remove: [String] = []
    let path: String
    let reason: String

    var testDescription: String { name }
}

private let notNeeded = #"{"needed": false}"#
private let publicKey = #"{"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#

let identityCases: [InvalidCase] = [
    InvalidCase(name: "unknown field", set: ["redirect_uri": #"["https://app.example/x"]"#],
                path: "redirect_uri", reason: #"unknown field (did you mean "redirect_uris"?)"#),
    InvalidCase(name: "unknown nested field", set: ["token_lifetimes": #"{"access_token_secs": 60}"#],
                path: "token_lifetimes.access_token_secs", reason: #"unknown field (did you mean "access_token_seconds"?)"#),
    InvalidCase(name: "unknown field without a near name", set: ["colour": #""blue""#], path: "colour", reason: "unknown field"),
    InvalidCase(name: "missing client_id", remove: ["client_id"], path: "client_id", reason: "is required"),
    InvalidCase(name: "client_id with spaces and capitals", set: ["client_id": #""Test App""#], path: "client_id",
                reason: #"must be 1 to 64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit, got "Test App""#),
    InvalidCase(name: "display_name of the wrong JSON type", set: ["display_name": "42"], path: "display_name",
                reason: "must be a string, got number"),
    InvalidCase(name: "display_name empty", set: ["display_name": #""  ""#], path: "display_name", reason: "must not be empty"),
    InvalidCase(name: "display_name too long", set: ["display_name": "\"" + String(repeating: "a", count: 101) + "\""],
                path: "display_name", reason: "must be at most 100 characters"),
    InvalidCase(name: "display_name with a bidi override", set: ["display_name": #""Test \u202Eppa""#], path: "display_name",
                reason: "must not contain control or bidirectional-override characters"),
    InvalidCase(name: "description null", set: ["description": "null"], path: "description", reason: "must be a string, got null"),
    InvalidCase(name: "active as a string", set: ["active": #""yes""#], path: "active", reason: "must be true or false, got string"),
]

let authenticationCases: [InvalidCase] = [
    InvalidCase(name: "unknown client type", set: ["client_type": #""spa""#], path: "client_type",
                reason: #"must be one of "confidential", "public", got "spa""#),
    InvalidCase(name: "public client with client_secret_basic", set: ["client_type": #""public""#],
                path: "token_endpoint_auth_method",
                reason: #"a public client cannot keep a secret and must use "none" (PKCE protects its codes)"#),
    InvalidCase(name: "confidential client with none", set: ["token_endpoint_auth_method": #""none""#],
                path: "token_endpoint_auth_method",
                reason: #"a confidential client must authenticate with "client_secret_basic", "client_secret_post" or "private_key_jwt""#),
    InvalidCase(name: "private_key_jwt without jwks", set: ["token_endpoint_auth_method": #""private_key_jwt""#],
                path: "jwks", reason: "required for private_key_jwt: give jwks or jwks_uri"),
    InvalidCase(name: "jwks with a client secret method", set: ["jwks": #"{"keys": [\#(publicKey)]}"#],
                path: "jwks", reason: "only allowed with private_key_jwt"),
    InvalidCase(name: "jwks and jwks_uri together",
                set: ["token_endpoint_auth_method": #""private_key_jwt""#, "jwks": #"{"keys": [\#(publicKey)]}"#,
                      "jwks_uri": #""https://app.example/jwks""#],
                path: "jwks_uri", reason: "give either jwks or jwks_uri, not both"),
    InvalidCase(name: "jwks with a private key",
                set: ["token_endpoint_auth_method": #""private_key_jwt""#,
                      "jwks": #"{"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo", "d": "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}]}"#],
                path: "jwks.keys[0].d", reason: "private key material must never be in a policy; publish only the public key"),
    InvalidCase(name: "jwks with a symmetric key",
                set: ["token_endpoint_auth_method": #""private_key_jwt""#, "jwks": #"{"keys": [{"kty": "oct"}]}"#],
                path: "jwks.keys[0].kty", reason: #"symmetric keys ("oct") are not allowed; use a public key"#),
    InvalidCase(name: "jwks_uri over http",
                set: ["token_endpoint_auth_method": #""private_key_jwt""#, "jwks_uri": #""http://127.0.0.1/jwks""#],
                path: "jwks_uri", reason: "must use https"),
    InvalidCase(name: "clear-text secret", set: ["client_secret_hash": #""s3cret-s3cret""#], path: "client_secret_hash",
                reason: "must be an Argon2id hash in PHC format ($argon2id$v=19$m=…,t=…,p=…$salt$hash); a clear-text secret never belongs in a policy"),
    InvalidCase(name: "secret hash for a public client",
                set: ["client_type": #""public""#, "token_endpoint_auth_method": #""none""#,
                      "client_secret_hash": #""$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$SGFzaEhhc2hIYXNoSGFzaEhhc2hIYXNoSGFzaA""#],
                path: "client_secret_hash", reason: "only allowed with client_secret_basic or client_secret_post"),
    InvalidCase(name: "id token alg none", set: ["id_token_signed_response_alg": #""none""#], path: "id_token_signed_response_alg",
                reason: #"must be one of "RS256", "ES256", "EdDSA", got "none" ("none" and HMAC algorithms are never accepted)"#),
    InvalidCase(name: "id token alg HS256", set: ["id_token_signed_response_alg": #""HS256""#], path: "id_token_signed_response_alg",
                reason: #"must be one of "RS256", "ES256", "EdDSA", got "HS256" ("none" and HMAC algorithms are never accepted)"#),
]

let uriCases: [InvalidCase] = [
    InvalidCase(name: "http redirect to a non-loopback host", set: ["redirect_uris": #"["http://app.example/callback"]"#],
                path: "redirect_uris[0]", reason: "http is only allowed for loopback hosts (127.0.0.1, localhost, [::1]); use https"),
    InvalidCase(name: "redirect with a fragment", set: ["redirect_uris": #"["https://app.example/callback#top"]"#],
                path: "redirect_uris[0]", reason: "must not contain a fragment ('#')"),
    InvalidCase(name: "duplicate redirect URI",
                set: ["redirect_uris": #"["https://app.example/a", "https://app.example/b", "https://app.example/a"]"#],
                path: "redirect_uris[2]", reason: "duplicate of redirect_uris[0]"),
    InvalidCase(name: "wildcard redirect", set: ["redirect_uris": #"["https://*.app.example/callback"]"#],
                path: "redirect_uris[0]", reason: "must not contain wildcards ('*'); register every URI exactly"),
    InvalidCase(name: "relative redirect", set: ["redirect_uris": #"["/callback"]"#], path: "redirect_uris[0]",
                reason: "must be an absolute URI with a scheme, e.g. https://app.example/callback"),
    InvalidCase(name: "no redirect URIs", set: ["redirect_uris": "[]"], path: "redirect_uris", reason: "must list at least one URI"),
    InvalidCase(name: "uppercase host", set: ["redirect_uris": #"["https://App.example/callback"]"#], path: "redirect_uris[0]",
                reason: "host must be lowercase (URIs are compared exactly)"),
    InvalidCase(name: "credentials in the URI", set: ["redirect_uris": #"["https://user@app.example/callback"]"#],
                path: "redirect_uris[0]", reason: "must not contain user credentials ('user@')"),
    InvalidCase(name: "bad port", set: ["redirect_uris": #"["https://app.example:99999/callback"]"#], path: "redirect_uris[0]",
                reason: "has an invalid port (1 to 65535)"),
    InvalidCase(name: "private-use scheme for a confidential client", set: ["redirect_uris": #"["nl.bibliotheek.app:/callback"]"#],
                path: "redirect_uris[0]",
                reason: "private-use schemes are for native apps, which are public clients; a confidential client uses https"),
    InvalidCase(name: "javascript post-logout URI", set: ["post_logout_redirect_uris": #"["javascript:alert(1)"]"#],
                path: "post_logout_redirect_uris[0]",
                reason: "scheme must be https, http for a loopback host, or a private-use scheme in reverse domain notation such as nl.bibliotheek.app (RFC 8252 §7.1)"),
    InvalidCase(name: "back-channel logout to a private-use scheme", set: ["backchannel_logout_uri": #""nl.bibliotheek.app:/logout""#],
                path: "backchannel_logout_uri", reason: "must use https (or http for a loopback host)"),
    InvalidCase(name: "back-channel logout with a fragment", set: ["backchannel_logout_uri": #""https://app.example/logout#x""#],
                path: "backchannel_logout_uri", reason: "must not contain a fragment ('#')"),
]

let accessCases: [InvalidCase] = [
    InvalidCase(name: "scopes without openid", set: ["allowed_scopes": #"["profile", "email"]"#], path: "allowed_scopes",
                reason: #"must contain "openid""#),
    InvalidCase(name: "unsupported scope", set: ["allowed_scopes": #"["openid", "address"]"#], path: "allowed_scopes[1]",
                reason: #"unsupported scope "address"; supported: openid, profile, email, offline_access"#),
    InvalidCase(name: "email scope without a functional-communication need",
                set: ["allowed_scopes": #"["openid", "email"]"#, "functional_communication": notNeeded], path: "allowed_scopes[1]",
                reason: #""email" needs functional_communication.needed = true; without that need no username or e-mail is ever released"#),
    InvalidCase(name: "functional_communication missing", remove: ["functional_communication"], path: "functional_communication",
                reason: "is required"),
    InvalidCase(name: "needed missing", set: ["functional_communication": #"{"purpose": "Sends you reminders by e-mail."}"#],
                path: "functional_communication.needed", reason: "is required"),
    InvalidCase(name: "purpose missing when needed", set: ["functional_communication": #"{"needed": true}"#],
                path: "functional_communication.purpose",
                reason: "is required when needed is true: say what the application does with the username and e-mail address (the patron sees it on the consent page)"),
    InvalidCase(name: "purpose too short", set: ["functional_communication": #"{"needed": true, "purpose": "Mail."}"#],
                path: "functional_communication.purpose", reason: "must be at least 10 characters"),
    InvalidCase(name: "purpose present when not needed",
                set: ["allowed_scopes": #"["openid"]"#, "functional_communication": #"{"needed": false, "purpose": "Sends you reminders."}"#],
                path: "functional_communication.purpose",
                reason: "must be absent when needed is false (nothing is disclosed, so there is no purpose to show)"),
    InvalidCase(name: "libraries as a word", set: ["libraries": #""all""#], path: "libraries",
                reason: #"must be "*" (every library) or a list of library ids, got string"#),
    InvalidCase(name: "no libraries", set: ["libraries": "[]"], path: "libraries",
                reason: #"must list 1 to 1000 library ids, or be "*" for every library"#),
    InvalidCase(name: "star inside a library list", set: ["libraries": #"["*"]"#], path: "libraries[0]",
                reason: #""*" cannot be part of a list; use "libraries": "*" for every library"#),
    InvalidCase(name: "duplicate library", set: ["libraries": #"["bibliotheek-noord", "bibliotheek-noord"]"#], path: "libraries[1]",
                reason: "duplicate of libraries[0]"),
    InvalidCase(name: "library id with capitals", set: ["libraries": #"["Noord"]"#], path: "libraries[0]",
                reason: #"must be 1 to 64 characters of a-z, 0-9, '-', starting with a letter or digit, got "Noord""#),
    InvalidCase(name: "duplicate extra consent",
                set: ["extra_consents": #"[{"id": "loan_history", "description": "Your loan history, for better tips."}, {"id": "loan_history", "description": "Your loan history, once more."}]"#],
                path: "extra_consents[1].id", reason: "duplicate of extra_consents[0].id"),
    InvalidCase(name: "extra consent with an unknown field",
                set: ["extra_consents": #"[{"id": "loan_history", "description": "Your loan history, for better tips.", "required": true}]"#],
                path: "extra_consents[0].required", reason: "unknown field"),
]

private let pairwiseHint = " (pairwise subjects are not offered: every token carries mylibrary_id, which is the same for every "
    + "application, so a pairwise sub would hide nothing)"

let tokenCases: [InvalidCase] = [
    // The hint explains why pairwise subjects are refused (ApplicationPolicy.SubjectType).
    InvalidCase(name: "unknown subject type", set: ["subject_type": #""private""#], path: "subject_type",
                reason: #"must be one of "public", got "private""# + pairwiseHint),
    InvalidCase(name: "pairwise subjects", set: ["subject_type": #""pairwise""#], path: "subject_type",
                reason: #"must be one of "public", got "pairwise""# + pairwiseHint),
    InvalidCase(name: "access token outliving an idle grant",
                set: ["token_lifetimes": #"{"access_token_seconds": 3600, "refresh_token_idle_seconds": 600}"#],
                path: "token_lifetimes.access_token_seconds",
                reason: "must be at most refresh_token_idle_seconds (600): an access token lives no longer than its grant"),
    InvalidCase(name: "refresh absolute shorter than idle",
                set: ["token_lifetimes": #"{"refresh_token_idle_seconds": 86400, "refresh_token_absolute_seconds": 3600}"#],
                path: "token_lifetimes.refresh_token_absolute_seconds", reason: "must be at least refresh_token_idle_seconds (86400)"),
    InvalidCase(name: "access token lifetime too short", set: ["token_lifetimes": #"{"access_token_seconds": 5}"#],
                path: "token_lifetimes.access_token_seconds", reason: "must be between 60 and 3600, got 5"),
    InvalidCase(name: "fractional lifetime", set: ["token_lifetimes": #"{"id_token_seconds": 60.5}"#],
                path: "token_lifetimes.id_token_seconds", reason: "must be a whole number"),
    InvalidCase(name: "code lifetime too long", set: ["token_lifetimes": #"{"authorization_code_seconds": 3600}"#],
                path: "token_lifetimes.authorization_code_seconds", reason: "must be between 10 and 600, got 3600"),
    InvalidCase(name: "token_lifetimes not an object", set: ["token_lifetimes": "600"], path: "token_lifetimes",
                reason: "must be an object, got number"),
    InvalidCase(name: "reuse grace too long", set: ["refresh_token_reuse_grace_seconds": "11"],
                path: "refresh_token_reuse_grace_seconds", reason: "must be between 0 and 10, got 11"),
]

@Suite struct PolicyRuleTests {
    @Test func baseDocumentIsValid() throws {
        #expect(try parse(document()).clientID == "test-app")
    }

    @Test(arguments: identityCases + authenticationCases + uriCases + accessCases + tokenCases)
    func invalidDocumentReportsExactlyOneProblem(_ invalid: InvalidCase) {
        let found = problems(document(set: invalid.set, remove: invalid.remove))
        #expect(found == [PolicyValidationError(path: invalid.path, reason: invalid.reason)])
    }

    @Test func everyProblemIsReportedInFieldOrder() {
        let text = document(set: [
            "client_id": #""Bad Id""#, "redirect_uris": #"["http://app.example/cb", "https://app.example/cb#x"]"#,
            "allowed_scopes": #"["profile"]"#, "id_token_signed_response_alg": #""HS256""#, "typo_field": "1",
        ])
        #expect(problems(text).map(\.path) == [
            "client_id", "redirect_uris[0]", "redirect_uris[1]", "allowed_scopes", "id_token_signed_response_alg", "typo_field",
        ])
    }

    @Test func errorDescriptionIsPathThenReason() {
        let error = PolicyValidationError(path: "redirect_uris[1]", reason: "must not contain a fragment ('#')")
        #expect(error.description == "redirect_uris[1]: must not contain a fragment ('#')")
        let invalid = InvalidPolicyError(file: "a.json", problems: [error, PolicyValidationError(path: "", reason: "document is not valid UTF-8")])
        #expect(invalid.description == "a.json: redirect_uris[1]: must not contain a fragment ('#')\na.json: document is not valid UTF-8")
    }
}
