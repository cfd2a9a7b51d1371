import GatewayCore

/// Who may use the application and what it may learn: subscribed libraries, scopes, the
/// functional-communication need and extra consents.
extension PolicyDraft {
    typealias Scope = ApplicationPolicy.Scope
    static let maximumLibraries = 1_000
    static let maximumExtraConsents = 20

    /// `libraries`, `allowed_scopes`, `functional_communication`, `extra_consents`.
    mutating func readAccess() {
        libraries = readLibraries()
        let scopes = readScopes()
        allowedScopes = scopes?.map(\.scope)
        functionalCommunication = readFunctionalCommunication()
        extraConsents = readExtraConsents()
        if let scopes, functionalCommunication?.needed == false {
            for (index, scope) in scopes where scope.asksForContactDetails {
                reader.problems.add(FieldPath.element(reader.path("allowed_scopes"), index),
                                    "\(FieldPath.quoted(scope.rawValue)) needs functional_communication.needed = true; "
                                        + "without that need no username or e-mail is ever released")
            }
        }
    }

    private func readLibraries() -> ApplicationPolicy.LibrarySubscription? {
        guard let value = reader.value("libraries", required: true) else { return nil }
        if case .string("*") = value { return .all }
        guard case .array(let all) = value else {
            reader.fail("libraries", "must be \"*\" (every library) or a list of library ids, got \(value.typeName)")
            return nil
        }
        guard (1...Self.maximumLibraries).contains(all.count) else {
            reader.fail("libraries", "must list 1 to \(Self.maximumLibraries) library ids, or be \"*\" for every library")
            return nil
        }
        let entries = distinct("libraries", reader.strings("libraries") ?? []) { id in
            id == "*" ? "\"*\" cannot be part of a list; use \"libraries\": \"*\" for every library"
                : IdentifierRule.library.problem(id)
        }
        return .only(entries.map(\.value))
    }

    private func readScopes() -> [(index: Int, scope: Scope)]? {
        guard let entries = reader.strings("allowed_scopes", required: true) else { return nil }
        let supported = Scope.allCases.map(\.rawValue).joined(separator: ", ")
        let accepted = distinct("allowed_scopes", entries) { name in
            Scope(rawValue: name) == nil ? "unsupported scope \(FieldPath.quoted(name)); supported: \(supported)" : nil
        }
        if !entries.contains(where: { $0.value == Scope.openid.rawValue }) {
            reader.fail("allowed_scopes", "must contain \"openid\"")
        }
        return accepted.compactMap { entry in Scope(rawValue: entry.value).map { (entry.index, $0) } }
    }

    private func readFunctionalCommunication() -> ApplicationPolicy.FunctionalCommunication? {
        guard let object = reader.object("functional_communication", required: true) else { return nil }
        defer { object.finish() }
        let needed = object.bool("needed", required: true)
        let purpose = object.string("purpose")
        guard let needed else { return nil }
        guard needed else {
            if let purpose, !purpose.allSatisfy(\.isWhitespace) {
                object.fail("purpose", "must be absent when needed is false (nothing is disclosed, so there is no purpose to show)")
            }
            return .notNeeded
        }
        guard let purpose else {
            if !object.has("purpose") {
                object.fail("purpose", "is required when needed is true: say what the application does with the username "
                    + "and e-mail address (the patron sees it on the consent page)")
            }
            return nil
        }
        if let reason = TextRule.purpose.problem(purpose) {
            object.fail("purpose", reason)
            return nil
        }
        return .needed(purpose: purpose)
    }

    private func readExtraConsents() -> [ApplicationPolicy.ExtraConsent] {
        guard let elements = reader.array("extra_consents") else { return [] }
        guard elements.count <= Self.maximumExtraConsents else {
            reader.fail("extra_consents", "must list at most \(Self.maximumExtraConsents) consents")
            return []
        }
        var consents: [ApplicationPolicy.ExtraConsent] = []
        var firstIndex: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let path = FieldPath.element(reader.path("extra_consents"), index)
            guard let object = ObjectReader.object(element, path: path, problems: reader.problems) else { continue }
            let id = object.string("id", required: true, rule: IdentifierRule.consent.problem)
            let text = object.string("description", required: true, rule: TextRule.consentText.problem)
            object.finish()
            guard let id, let text else { continue }
            if let first = firstIndex[id] {
                object.fail("id", "duplicate of extra_consents[\(first)].id")
            } else {
                firstIndex[id] = index
                consents.append(ApplicationPolicy.ExtraConsent(id: id, description: text))
            }
        }
        return consents
    }
}
