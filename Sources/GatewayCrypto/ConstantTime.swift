/// Comparison whose duration does not depend on where two secrets differ.
public enum ConstantTime {
    /// Whether `a` and `b` are the same non-empty string.
    public static func equal(_ a: String, _ b: String) -> Bool { equal(Array(a.utf8), Array(b.utf8)) }

    /// Whether `x` and `y` are the same non-empty byte string.
    public static func equal(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        guard x.count == y.count, !x.isEmpty else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
