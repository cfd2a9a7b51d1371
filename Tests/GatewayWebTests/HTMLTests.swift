import GatewayWeb
import Testing

@Suite struct HTMLTests {
    @Test func interpolatedTextIsEscaped() {
        let hostile = #"<script>alert("x")</script>' & more"#
        let html: HTML = "<p title=\"\(hostile)\">\(hostile)</p>"
        #expect(html.markup == #"<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; more">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; more</p>"#)
    }

    @Test func nestedHTMLIsInsertedAsMarkup() {
        let inner: HTML = "<b>\("a<b")</b>"
        let outer: HTML = "<p>\(inner)</p>"
        #expect(outer.markup == "<p><b>a&lt;b</b></p>")
    }

    @Test func everyTextHasADutchAndAnEnglishVersion() {
        for text in Text.allCases {
            #expect(!text(.nl).isEmpty && !text(.en).isEmpty)
        }
        #expect(Text.loginTitle(.nl) == "Inloggen")
        #expect(Text.loginTitle(.en) == "Log in")
    }

    @Test(arguments: [
        ([nil, "en-GB,en;q=0.9"], Language.en), (["fr", "nl-BE"], .nl), ([nil, nil], .nl), (["en"], .en), (["de", "fr"], .nl),
    ] as [([String?], Language)])
    func languageFollowsTheFirstSupportedPreference(candidates: [String?], expected: Language) {
        #expect(Language.preferred(candidates) == expected)
    }
}

@Suite struct PageTests {
    @Test func loginPageIsLabelledAndCarriesTheCSRFToken() {
        let page = LoginPage(identifier: "\"><img src=x>", errors: [], csrfToken: "tok123", language: .nl, returnTo: "/account").render()
        #expect(page.contains("<html lang=\"nl\">"))
        #expect(page.contains("<label for=\"identifier\">Gebruikersnaam of e-mailadres</label>"))
        #expect(page.contains("<label for=\"password\">Wachtwoord</label>"))
        #expect(page.contains("name=\"csrf_token\" value=\"tok123\""))
        #expect(page.contains("value=\"&quot;&gt;&lt;img src=x&gt;\""))
        #expect(!page.contains("<img src=x>"))
        #expect(page.contains("href=\"/static/gateway.css\""))
        #expect(!page.contains("http://") && !page.contains("https://"))
    }

    @Test func errorsAreSummarisedLinkedAndTiedToTheirField() {
        let errors = [Form.FieldError(field: "username", message: "Deze gebruikersnaam is niet beschikbaar.")]
        let page = RegistrationPage(libraries: [("bibliotheek-noord", "Bibliotheek Noord")], values: .init(), errors: errors,
                                    csrfToken: "t", language: .nl).render()
        #expect(page.contains("role=\"alert\""))
        #expect(page.contains("<a href=\"#username\">Deze gebruikersnaam is niet beschikbaar.</a>"))
        #expect(page.contains("aria-describedby=\"username-hint username-error\""))
        #expect(page.contains("aria-invalid=\"true\""))
    }

    @Test func passwordsAreNeverEchoedAndMarketingIsUntickedByDefault() {
        var values = RegistrationPage.Values()
        values.username = "lezer"
        let page = RegistrationPage(libraries: [], values: values, errors: [], csrfToken: "t", language: .en).render()
        #expect(page.contains("type=\"password\" id=\"password\" name=\"password\" value=\"\""))
        #expect(page.contains("id=\"marketing\" name=\"marketing\" value=\"yes\" aria-describedby"))
        #expect(!page.contains("checked"))
        #expect(page.contains("Create an account"))
    }
}
