// swift-tools-version:6.1
import PackageDescription

/// Strictness every LibraryGateway module is built with (see STYLE.md).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "LibraryGateway",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gateway", targets: ["gateway"]),
        .library(name: "GatewayVerifier", targets: ["GatewayVerifier"]),
    ],
    targets: [
        // C libraries from Debian, one system-library target each (module map + shim).
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCrack", providers: [.apt(["libcrack2-dev", "cracklib-runtime"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        .target(name: "GatewayCore", swiftSettings: strict),
        .target(name: "GatewayCrypto", dependencies: ["COpenSSL", "CArgon2", "CCrack", "GatewayCore"], swiftSettings: strict),
        .target(name: "GatewayRedis", dependencies: ["CHiredis", "GatewayCore", "GatewayCrypto", "GatewayAccounts", "GatewayOAuth"], swiftSettings: strict),
        .target(name: "GatewaySQLite", dependencies: ["CSQLite", "GatewayCore", "GatewayAccounts", "GatewayPolicy"], swiftSettings: strict),
        .target(name: "GatewayJOSE", dependencies: ["GatewayCore", "GatewayCrypto"], swiftSettings: strict),
        .target(name: "GatewayPolicy", dependencies: ["GatewayCore"], swiftSettings: strict),
        .target(
            name: "GatewayTokens", dependencies: ["GatewayCore", "GatewayCrypto", "GatewayJOSE", "GatewayPolicy"],
            swiftSettings: strict),
        .target(name: "GatewayAccounts", dependencies: ["GatewayCore", "GatewayCrypto"], swiftSettings: strict),
        .target(
            name: "GatewayOAuth",
            dependencies: ["GatewayCore", "GatewayCrypto", "GatewayJOSE", "GatewayPolicy", "GatewayTokens", "GatewayAccounts"],
            swiftSettings: strict),
        .target(
            name: "GatewayLibrarySystems", dependencies: ["GatewayCore", "GatewayCrypto", "GatewayAccounts", "GatewayOutbound"],
            swiftSettings: strict),
        .target(name: "GatewayOutbound", swiftSettings: strict),
        .target(
            name: "GatewayDemoApp",
            dependencies: ["GatewayCore", "GatewayCrypto", "GatewayJOSE", "GatewayPolicy", "GatewayHTTP", "GatewayWeb", "GatewayOutbound",
                           "GatewayVerifier"],
            swiftSettings: strict),
        .target(name: "GatewayWeb", dependencies: ["GatewayCore"], swiftSettings: strict),
        .target(name: "GatewayHTTP", dependencies: ["CMicroHTTPD", "GatewayCore"], swiftSettings: strict),
        .target(
            name: "GatewayApp",
            dependencies: [
                "GatewayCore", "GatewayCrypto", "GatewayJOSE", "GatewayPolicy", "GatewayTokens", "GatewayAccounts", "GatewayOAuth",
                "GatewayLibrarySystems", "GatewayOutbound", "GatewayDemoApp", "GatewayRedis", "GatewaySQLite", "GatewayHTTP", "GatewayWeb", "GatewayVerifier",
            ],
            swiftSettings: strict),
        .executableTarget(name: "gateway", dependencies: ["GatewayApp"], swiftSettings: strict),
        .target(name: "GatewayVerifier", dependencies: ["GatewayCore", "GatewayCrypto", "GatewayJOSE"], swiftSettings: strict),
        .target(name: "GatewayTesting", dependencies: ["GatewayCore"], swiftSettings: strict),
        .executableTarget(
            name: "GatewayBench",
            dependencies: ["GatewayJOSE", "GatewayTokens", "GatewayCrypto", "GatewayCore", "GatewayRedis", "GatewayAccounts", "GatewayOAuth"],
            swiftSettings: strict),

        .testTarget(name: "GatewayCoreTests", dependencies: ["GatewayCore"], swiftSettings: strict),
        .testTarget(name: "GatewayCryptoTests", dependencies: ["GatewayCrypto", "GatewayCore"], swiftSettings: strict),
        .testTarget(
            name: "GatewayRedisTests", dependencies: ["GatewayRedis", "GatewayOAuth", "GatewayAccounts", "GatewayCore", "GatewayTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "GatewaySQLiteTests", dependencies: ["GatewaySQLite", "GatewayPolicy", "GatewayAccounts", "GatewayCore", "GatewayTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "GatewayOAuthTests",
            dependencies: ["GatewayOAuth", "GatewayTokens", "GatewayPolicy", "GatewayAccounts", "GatewayCrypto", "GatewayCore", "GatewayTesting"],
            swiftSettings: strict),
        .testTarget(name: "GatewayJOSETests", dependencies: ["GatewayJOSE", "GatewayCrypto", "GatewayCore"], swiftSettings: strict),
        .testTarget(name: "GatewayPolicyTests", dependencies: ["GatewayPolicy", "GatewayCore"], swiftSettings: strict),
        .testTarget(
            name: "GatewayTokensTests",
            dependencies: ["GatewayTokens", "GatewayJOSE", "GatewayPolicy", "GatewayCrypto", "GatewayCore", "GatewayTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "GatewayVerifierTests",
            dependencies: [
                "GatewayVerifier", "GatewayJOSE", "GatewayCrypto", "GatewayCore", "GatewayApp", "GatewayTokens", "GatewayPolicy",
                "GatewayTesting",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "GatewayAccountsTests",
            dependencies: ["GatewayAccounts", "GatewayLibrarySystems", "GatewaySQLite", "GatewayRedis", "GatewayCrypto", "GatewayCore",
                           "GatewayTesting"],
            swiftSettings: strict),
        .testTarget(
            name: "GatewayDemoAppTests",
            dependencies: ["GatewayDemoApp", "GatewayHTTP", "GatewayCrypto", "GatewayJOSE", "GatewayCore", "GatewayTesting"],
            swiftSettings: strict),
        .testTarget(name: "GatewayWebTests", dependencies: ["GatewayWeb", "GatewayCore"], swiftSettings: strict),
        .testTarget(name: "GatewayHTTPTests", dependencies: ["GatewayHTTP", "GatewayCore", "GatewayTesting"], swiftSettings: strict),
        .testTarget(
            name: "GatewayAppTests",
            dependencies: ["GatewayApp", "GatewayHTTP", "GatewayCore", "GatewayCrypto", "GatewayJOSE", "GatewayPolicy", "GatewaySQLite",
                           "GatewayTokens", "GatewayTesting"],
            swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
