import Foundation

/// Where `gateway policy` puts a client secret it just generated: printed once on
/// standard output, or written to `DIR/<client_id>.secret` (mode 0600, directory 0700)
/// with only the path printed. Secrets go nowhere else: not to standard error, not to a log.
struct ClientSecretOutput {
    /// The secrets directory, or nil to print.
    let directory: String?

    /// Creates the directory (0700) when it does not exist yet, so a problem with it is
    /// found before anything is imported.
    func prepare() throws(PolicyCommandContext.Failure) {
        guard let directory else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw failure("--secrets-dir \(directory) is not a directory") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw failure("cannot create --secrets-dir \(directory): \(error.localizedDescription)")
            }
            // Set after creating, whatever the umask made of it.
            guard chmod(directory, 0o700) == 0 else { throw failure("cannot restrict --secrets-dir \(directory) to mode 0700") }
        }
        guard access(directory, W_OK | X_OK) == 0 else { throw failure("--secrets-dir \(directory) is not writable") }
    }

    /// Hands out `secret` of `clientID`: the lines to print (on standard output).
    func deliver(_ secret: String, clientID: String) throws(PolicyCommandContext.Failure) -> [String] {
        guard let directory else {
            return ["  client secret for \(clientID), shown only this once (the gateway keeps only its hash): \(secret)"]
        }
        let path = (directory as NSString).appendingPathComponent(clientID + ".secret")
        try write(secret + "\n", to: path)
        return ["  client secret for \(clientID) written to \(path) (mode 0600)"]
    }

    /// Writes `text` to `path`, created (or truncated) with mode 0600 from the start, so
    /// the secret is never readable by others, not even for a moment.
    private func write(_ text: String, to path: String) throws(PolicyCommandContext.Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        // An existing file keeps its mode on O_TRUNC: restrict it too.
        guard fchmod(descriptor, 0o600) == 0 else { throw failure("cannot restrict \(path) to mode 0600") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw failure("cannot write \(path): \(String(cString: strerror(errno)))") }
    }

    private func failure(_ message: String) -> PolicyCommandContext.Failure {
        PolicyCommandContext.Failure(message: "gateway policy: " + message, code: 73)
    }
}
