public import Foundation

/// The built `gateway` executable: it sits next to the test bundle in the build folder.
public func gatewayBinary() throws -> URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("gateway")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory = directory.deletingLastPathComponent()
    }
    throw CocoaError(.fileNoSuchFile)
}

/// What a finished `gateway` process left behind.
public struct GatewayRun: Sendable {
    /// Exit status.
    public let status: Int32
    /// Standard output.
    public let output: String
    /// Standard error.
    public let error: String
}

/// Runs the built `gateway` with `arguments` and waits for it.
public func runGateway(_ arguments: [String]) throws -> GatewayRun {
    let process = Process()
    process.executableURL = try gatewayBinary()
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both streams before waiting, so a chatty process cannot fill a pipe and stall.
    let output = out.fileHandleForReading.readDataToEndOfFile(), error = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    // Closed here, not when the handles are deallocated: corelibs-foundation can otherwise
    // close a descriptor number that another test (an SQLite file) already reuses
    // (swiftlang/swift#57827).
    try out.fileHandleForReading.close()
    try err.fileHandleForReading.close()
    return GatewayRun(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                      error: String(decoding: error, as: UTF8.self))
}
