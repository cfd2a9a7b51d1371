import Foundation

/// The only I/O of this module: reading policy files and directories of them.
extension PolicyParser {
    /// Loads and validates one policy file; errors name the file.
    public static func loadFile(_ path: String) throws(InvalidPolicyError) -> ApplicationPolicy {
        do {
            return try parse(readDocument(path))
        } catch {
            throw error.attributed(to: path)
        }
    }

    /// Loads every `*.json` file of `path` (not hidden files, not subdirectories), in file
    /// name order. Every refused file is reported, and so is a `client_id` that an earlier
    /// file already uses.
    public static func loadDirectory(_ path: String) throws(PolicyDirectoryError) -> [ApplicationPolicy] {
        let files: [String]
        do {
            files = try policyFiles(in: path)
        } catch {
            throw PolicyDirectoryError(directory: path, failures: [error])
        }
        var policies: [ApplicationPolicy] = []
        var failures: [InvalidPolicyError] = []
        for (_, result) in load(files: files) {
            switch result {
            case .success(let policy): policies.append(policy)
            case .failure(let error): failures.append(error)
            }
        }
        guard failures.isEmpty else { throw PolicyDirectoryError(directory: path, failures: failures) }
        return policies
    }

    /// The policy files of a directory: `*.json`, not hidden, sorted by name.
    static func policyFiles(in directory: String) throws(InvalidPolicyError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw fileError(directory, "cannot read directory")
        }
        let separator = directory.hasSuffix("/") ? "" : "/"
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { directory + separator + $0 }
    }

    /// Loads each file in order; a policy whose `client_id` an earlier file uses is refused.
    static func load(files: [String]) -> [(file: String, result: Result<ApplicationPolicy, InvalidPolicyError>)] {
        var firstFile: [String: String] = [:]
        var results: [(file: String, result: Result<ApplicationPolicy, InvalidPolicyError>)] = []
        for file in files {
            var result = Result { () throws(InvalidPolicyError) in try loadFile(file) }
            if case .success(let policy) = result {
                if let first = firstFile[policy.clientID] {
                    let reason = "duplicate client_id \(FieldPath.quoted(policy.clientID)), already used by \(first)"
                    result = .failure(InvalidPolicyError(file: file, problems: [PolicyValidationError(path: "client_id", reason: reason)]))
                } else {
                    firstFile[policy.clientID] = file
                }
            }
            results.append((file, result))
        }
        return results
    }

    /// The file's bytes, refusing what is not a regular file or is too large to be a policy
    /// (a FIFO or device would otherwise block or never end).
    private static func readDocument(_ path: String) throws(InvalidPolicyError) -> [UInt8] {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved) else {
            throw fileError(path, "cannot read file: no such file or not accessible")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw fileError(path, "cannot read file: not a regular file")
        }
        guard let handle = FileHandle(forReadingAtPath: resolved) else { throw fileError(path, "cannot read file: permission denied") }
        defer { try? handle.close() }
        do {
            // One byte more than allowed, so `parse` can tell an oversized file from a full one.
            return try handle.read(upToCount: maximumDocumentBytes + 1).map(Array.init) ?? []
        } catch {
            throw fileError(path, "cannot read file: \(error.localizedDescription)")
        }
    }

    private static func fileError(_ path: String, _ reason: String) -> InvalidPolicyError {
        InvalidPolicyError(file: path, problems: [PolicyValidationError(path: "", reason: reason)])
    }
}
