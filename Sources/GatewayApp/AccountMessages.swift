import GatewayAccounts
import GatewayWeb

/// The patron-facing sentence for each registration problem.
enum AccountMessages {
    static func text(for problem: RegistrationProblem) -> Text {
        switch problem {
        case .libraryMissing: .errLibraryMissing
        case .cardRejected: .errCardRejected
        case .membershipExpired: .errMembershipExpired
        case .cardAlreadyLinked: .errCardLinked
        case .username: .errUsernameFormat
        case .usernameUnavailable: .errUsernameUnavailable
        case .email: .errEmailFormat
        case .emailUnavailable: .errEmailUnavailable
        case .password(.tooShort): .errPasswordShort
        case .password(.tooLong): .errPasswordLong
        case .password(.containsPersonalInformation): .errPasswordPersonal
        case .password: .errPasswordGuessable
        case .passwordsDiffer: .errPasswordsDiffer
        }
    }

    static func fieldErrors(_ problems: [RegistrationProblem], language: Language) -> [Form.FieldError] {
        var seen: Set<String> = []
        return problems.compactMap { problem in
            guard seen.insert(problem.field).inserted else { return nil }
            return Form.FieldError(field: problem.field, message: text(for: problem)(language))
        }
    }
}
