/// Pulls a subcommand's own options out of its arguments; what is left goes to the
/// configuration loader (which knows `--config`, `--keys-dir`, …) or is positional.
struct CommandOptions {
    private(set) var remaining: [String]
    private var values: Set<Int> = []

    init(_ arguments: [String]) { remaining = arguments }

    /// Removes `name` (a flag without value) and says whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Removes `name VALUE` or `name=VALUE` and returns VALUE.
    mutating func value(_ name: String) -> String? {
        if let index = remaining.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            return String(remaining.remove(at: index).dropFirst(name.count + 1))
        }
        guard let index = remaining.firstIndex(of: name), index + 1 < remaining.count else { return nil }
        let value = remaining[index + 1]
        remaining.removeSubrange(index...index + 1)
        return value
    }

    /// Arguments that are neither options nor option values.
    var positional: [String] {
        var result: [String] = []
        var skipNext = false
        for argument in remaining {
            if skipNext { skipNext = false; continue }
            if argument.hasPrefix("--") { skipNext = !argument.contains("="); continue }
            result.append(argument)
        }
        return result
    }

    /// The options (with their values) left after the subcommand took its own.
    var optionArguments: [String] {
        var result: [String] = []
        var takeNext = false
        for argument in remaining {
            if takeNext { result.append(argument); takeNext = false; continue }
            if argument.hasPrefix("--") { result.append(argument); takeNext = !argument.contains("=") }
        }
        return result
    }
}
