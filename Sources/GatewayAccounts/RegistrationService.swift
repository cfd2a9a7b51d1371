public import GatewayCore
public import GatewayCrypto

/// Registration (DESIGN.md, Flows): check the form, prove the membership to the library
/// system, then store the account — in that order, so nothing is stored on any error.
public struct RegistrationService: Sendable {
    private let patrons: any PatronStore
    private let libraries: any LibrarySystem
    private let hasher: PasswordHashingPool
    private let passwords: PasswordPolicy
    private let random: any RandomSource
    private let clock: any Clock

    /// A service over the given stores and systems.
    public init(patrons: any PatronStore, libraries: any LibrarySystem, hasher: PasswordHashingPool, passwords: PasswordPolicy,
                random: any RandomSource, clock: any Clock) {
        self.patrons = patrons
        self.libraries = libraries
        self.hasher = hasher
        self.passwords = passwords
        self.random = random
        self.clock = clock
    }

    /// Registers `request`. Store failures other than uniqueness are thrown (the caller
    /// answers 503); everything the patron can fix comes back as `.refused`.
    public func register(_ request: RegistrationRequest) throws -> RegistrationOutcome {
        var problems: [RegistrationProblem] = []
        var username: Username?
        do { username = try UsernameRules.validate(request.username) } catch { problems.append(.username(error)) }
        var email: EmailAddress?
        do { email = try EmailRules.validate(request.email) } catch { problems.append(.email(error)) }
        if request.library.isEmpty { problems.append(.libraryMissing) }
        do { _ = try passwords.validate(request.password, username: request.username, email: request.email) } catch {
            problems.append(.password(error))
        }
        if request.password != request.passwordAgain { problems.append(.passwordsDiffer) }
        guard problems.isEmpty, let username, let email else { return .refused(problems) }
        return try registerChecked(request, username: username, email: email)
    }

    private func registerChecked(_ request: RegistrationRequest, username: Username, email: EmailAddress) throws -> RegistrationOutcome {
        let membership: MembershipCheck
        do { membership = try libraries.verifyMembership(library: request.library, cardNumber: request.cardNumber, secret: request.cardSecret) } catch {
            return .libraryUnavailable
        }
        guard case .valid(let reference, _) = membership else {
            return .refused([membership == .expired ? .membershipExpired : .cardRejected])
        }
        var taken: [RegistrationProblem] = []
        if try patrons.find(libraryID: request.library, membershipReference: reference) != nil { taken.append(.cardAlreadyLinked) }
        if try patrons.find(normalizedUsername: username.normalized) != nil { taken.append(.usernameUnavailable) }
        if try patrons.find(normalizedEmail: email.normalized) != nil { taken.append(.emailUnavailable) }
        guard taken.isEmpty else { return .refused(taken) }
        let hash: String
        do { hash = try hasher.hash(password: request.password) } catch {
            if case .saturated(let seconds) = error { return .busy(retryAfterSeconds: seconds) }
            throw error
        }
        return try store(request, username: username, email: email, reference: reference, hash: hash)
    }

    private func store(_ request: RegistrationRequest, username: Username, email: EmailAddress, reference: String,
                       hash: String) throws -> RegistrationOutcome {
        for _ in 0..<3 {
            let account = PatronAccount(
                mylibraryID: MylibraryID.generate(using: random), username: username, email: email, passwordHash: hash,
                libraryID: request.library, membershipReference: reference, createdAt: clock.now(),
                directMarketingOptIn: request.directMarketing, language: request.language)
            do {
                try patrons.create(account)
                return .registered(account)
            } catch PatronStoreError.mylibraryIDTaken {
                continue
            } catch PatronStoreError.usernameTaken {
                return .refused([.usernameUnavailable])
            } catch PatronStoreError.emailTaken {
                return .refused([.emailUnavailable])
            } catch PatronStoreError.membershipAlreadyLinked {
                return .refused([.cardAlreadyLinked])
            }
        }
        throw PatronStoreError.mylibraryIDTaken
    }
}
