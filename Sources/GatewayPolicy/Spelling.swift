/// Suggests the known field name a misspelt one was probably meant to be.
enum Spelling {
    /// Names longer than this are not compared: nobody misspells a field that badly, and
    /// the comparison costs the product of both lengths.
    static let longestCompared = 64

    static func closest(to word: String, among candidates: some Collection<String>) -> String? {
        guard word.utf8.count <= longestCompared else { return nil }
        // Two edits for short names, more for long ones (`access_token_secs`).
        let tolerance = max(2, word.count / 5)
        let scored = candidates.map { ($0, distance(Array(word.lowercased()), Array($0))) }
        let best = scored.filter { $0.1 <= tolerance }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        return best?.0
    }

    /// Levenshtein distance (insertions, deletions, substitutions).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
