internal import CCrack
internal import Foundation
import Synchronization

/// cracklib keeps process-wide state (static buffers, `getpwuid`), so every
/// `FascistCheck` in the process goes through this one lock.
private let cracklibLock = Mutex<Void>(())

/// Finds passwords that are common, dictionary-based or built from the patron's own
/// details: Debian's cracklib dictionary through libcrack2's `FascistCheck`, plus a short
/// list of our own for what cracklib accepts (`Password123!`, `Welkom01!`, `Bibliotheek1`).
///
/// Give it the NFKC form of the password. Nothing here logs or keeps the password.
public struct CommonPasswords: Sendable {
    /// What is wrong with a password.
    public enum Finding: Sendable, Equatable {
        /// A (possibly decorated) word from the dictionary.
        case dictionaryWord
        /// On our own list of passwords everyone tries first (decoration ignored).
        case commonPassword
        /// A sequence, a keyboard pattern or too few different characters.
        case tooSimple
        /// The patron's username or e-mail address, or a password containing it.
        case personalInformation
    }

    /// Path of the cracklib dictionary, without the `.pwd` / `.pwi` / `.hwm` suffix.
    public let dictionaryPath: String

    /// A checker on the dictionary at `dictionaryPath` (default: the one libcrack2 was
    /// built with, `/var/cache/cracklib/cracklib_dict` on Debian).
    /// - Throws: `.dictionaryMissing` when its files cannot be read, so a missing
    ///   `cracklib-runtime` is caught at startup rather than at the first registration.
    public init(dictionaryPath: String? = nil) throws(CommonPasswordsError) {
        let path = dictionaryPath ?? String(cString: GetDefaultCracklibDict())
        for suffix in [".pwd", ".pwi", ".hwm"] where access(path + suffix, R_OK) != 0 {
            throw .dictionaryMissing(path: path)
        }
        self.dictionaryPath = path
    }

    /// What is wrong with `password`, or nil when it is acceptable. `personalWords` are the
    /// patron's own username and e-mail address.
    public func finding(for password: String, personalWords: [String]) -> Finding? {
        let folded = password.lowercased()
        if Self.isPersonal(folded, personalWords: personalWords) { return .personalInformation }
        if let finding = cracklibFinding(for: password) { return finding }
        return Self.isOnOwnList(folded) ? .commonPassword : nil
    }

    private func cracklibFinding(for password: String) -> Finding? {
        let reason: String? = cracklibLock.withLock { _ in
            password.withCString { FascistCheck($0, dictionaryPath).map { String(cString: $0) } }
        }
        guard let reason else { return nil }
        return reason.contains("dictionary word") ? .dictionaryWord : .tooSimple
    }

    /// The password is, or contains, the username, the e-mail address or its local part.
    private static func isPersonal(_ folded: String, personalWords: [String]) -> Bool {
        var words = personalWords.map { $0.lowercased() }
        words += words.compactMap { $0.split(separator: "@").first.map(String.init) }
        let core = coreWord(of: folded)
        return words.contains { word in
            guard !word.isEmpty else { return false }
            return core == word || folded == word || (word.count >= 4 && folded.contains(word))
        }
    }

    /// Our list, compared after stripping the digits and symbols people add around a word
    /// and undoing common letter substitutions (`P@ssw0rd2024!` is `password`).
    private static func isOnOwnList(_ folded: String) -> Bool {
        commonWords.contains(folded) || commonWords.contains(coreWord(of: folded))
    }

    /// `folded` without leading and trailing non-letters, with `0→o`, `1→i`, `3→e`, `4→a`,
    /// `5→s`, `7→t`, `@→a`, `$→s` inside.
    private static func coreWord(of folded: String) -> String {
        let substitutions: [Character: Character] = [
            "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s",
        ]
        let core = folded.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return String(core.map { substitutions[$0] ?? $0 })
    }
}
