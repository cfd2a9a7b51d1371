public import Foundation
public import GatewayCrypto

/// The pure rule that turns manifest timestamps into states at a moment `now`, so a key
/// published ahead of time becomes active by itself when its time comes, on every node,
/// without anyone editing files at that moment.
public enum KeyLifecycle {
    /// The state of `entry` at `now`: retired once `retiredAt` has passed; published until
    /// `activateAt`; after that active if it is the most recently activated key of its
    /// algorithm, otherwise published (a predecessor that still verifies old tokens).
    public static func state(of entry: KeyManifest.Entry, in manifest: KeyManifest, at now: Date) -> KeyState {
        if let retired = entry.retiredAt, retired <= now { return .retired }
        if entry.activateAt > now { return .published }
        return active(for: entry.alg, in: manifest, at: now)?.kid == entry.kid ? .active : .published
    }

    /// The key that signs `algorithm` tokens at `now`, if any.
    public static func active(for algorithm: SignatureAlgorithm, in manifest: KeyManifest, at now: Date) -> KeyManifest.Entry? {
        manifest.keys
            .filter { $0.alg == algorithm && $0.activateAt <= now && ($0.retiredAt.map { $0 > now } ?? true) }
            .max { ($0.activateAt, $0.createdAt) < ($1.activateAt, $1.createdAt) }
    }

    /// When `entry` stopped (or will stop) signing: the activation of its successor.
    public static func deactivation(of entry: KeyManifest.Entry, in manifest: KeyManifest) -> Date? {
        manifest.keys
            .filter { $0.alg == entry.alg && $0.kid != entry.kid && $0.activateAt > entry.activateAt && $0.retiredAt == nil }
            .map(\.activateAt)
            .min()
    }

    /// The next moment at which some key changes state after `now` (JWKS caches end there).
    public static func nextChange(in manifest: KeyManifest, after now: Date) -> Date? {
        manifest.keys.flatMap { [$0.activateAt] + ($0.retiredAt.map { [$0] } ?? []) }.filter { $0 > now }.min()
    }
}
