internal import Foundation
import GatewayAccounts

/// The JSON bodies of the library system API `HTTPLibrarySystem` calls:
///
/// - `GET /libraries` → `{"libraries": [{"id": "…", "name": "…"}]}`
/// - `POST /memberships/verify` with `{"library", "card_number", "secret"}` →
///   `{"status": "valid" | "invalid" | "expired", "member_reference": "…",
///   "valid_until": "YYYY-MM-DD" | null}` (the reference required when valid)
/// - `GET /libraries/{id}/members/{reference}` → `{"valid": true | false}`; 404 means
///   the member no longer exists.
enum LibrarySystemAPI {
    struct LibraryList: Decodable {
        struct Entry: Decodable {
            let id: String
            let name: String
        }

        let libraries: [Entry]
    }

    struct VerifyRequest: Encodable {
        let library: String
        let cardNumber: String
        let secret: String

        enum CodingKeys: String, CodingKey {
            case library, cardNumber = "card_number", secret
        }
    }

    struct VerifyResponse: Decodable {
        let status: String
        let memberReference: String?
        let validUntil: String?

        enum CodingKeys: String, CodingKey {
            case status, memberReference = "member_reference", validUntil = "valid_until"
        }

        /// The check this answer stands for, nil when the answer is inconsistent.
        var check: MembershipCheck? {
            switch status {
            case "invalid": return .invalid
            case "expired": return .expired
            case "valid":
                guard let reference = memberReference, !reference.isEmpty else { return nil }
                guard let text = validUntil else { return .valid(memberReference: reference, validUntil: nil) }
                return CalendarDate(iso8601: text).map { .valid(memberReference: reference, validUntil: $0) }
            default: return nil
            }
        }
    }

    struct MemberStatus: Decodable {
        let valid: Bool
    }

    /// `segment` with everything but unreserved ASCII letters, digits, `-`, `_` and `~`
    /// percent-encoded: a `/` or `..` in an identifier cannot change the path.
    static func pathSegment(_ segment: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in segment.utf8 {
            if unreserved.contains(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
