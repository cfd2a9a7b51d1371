/// A command's arguments packed back to back in one byte buffer, handed to hiredis as
/// argv + lengths: each argument travels as a length-prefixed bulk string, so spaces,
/// CR/LF, `%s` or NUL in a key or value can never change the command.
struct RedisCommand: Sendable {
    /// All arguments, then one spare 0 byte so the buffer's base address is never nil.
    private let bytes: [UInt8]
    /// End offset of each argument in `bytes`.
    private let ends: [Int]

    /// A command from text arguments (sent as their UTF-8 bytes).
    init(_ arguments: [String]) {
        self.init(packing: arguments.lazy.map(\.utf8))
    }

    /// A command from binary arguments.
    init(bytes arguments: [[UInt8]]) {
        self.init(packing: arguments)
    }

    private init<Arguments: Collection>(packing arguments: Arguments)
    where Arguments.Element: Collection<UInt8> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(arguments.reduce(1) { $0 + $1.count })
        var ends: [Int] = []
        ends.reserveCapacity(arguments.count)
        for argument in arguments {
            bytes.append(contentsOf: argument)
            ends.append(bytes.count)
        }
        bytes.append(0)
        self.bytes = bytes
        self.ends = ends
    }

    /// True when there is no argument at all (not even a command name).
    var isEmpty: Bool { ends.isEmpty }

    /// Calls `body` with argc, argv and argvlen as `redisCommandArgv` and
    /// `redisAppendCommandArgv` take them; the pointers live only during the call.
    func withArgv<Result>(
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>, UnsafePointer<Int>) -> Result
    ) -> Result {
        let count = max(ends.count, 1)
        return bytes.withUnsafeBytes { buffer in
            let base = buffer.baseAddress!.assumingMemoryBound(to: CChar.self)
            return withUnsafeTemporaryAllocation(of: UnsafePointer<CChar>?.self, capacity: count) { argv in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { lengths in
                    var start = 0
                    for (index, end) in ends.enumerated() {
                        argv.initializeElement(at: index, to: base + start)
                        lengths.initializeElement(at: index, to: end - start)
                        start = end
                    }
                    return body(Int32(ends.count), argv.baseAddress!, UnsafePointer(lengths.baseAddress!))
                }
            }
        }
    }
}
