extension Text {
    /// The texts of the consent, authorization-problem and logout pages.
    var oidcPair: (String, String) {
        switch self {
        case .consentTitle: ("Toestemming geven", "Give permission")
        case .consentIntro: ("wil weten wie je bent. Als je doorgaat, krijgt deze dienst alleen:",
                             "wants to know who you are. If you continue, this service receives only:")
        case .consentSupplier: ("Aangeboden door", "Provided by")
        case .consentLibrary: ("je bibliotheek", "your library")
        case .consentMylibraryID: ("je Mijn-Bibliotheek-nummer (een willekeurig nummer, geen pasnummer)",
                                   "your My Library number (a random number, not your card number)")
        case .consentUsername: ("je gebruikersnaam", "your username")
        case .consentEmail: ("je e-mailadres", "your e-mail address")
        case .consentPurpose: ("Waarom gebruikersnaam en e-mailadres nodig zijn", "Why the username and e-mail address are needed")
        case .consentOffline: ("De dienst mag je ingelogd houden, ook als je even weg bent. Uitloggen stopt dat niet; je toestemming intrekken wel.",
                               "The service may keep you logged in while you are away. Logging out does not stop this; withdrawing your permission does.")
        case .consentPrivacyStatement: ("Privacyverklaring van de dienst", "The service's privacy statement")
        case .consentAllow: ("Toestaan", "Allow")
        case .consentDeny: ("Niet toestaan", "Do not allow")
        case .consentRemembered: ("We onthouden je keuze. We vragen het opnieuw als de dienst andere gegevens wil.",
                                  "We remember your choice. We ask again if the service wants different data.")
        case .authProblemTitle: ("Inloggen lukt niet", "Cannot log in")
        case .badClientBody: ("De link waarmee je hier kwam, hoort niet bij een bekende dienst. Neem contact op met de aanbieder van de dienst.",
                              "The link that brought you here does not belong to a known service. Please contact the service's provider.")
        case .badRedirectBody: ("De link waarmee je hier kwam, klopt niet: het terugadres is niet geregistreerd. Neem contact op met de aanbieder van de dienst.",
                                "The link that brought you here is not correct: its return address is not registered. Please contact the service's provider.")
        case .inactiveClientBody: ("Deze dienst is op dit moment niet beschikbaar via Mijn Bibliotheek.",
                                   "This service is not available through My Library at the moment.")
        case .notSubscribedTitle: ("Niet beschikbaar voor jouw bibliotheek", "Not available for your library")
        case .notSubscribedBody: ("Jouw bibliotheek biedt deze dienst niet aan. De dienst heeft geen gegevens van je gekregen.",
                                  "Your library does not offer this service. The service has received no data about you.")
        case .restrictedTitle: ("Verwerking beperkt", "Processing restricted")
        case .restrictedBody: ("Je hebt de verwerking van je gegevens beperkt. Zolang dat zo is, krijgen diensten geen gegevens van je.",
                               "You have restricted the processing of your data. As long as that is so, services receive no data about you.")
        case .backToApplication: ("Terug naar de dienst", "Back to the service")
        case .logoutConfirmTitle: ("Uitloggen?", "Log out?")
        case .logoutConfirmBody: ("Wil je uitloggen bij alle diensten van de bibliotheek?", "Do you want to log out of every library service?")
        case .logoutCancel: ("Ingelogd blijven", "Stay logged in")
        case .logoutProblemBody: ("Dit uitlogverzoek klopt niet, dus we sturen je niet terug naar de dienst. Je kunt hier wel uitloggen.",
                                  "This logout request is not valid, so we do not send you back to the service. You can still log out here.")
        default: ("", "")
        }
    }
}
