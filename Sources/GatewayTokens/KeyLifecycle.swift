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
        succession(manifest)
            .filter { $0.entry.alg == algorithm && $0.entry.activateAt <= now && ($0.entry.retiredAt.map { $0 > now } ?? true) }
            .max { $0.rank < $1.rank }?.entry
    }

    /// Every entry with the order in which keys take over: activation, then creation, then
    /// place in the manifest (which only ever appends). The manifest keeps whole seconds,
    /// so a key generated and rotated with `--publish-for 0` within one second ties on both
    /// timestamps; without the last rule the older key would stay active for good.
    private static func succession(_ manifest: KeyManifest) -> [(entry: KeyManifest.Entry, rank: Rank)] {
        manifest.keys.enumerated().map { ($1, Rank(activateAt: $1.activateAt, createdAt: $1.createdAt, place: $0)) }
    }

    private struct Rank: Comparable {
        let activateAt: Date
        let createdAt: Date
        let place: Int

        static func < (a: Rank, b: Rank) -> Bool { (a.activateAt, a.createdAt, a.place) < (b.activateAt, b.createdAt, b.place) }
    }

    /// When `entry` stopped (or will stop) signing: the activation of its successor.
    public static func deactivation(of entry: KeyManifest.Entry, in manifest: KeyManifest) -> Date? {
        let ranked = succession(manifest)
        guard let own = ranked.first(where: { $0.entry.kid == entry.kid })?.rank else { return nil }
        return ranked
            .filter { $0.entry.alg == entry.alg && $0.rank > own && $0.entry.retiredAt == nil }
            .map(\.entry.activateAt)
            .min()
    }

    /// The next moment at which some key changes state after `now` (JWKS caches end there).
    public static func nextChange(in manifest: KeyManifest, after now: Date) -> Date? {
        manifest.keys.flatMap { [$0.activateAt] + ($0.retiredAt.map { [$0] } ?? []) }.filter { $0 > now }.min()
    }
}
