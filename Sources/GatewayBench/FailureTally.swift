import Foundation

/// Failure counts by kind, for the FAILURES line of a run.
struct FailureTally: Sendable {
    private(set) var counts: [String: Int] = [:]

    var total: Int { counts.values.reduce(0, +) }

    mutating func add(_ kind: String) { counts[kind, default: 0] += 1 }

    mutating func merge(_ other: FailureTally) {
        for (kind, count) in other.counts { counts[kind, default: 0] += count }
    }

    /// `kind=count,kind=count` (spaces replaced), or `none`.
    var summary: String {
        counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }
            .map { "\($0.key.replacingOccurrences(of: " ", with: "_"))=\($0.value)" }.joined(separator: ",")
    }
}
