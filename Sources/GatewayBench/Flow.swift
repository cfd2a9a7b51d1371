import GatewayCore

/// One code flow of a logged-in patron who already consented: `GET /authorize` with the
/// SSO cookie → 302/303 with `code` and our `state` → `POST /token` with the PKCE
/// verifier → 200 with an access token. Times in CLOCK_MONOTONIC nanoseconds.
struct Flow {
    /// Why a flow failed: `transport` when the connection must be reopened.
    struct Failure: Error {
        let description: String
        let transport: Bool
    }

    let began: Int64
    let authorized: Int64
    let ended: Int64
    let accessToken: String
    let refreshToken: String?

    static func run(client: BenchClient, scope: String, session: String, requests: OIDCRequests, on connection: HTTPConnection,
                    random: some RandomSource) throws(Failure) -> Flow {
        let (verifier, challenge) = OIDCRequests.pkce(random: random)
        let state = random.hex(8)
        let began = LoadThreads.now()
        let redirect = try roundTrip(connection, requests.authorize(client, scope: scope, state: state, challenge: challenge, session: session))
        guard redirect.status == 302 || redirect.status == 303 else { throw Failure(description: "authorize \(redirect.status)", transport: false) }
        guard let code = OIDCRequests.code(in: redirect.header("Location"), state: state) else {
            throw Failure(description: "authorize without code", transport: false)
        }
        let authorized = LoadThreads.now()
        let answer = try roundTrip(connection, requests.exchange(client, code: code, verifier: verifier))
        guard answer.status == 200 else { throw Failure(description: "token \(answer.status)", transport: false) }
        guard let access = OIDCRequests.jsonString("access_token", in: answer.body),
              OIDCRequests.jsonString("id_token", in: answer.body) != nil else {
            throw Failure(description: "token without tokens", transport: false)
        }
        return Flow(began: began, authorized: authorized, ended: LoadThreads.now(), accessToken: access,
                    refreshToken: OIDCRequests.jsonString("refresh_token", in: answer.body))
    }

    private static func roundTrip(_ connection: HTTPConnection, _ request: [UInt8]) throws(Failure) -> HTTPReply {
        do { return try connection.roundTrip(request) } catch { throw Failure(description: "transport", transport: true) }
    }
}
