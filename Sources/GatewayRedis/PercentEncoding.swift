import GatewayCore

/// Percent-decoding for the parts of a Redis URL that may carry any byte.
enum PercentEncoding {
    /// Decodes `%XX` escapes; `field` names the part in the error, never its content.
    static func decode(_ text: Substring, field: String) throws(RedisURLError) -> String {
        do {
            return try PercentDecoding.strict(text)
        } catch .badEscape {
            throw RedisURLError(reason: "\(field) contains a '%' that is not followed by two hex digits")
        } catch {
            throw RedisURLError(reason: "\(field) is not valid UTF-8 after percent-decoding")
        }
    }
}
