/// Every sentence the patron pages show, in Dutch and English. One enum case per text so
/// a missing translation is a compile error, not a blank on a page.
public enum Text: Sendable, CaseIterable {
    case siteName, skipToContent, languageSwitch
    case registerTitle, registerIntro, library, chooseLibrary, cardNumber, cardSecret, cardSecretHint
    case username, usernameHint, email, password, passwordHint, passwordAgain, marketing, marketingHint, language
    case registerButton, haveAccount, loginTitle, loginIntro, identifier, loginButton, noAccount
    case errorSummaryTitle, loggedInTitle, loggedInAs, logoutButton, loggedOutTitle, loggedOutBody
    case unavailableTitle, unavailableBody, libraryUnavailableBody, busyBody, membershipExpiredTitle, membershipExpiredBody
    case formExpiredTitle, formExpiredBody, tryAgain, registeredTitle, registeredBody
    case errLibraryMissing, errCardRejected, errMembershipExpired, errCardLinked, errUsernameFormat, errUsernameUnavailable
    case errEmailFormat, errEmailUnavailable, errPasswordShort, errPasswordLong, errPasswordGuessable, errPasswordPersonal
    case errPasswordsDiffer, errLoginFailed, errLockedOut
    case consentTitle, consentIntro, consentSupplier, consentLibrary, consentMylibraryID, consentUsername, consentEmail
    case consentPurpose, consentOffline, consentPrivacyStatement, consentAllow, consentDeny, consentRemembered
    case authProblemTitle, badClientBody, badRedirectBody, inactiveClientBody, notSubscribedTitle, notSubscribedBody
    case restrictedTitle, restrictedBody, backToApplication, logoutConfirmTitle, logoutConfirmBody, logoutCancel
    case logoutProblemBody

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String {
        let (nl, en) = pair
        return language == .nl ? nl : en
    }

    private var pair: (String, String) {
        switch self {
        case .siteName: ("Mijn Bibliotheek", "My Library")
        case .skipToContent: ("Naar de inhoud", "Skip to content")
        case .languageSwitch: ("English", "Nederlands")
        case .registerTitle: ("Account aanmaken", "Create an account")
        case .registerIntro: ("Eén account voor alle digitale diensten van je bibliotheek.",
                              "One account for every digital service of your library.")
        case .library: ("Bibliotheek", "Library")
        case .chooseLibrary: ("Kies je bibliotheek", "Choose your library")
        case .cardNumber: ("Pasnummer", "Card number")
        case .cardSecret: ("Pincode van je pas", "Card PIN")
        case .cardSecretHint: ("Hiermee bewijs je dat de bibliotheekpas van jou is.", "This proves the library card is yours.")
        case .username: ("Gebruikersnaam", "Username")
        case .usernameHint: ("3 tot 32 tekens: letters, cijfers, punt, liggend streepje of koppelteken.",
                             "3 to 32 characters: letters, digits, dot, underscore or hyphen.")
        case .email: ("E-mailadres", "E-mail address")
        case .password: ("Wachtwoord", "Password")
        case .passwordHint: ("Minstens 8 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.",
                             "At least 8 characters. A sentence of a few words is strong and easy to remember.")
        case .passwordAgain: ("Wachtwoord nogmaals", "Password again")
        case .marketing: ("Ja, ik wil nieuws en aanbiedingen van mijn bibliotheek ontvangen",
                          "Yes, I want news and offers from my library")
        case .marketingHint: ("Je kunt dit altijd weer uitzetten.", "You can switch this off at any time.")
        case .language: ("Taal", "Language")
        case .registerButton: ("Account aanmaken", "Create account")
        case .haveAccount: ("Heb je al een account? Inloggen", "Already have an account? Log in")
        case .loginTitle: ("Inloggen", "Log in")
        case .loginIntro: ("Log in met je gebruikersnaam of e-mailadres.", "Log in with your username or e-mail address.")
        case .identifier: ("Gebruikersnaam of e-mailadres", "Username or e-mail address")
        case .loginButton: ("Inloggen", "Log in")
        case .noAccount: ("Nog geen account? Account aanmaken", "No account yet? Create one")
        case .errorSummaryTitle: ("Er ging iets mis", "There is a problem")
        case .loggedInTitle: ("Je bent ingelogd", "You are logged in")
        case .loggedInAs: ("Ingelogd als", "Logged in as")
        case .logoutButton: ("Uitloggen", "Log out")
        case .loggedOutTitle: ("Je bent uitgelogd", "You are logged out")
        case .loggedOutBody: ("Je bent bij alle diensten van de bibliotheek uitgelogd.", "You are logged out of every library service.")
        case .unavailableTitle: ("Even niet beschikbaar", "Temporarily unavailable")
        case .unavailableBody: ("We kunnen je verzoek nu niet verwerken. Er is niets veranderd. Probeer het over een paar minuten opnieuw.",
                                "We cannot handle your request right now. Nothing has changed. Please try again in a few minutes.")
        case .libraryUnavailableBody: ("Het systeem van de bibliotheek is even niet bereikbaar. Er is niets veranderd. Probeer het later opnieuw.",
                                       "The library system cannot be reached right now. Nothing has changed. Please try again later.")
        case .busyBody: ("Het is erg druk. Probeer het over een paar seconden opnieuw.", "It is very busy. Please try again in a few seconds.")
        case .membershipExpiredTitle: ("Je lidmaatschap is verlopen", "Your membership has expired")
        case .membershipExpiredBody: ("Verleng je lidmaatschap bij je bibliotheek; daarna kun je weer inloggen.",
                                      "Renew your membership at your library; then you can log in again.")
        case .formExpiredTitle: ("Formulier verlopen", "Form expired")
        case .formExpiredBody: ("Dit formulier is verlopen of niet vanaf deze site verstuurd. Er is niets opgeslagen.",
                                "This form has expired or was not sent from this site. Nothing was saved.")
        case .tryAgain: ("Opnieuw proberen", "Try again")
        case .registeredTitle: ("Welkom!", "Welcome!")
        case .registeredBody: ("Je account is aangemaakt en je bent ingelogd.", "Your account has been created and you are logged in.")
        case .errLibraryMissing: ("Kies je bibliotheek.", "Choose your library.")
        case .errCardRejected: ("Pasnummer of pincode klopt niet.", "The card number or PIN is not correct.")
        case .errMembershipExpired: ("Het lidmaatschap van deze pas is verlopen. Verleng het bij je bibliotheek.",
                                     "The membership of this card has expired. Renew it at your library.")
        case .errCardLinked: ("Deze bibliotheekpas hoort al bij een account. Log in of vraag je bibliotheek om hulp.",
                              "This library card already belongs to an account. Log in, or ask your library for help.")
        case .errUsernameFormat: ("Gebruik 3 tot 32 tekens: letters, cijfers, punt, liggend streepje of koppelteken.",
                                  "Use 3 to 32 characters: letters, digits, dot, underscore or hyphen.")
        case .errUsernameUnavailable: ("Deze gebruikersnaam is niet beschikbaar. Kies een andere.", "This username is not available. Choose another one.")
        case .errEmailFormat: ("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.", "Enter a valid e-mail address, like name@example.org.")
        case .errEmailUnavailable: ("Dit e-mailadres kan niet worden gebruikt. Kies een ander.", "This e-mail address cannot be used. Choose another one.")
        case .errPasswordShort: ("Kies een wachtwoord van minstens 8 tekens.", "Choose a password of at least 8 characters.")
        case .errPasswordLong: ("Kies een wachtwoord van hoogstens 256 tekens.", "Choose a password of at most 256 characters.")
        case .errPasswordGuessable: ("Dit wachtwoord wordt vaak gebruikt en is makkelijk te raden. Kies bijvoorbeeld een zin van een paar woorden.",
                                     "This password is often used and easy to guess. Try a sentence of a few words instead.")
        case .errPasswordPersonal: ("Je wachtwoord mag je gebruikersnaam of e-mailadres niet bevatten.",
                                    "Your password must not contain your username or e-mail address.")
        case .errPasswordsDiffer: ("De wachtwoorden zijn niet hetzelfde.", "The passwords do not match.")
        case .errLoginFailed: ("De gebruikersnaam, het e-mailadres of het wachtwoord klopt niet.",
                               "The username, e-mail address or password is not correct.")
        case .errLockedOut: ("Te veel mislukte pogingen. Wacht een paar minuten en probeer het opnieuw.",
                             "Too many failed attempts. Wait a few minutes and try again.")
        default: oidcPair
        }
    }
}
