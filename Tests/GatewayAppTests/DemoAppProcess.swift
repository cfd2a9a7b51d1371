import Foundation
import GatewayTesting

/// `gateway demo-app` as a child process: a demo relying party on the port of its policy's
/// redirect URI (8090 reading-tipper, 8091 e-books). Its log lines (standard output) are
/// recorded as they come; the test waits for them with a bounded wait.
final class DemoAppProcess {
    /// Every line the application wrote to standard output, `<eof>` once it closed.
    let lines = Recorder<String>()
    private let process = Process()
    private let errors: TemporaryDirectory

    /// Starts the application for `policy` (a path relative to the repository root) and
    /// waits until it listens; throws with its own message when it cannot (port taken).
    init(policy: String, issuer: String, clientSecretFile: String? = nil) throws {
        errors = TemporaryDirectory(prefix: "demo-app")
        process.executableURL = try gatewayBinary()
        process.arguments = ["demo-app", "--policy", repositoryRoot.appendingPathComponent(policy).path, "--issuer", issuer]
            + (clientSecretFile.map { ["--client-secret-file", $0] } ?? [])
        let output = Pipe()
        _ = FileManager.default.createFile(atPath: errors.file("stderr"), contents: nil)
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors.file("stderr")))
        try process.run()
        let reader = output.fileHandleForReading
        Thread.detachNewThread { [lines] in Self.record(reader, into: lines) }
        let started = lines.waitUntil(seconds: 30) { $0.contains { $0.contains(#""event":"demo_app_started""#) || $0 == "<eof>" } }
        guard started, lines.all.contains(where: { $0.contains(#""event":"demo_app_started""#) }) else {
            let message = (try? String(contentsOfFile: errors.file("stderr"), encoding: .utf8)) ?? ""
            stop()
            throw ScriptFailure(description: "gateway demo-app --policy \(policy) did not start (its port must be free): \(message)")
        }
    }

    deinit {
        stop()
        errors.remove()
    }

    /// Lines of log event `event`.
    func events(_ event: String) -> [String] { lines.all.filter { $0.contains(#""event":"\#(event)""#) } }

    /// SIGTERM to this child, then waits for it to exit.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    private static func record(_ handle: FileHandle, into lines: Recorder<String>) {
        var pending = Data()
        while case let chunk = handle.availableData, !chunk.isEmpty {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 0x0A) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        lines.append("<eof>")
    }
}
