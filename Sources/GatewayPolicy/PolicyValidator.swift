import Foundation

/// `gateway policy validate FILE|DIRECTORY...` as a function the CLI calls and prints.
public enum PolicyValidator {
    /// Validates each file, and each `*.json` file of each directory; a `client_id` used
    /// by an earlier file is reported as a problem of the later one.
    public static func report(for paths: [String]) -> PolicyValidationReport {
        var lines: [String] = []
        var files: [String] = []
        var ok = true
        for path in paths {
            guard isDirectory(path) else {
                files.append(path)
                continue
            }
            do {
                let found = try PolicyParser.policyFiles(in: path)
                if found.isEmpty { lines.append("\(path): no policy files (*.json)") }
                files += found
            } catch {
                ok = false
                lines += error.lines
            }
        }
        for (file, result) in PolicyParser.load(files: files) {
            switch result {
            case .success(let policy): lines.append("\(file): valid (\(summary(of: policy)))")
            case .failure(let error): ok = false; lines += error.lines
            }
        }
        return PolicyValidationReport(ok: ok, lines: lines)
    }

    /// Validates one file or directory.
    public static func report(for path: String) -> PolicyValidationReport { report(for: [path]) }

    /// What an admin checks at a glance: identity, authentication, reach and disclosure.
    static func summary(of policy: ApplicationPolicy) -> String {
        var parts = ["client_id \(policy.clientID)", "\(policy.clientType.rawValue) client",
                     policy.tokenEndpointAuthMethod.rawValue]
        if !policy.hasCredentials { parts.append("secret not yet generated") }
        switch policy.libraries {
        case .all: parts.append("libraries: all")
        case .only(let libraries): parts.append("libraries: " + libraries.joined(separator: " "))
        }
        parts.append("scopes: " + policy.allowedScopes.map(\.rawValue).joined(separator: " "))
        parts.append(policy.disclosesUsernameAndEmail ? "receives username and e-mail" : "no username or e-mail")
        if !policy.active { parts.append("inactive") }
        return parts.joined(separator: ", ")
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
