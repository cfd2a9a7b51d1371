/// A client secret held in memory only. Its description never shows the value, so a
/// configuration printed by accident cannot leak it.
public struct ClientSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret as issued by `gateway policy import --secrets-dir`.
    public let value: String

    /// Wraps `value`.
    public init(_ value: String) { self.value = value }

    /// Always `(secret)`.
    public var description: String { "(secret)" }

    /// Always `(secret)`.
    public var debugDescription: String { "(secret)" }
}
