/// Keys the signature primitives must refuse, made once with `openssl genpkey` (and, for the
/// mismatched pair, python3 `cryptography`).
enum UnacceptableKeys {
    /// RSA with a 1024-bit modulus: below RFC 7518 §3.3's 2048-bit minimum.
    static let rsa1024PEM = """
        -----BEGIN PRIVATE KEY-----
        MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAKkTh/nQ2zX5CzP5
        6t+BDWvy3GQ08/Tqk5Ao7WkBm/6/Be6Nih/AhLwq9BZqZvzxO+HvIE321HzUCe4e
        KGkK8CjgciQojF9Gq5IF/3DIyBfpgWjSeI/yhseWgwB6aWNCGWOpZ8Fmky75P7zv
        +wNpLKMQkp8lW+63WNHSmLmqMAk5AgMBAAECgYEAkBCGUkS2JF0aQKV4jg0GhK6h
        P/kmzc97AOD+ufSXGQ9nXIbZ5IhEEZl/9gGf03MxlSgOHKBvGhYKiAzGXgrl6mvI
        NT82fmmDeKUWY+2BIrFK6Z28lzIYhIcfLfbeom7pH2BU1WtnlhScCoRTLsbTw7Z7
        R/EKll96iafwCpP/6MkCQQDZAQ38Isk+TzVh+snp8hHksjL/DP4UARmWiW2L76hd
        3D/WMdCq5fuvg7hdafATtBvzdNcZxJw2kCsWD9rEx4STAkEAx3WhLI0ZJ5JYu3U2
        LZmEp7+n6yOEhoyw3xHWrdVPe2V/1fEoYIQ374gukEj6Dj7kBPFpekFU2+9iTIWO
        9C1GgwJAC6zY2cXtWeLdFmZt0p5phApqX/qM+PqOK+E8+ZhtUI93B8kqVueEwQ6v
        LqdyeTzpfBG/OO2xEeZzyv4TYR7y7QJBAJkGfikX93yMotbvDind5hBs0f9suHgh
        6HC71uB3Dwu0y2bwJfImfmOfL1ozIuVbCsVgEXRiOyChf+EFdq+PLNECQAE5QA70
        eOHxgRPBRNvZP4bNQesBJEzrmeo/UdRNj0TrMKYDSPo13dcKDigN9//xLUBqHcQG
        /9obPe8DZSqVZ/I=
        -----END PRIVATE KEY-----
        """

    /// A P-384 key: ES384's curve, not ES256's.
    static let p384PEM = """
        -----BEGIN PRIVATE KEY-----
        MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDAjRGuzUbREw9BWGCFN
        JyZDjXGOjacVrLvW+D/fa7GtXAfAnIkz7HCG5N8VanvhA/WhZANiAAR6oOp51uYJ
        RGBi2j3CwQGhNeE4Sp0VajL82LPccQdXCj65YLEQdqmqquNUzD952oW0gAFKboQw
        Iv3GpsYfexlhKPD4jvTmOf64vtfCuow9ukmhZqM1KUqqIEbC8ubErzQ=
        -----END PRIVATE KEY-----
        """

    /// An Ed448 key: RFC 8037's other EdDSA curve, which LibraryGateway does not use.
    static let ed448PEM = """
        -----BEGIN PRIVATE KEY-----
        MEcCAQAwBQYDK2VxBDsEOeIxjo16aLUB41SwlVbNMYSfiGR98QEBsUg70ZG26Qhm
        D7g2SjroKoT0txikln0rOot1Uv2X1kv0kQ==
        -----END PRIVATE KEY-----
        """

    /// A P-256 key encrypted with the passphrase "secret" (PKCS#8, PBES2, AES-256-CBC).
    static let encryptedP256PEM = """
        -----BEGIN ENCRYPTED PRIVATE KEY-----
        MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAjmIIedmwfZtQICCAAw
        DAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEEGhb2+dEFeLpHETIBLtzFDYEgZDp
        NUtpg1VpBD5V7+qWlPtsm1QVWllG+YN5Z8iGvsehfRtA4DnFdOrCvKcPur4jwbzc
        C0nTrWWKXTraH//kDST481/o5pK1lgJ2jcXI48/JQjnTjmPDblpC2rtYpqEUz3RD
        BDNfC0MDUKFkQlAsGjOx2ovQkF7iLoqvpa8VI3Di4hWnrVhP4p0T9i5xnGv4JkE=
        -----END ENCRYPTED PRIVATE KEY-----
        """

    /// RFC 7515 A.3's private scalar with the public point of another P-256 key.
    static let mismatchedP256PEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgjpsQnnGQmL+YBIff
        H1136cspYG6+0iY7X1fCE9+E9LKhRANCAAQ7fhACn4PrbuBd6cnHHm80cl/VnODk
        cf2iGrHAu/QH96Nk5rn2SC9Yi5fgHxVwqq3QP72FSbO5KsaCrmldDvJK
        -----END PRIVATE KEY-----
        """
}
