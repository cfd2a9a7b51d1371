extension CommonPasswords {
    /// Words people build passwords on that cracklib's English dictionary lets through:
    /// Dutch ones, the service's own name, seasons and favourites. Compared after the
    /// digits and symbols around them are stripped, so each entry also covers
    /// `Word1`, `Word123!`, `2024Word`.
    static let commonWords: Set<String> = [
        // "password" and friends, Dutch and English
        "password", "passwort", "wachtwoord", "paswoord", "geheim", "secret", "welkom", "welcome", "hallo", "hello",
        "letmein", "iloveyou", "ikhouvanjou", "admin", "administrator", "login", "inloggen", "gebruiker", "user",
        "test", "changeme", "wijzigen", "qwerty", "azerty", "qwertz", "asdf", "asdfgh", "zxcvbn", "abc", "abcdef",
        // the service and its context
        "bibliotheek", "bieb", "bibliotheken", "library", "mylibrary", "mijnbibliotheek", "mijnbieb", "boek",
        "boeken", "lezen", "lezer", "book", "books", "reading",
        // seasons, months, places and favourites that top every leaked list
        "lente", "zomer", "herfst", "winter", "spring", "summer", "autumn", "januari", "februari", "maart",
        "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
        "nederland", "holland", "belgie", "vlaanderen", "amsterdam", "rotterdam", "utrecht", "antwerpen",
        "gent", "brussel", "voetbal", "football", "ajax", "feyenoord", "psv", "monkey", "dragon", "princess",
        "sunshine", "liefde", "schat", "schatje",
    ]
}
