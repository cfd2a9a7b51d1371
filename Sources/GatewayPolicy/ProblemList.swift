/// Collects the problems of one document while it is read. A reference type because every
/// reader of a nested object adds to the same list.
final class ProblemList {
    private(set) var problems: [PolicyValidationError] = []

    var isEmpty: Bool { problems.isEmpty }

    func add(_ path: String, _ reason: String) {
        problems.append(PolicyValidationError(path: path, reason: reason))
    }
}
