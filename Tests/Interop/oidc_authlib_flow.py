#!/usr/bin/env python3
"""Authlib as a real relying party against a running gateway, once per demo application.

reading-tipper (confidential, client_secret_basic, ID tokens ES256) and e-books (public,
PKCE only, ID tokens RS256 by default) each: read discovery; run the authorization code
flow with PKCE S256, state and nonce through the gateway's real login and consent forms
(a requests.Session is the browser, redirects followed by hand); check `iss` in the
authorization response (RFC 9207); exchange the code; verify the ID and access tokens
with jwcrypto against the JWKS; call userinfo; rotate the refresh token and replay the old
one; introspect (own and the other client's view); revoke; log out (RP-initiated).

e-books asks for `scope=openid profile email offline_access` and, through the `claims`
parameter (OIDC Core §5.5), for the e-mail address: its policy has no
functional-communication need, so it must get neither.

Prints one JSON object of facts (claim names per artefact, statuses, error codes) for the
Swift test to assert on; exits non-zero when a step cannot be carried out at all.

Usage: oidc_authlib_flow.py ISSUER READING_TIPPER_SECRET
"""
import json
import sys
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.requests_client import OAuth2Session
from jwcrypto import jwk, jwt

USERNAME, EMAIL, PASSWORD = "authlibflow", "authlibflow@example.org", "een lange zin als wachtwoord"
MEMBER = {"library": "bibliotheek-noord", "card_number": "20001000000001", "card_secret": "1234"}
EVERYTHING = "openid profile email offline_access"
ASK_FOR_EMAIL = json.dumps({"id_token": {"email": {"essential": True}, "email_verified": None},
                            "userinfo": {"email": {"essential": True}, "preferred_username": None}})
APPS = {
    "reading-tipper": {"base": "http://127.0.0.1:8090/", "method": "client_secret_basic", "alg": "ES256", "extra": {}},
    "e-books": {"base": "http://127.0.0.1:8091/", "method": "none", "alg": "RS256", "extra": {"claims": ASK_FOR_EMAIL}},
}


class Forms(HTMLParser):
    """The forms of a page with what a browser would submit: inputs (checkboxes only when
    ticked) and the named buttons."""

    def __init__(self, text):
        super().__init__()
        self.forms = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "fields": {}})
        elif tag == "input" and self.forms and a.get("name"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.forms[-1]["fields"][a["name"]] = a.get("value") or ""


def form_with(text, action):
    """The first form whose action path is `action`, or None."""
    return next((f for f in Forms(text).forms if urlsplit(f["action"]).path == action), None)


class Browser:
    """The patron's browser: cookies kept, redirects followed one by one, our Origin on POST."""

    def __init__(self, issuer):
        self.issuer = issuer
        self.http = requests.Session()

    def submit(self, page, action, values):
        form = form_with(page.text, action)
        data = {**form["fields"], **values}
        return self.http.post(urljoin(page.url, form["action"]), data=data, headers={"Origin": self.issuer}, allow_redirects=False)

    def authorize(self, url, redirect_uri):
        """From the authorization URL to the redirect back to the client, filling in the login
        and consent forms met on the way; returns that redirect and the forms met."""
        response, met = self.http.get(url, allow_redirects=False), []
        for _ in range(10):
            if response.is_redirect:
                location = urljoin(response.url, response.headers["Location"])
                if location.startswith(redirect_uri):
                    return location, met
                response = self.http.get(location, allow_redirects=False)
            elif form_with(response.text, "/login"):
                met.append("login")
                response = self.submit(response, "/login", {"identifier": USERNAME, "password": PASSWORD})
            elif form_with(response.text, "/authorize/consent"):
                met.append("consent")
                response = self.submit(response, "/authorize/consent", {"decision": "allow"})
            else:
                raise RuntimeError(f"unexpected page: {response.status_code} at {urlsplit(response.url).path}")
        raise RuntimeError("the authorization did not come back to the client")


def register(issuer):
    """A demo member registers through the real registration form."""
    browser = Browser(issuer)
    page = browser.http.get(issuer + "/register")
    answer = browser.submit(page, "/register", {**MEMBER, "username": USERNAME, "email": EMAIL, "password": PASSWORD,
                                                 "password_again": PASSWORD, "language": "nl"})
    if answer.status_code != 303:
        raise RuntimeError(f"registration answered {answer.status_code}")


class Context:
    def __init__(self, issuer, secret):
        self.issuer = issuer
        self.secrets = {"reading-tipper": secret, "e-books": None}
        self.discovery = requests.get(issuer + "/.well-known/openid-configuration").json()
        self.keys = jwk.JWKSet.from_json(requests.get(self.discovery["jwks_uri"]).text)

    def endpoint(self, name):
        return self.discovery[name + "_endpoint"]

    def client(self, client_id):
        """An Authlib client for `client_id`, keeping every token-endpoint response it sees."""
        app = APPS[client_id]
        client = OAuth2Session(client_id, self.secrets[client_id], token_endpoint_auth_method=app["method"],
                               revocation_endpoint_auth_method=app["method"], scope=EVERYTHING,
                               redirect_uri=app["base"] + "callback", code_challenge_method="S256")
        client.responses = []

        def keep(response):
            client.responses.append(response)
            return response

        client.register_compliance_hook("access_token_response", keep)
        client.register_compliance_hook("refresh_token_response", keep)
        return client


def verify(context, token, alg, checks):
    """jwcrypto's verdict on one of our JWTs: signature with the JWKS key named by `kid`,
    `alg` only, and the claim checks; the header and claim names, or the error."""
    try:
        verified = jwt.JWT(jwt=token, key=context.keys, algs=[alg], check_claims=checks)
    except Exception as error:  # any refusal is a fact for the Swift test
        return {"verified": f"{type(error).__name__}: {error}"}, {}
    header = verified.token.jose_header
    return {"verified": "ok", "alg": header.get("alg"), "typ": header.get("typ"), "kid_in_jwks": context.keys.get_key(header.get("kid")) is not None,
            "claims": sorted(json.loads(verified.claims))}, json.loads(verified.claims)


def log_in(context, client, browser):
    """One authorization code flow; returns the tokens, the verified ID token claims and facts."""
    app = APPS[client.client_id]
    verifier, nonce = generate_token(48), generate_token(16)
    url, state = client.create_authorization_url(context.endpoint("authorization"), code_verifier=verifier, nonce=nonce, **app["extra"])
    location, met = browser.authorize(url, client.redirect_uri)
    query = parse_qs(urlsplit(location).query)
    facts = {"forms": met, "response_parameters": sorted(query), "iss_is_issuer": query.get("iss") == [context.issuer],
             "state_matches": query.get("state") == [state]}
    tokens = client.fetch_token(context.endpoint("token"), authorization_response=location, code_verifier=verifier, state=state)
    response = client.responses[-1]
    facts["token_response"] = {"status": response.status_code, "members": sorted(response.json()), "scope": tokens["scope"],
                               "token_type": tokens["token_type"], "cache_control": response.headers.get("Cache-Control"),
                               "pragma": response.headers.get("Pragma")}
    checks = {"iss": context.issuer, "aud": client.client_id, "exp": None, "iat": None, "nonce": nonce, "azp": client.client_id}
    facts["id_token"], id_claims = verify(context, tokens["id_token"], app["alg"], checks)
    access_checks = {"iss": context.issuer, "aud": client.client_id, "exp": None, "client_id": client.client_id}
    facts["access_token"], _ = verify(context, tokens["access_token"], "ES256", access_checks)
    return tokens, id_claims, facts


def userinfo(context, access_token, sub=None):
    """The userinfo answer's status, member names and challenge; whether its `sub` is `sub`."""
    answer = requests.get(context.endpoint("userinfo"), headers={"Authorization": "Bearer " + access_token})
    body = answer.json() if answer.headers.get("Content-Type", "").startswith("application/json") else {}
    return {"status": answer.status_code, "claims": sorted(body), "sub_matches": body.get("sub") == sub,
            "www_authenticate": answer.headers.get("WWW-Authenticate")}


def introspect(context, client, token, hint):
    answer = client.introspect_token(context.endpoint("introspection"), token=token, token_type_hint=hint)
    body = answer.json()
    return {"status": answer.status_code, "active": body.get("active"), "members": sorted(body), "client_id": body.get("client_id"),
            "token_type": body.get("token_type")}


def refresh(context, client, refresh_token):
    """A refresh through Authlib: the new token set, or the refusal's status and error code."""
    try:
        tokens = dict(client.refresh_token(context.endpoint("token"), refresh_token=refresh_token))
        return tokens, {"status": client.responses[-1].status_code, "members": sorted(client.responses[-1].json())}
    except OAuthError as error:
        return None, {"status": client.responses[-1].status_code, "error": error.error}


def rotation(context, client, tokens, sub):
    """Refresh-token rotation, then reuse of the rotated token revoking the whole family."""
    first, facts = refresh(context, client, tokens["refresh_token"])
    facts["rotated"] = first["refresh_token"] != tokens["refresh_token"]
    facts["access_token"], _ = verify(context, first["access_token"], "ES256", {"iss": context.issuer, "aud": client.client_id, "exp": None})
    facts["userinfo"] = userinfo(context, first["access_token"], sub)
    facts["introspection_before_reuse"] = introspect(context, client, first["access_token"], "access_token")
    _, facts["old_token_again"] = refresh(context, client, tokens["refresh_token"])
    _, facts["new_token_after_reuse"] = refresh(context, client, first["refresh_token"])
    facts["new_access_token_after_reuse"] = introspect(context, client, first["access_token"], "access_token")
    facts["first_access_token_after_reuse"] = introspect(context, client, tokens["access_token"], "access_token")
    return facts


def revocation(context, client, tokens):
    """RFC 7009: the access token, then the refresh token (its whole grant)."""
    facts = {"access_token_status": client.revoke_token(context.endpoint("revocation"), token=tokens["access_token"],
                                                        token_type_hint="access_token").status_code}
    facts["introspection_after"] = introspect(context, client, tokens["access_token"], "access_token")
    facts["userinfo_after"] = userinfo(context, tokens["access_token"])
    facts["refresh_token_status"] = client.revoke_token(context.endpoint("revocation"), token=tokens["refresh_token"],
                                                        token_type_hint="refresh_token").status_code
    facts["refresh_token_introspection_after"] = introspect(context, client, tokens["refresh_token"], "refresh_token")
    _, facts["refresh_after"] = refresh(context, client, tokens["refresh_token"])
    return facts


def logout(context, client, browser, id_token):
    """RP-initiated logout with id_token_hint, post_logout_redirect_uri and state; then the
    session is gone at the gateway (the browser's cookie and a copy kept from before)."""
    base, state = APPS[client.client_id]["base"], generate_token(16)
    kept = requests.utils.dict_from_cookiejar(browser.http.cookies)
    answer = browser.http.get(context.endpoint("end_session"), allow_redirects=False,
                              params={"id_token_hint": id_token, "post_logout_redirect_uri": base, "state": state})
    location = answer.headers.get("Location", "")
    query = parse_qs(urlsplit(location).query)
    facts = {"status": answer.status_code, "redirect": location.split("?")[0], "query_parameters": sorted(query),
             "state_returned": query.get("state") == [state]}
    url, _ = client.create_authorization_url(context.endpoint("authorization"), code_verifier=generate_token(48), nonce=generate_token(16))
    again = browser.http.get(url, allow_redirects=False)
    facts["authorize_after"] = {"status": again.status_code, "path": urlsplit(again.headers.get("Location", "")).path}
    stale = requests.get(url, cookies=kept, allow_redirects=False)
    facts["authorize_with_old_cookie"] = {"status": stale.status_code, "path": urlsplit(stale.headers.get("Location", "")).path}
    return facts


def run(context, client_id, other_id):
    client, other, browser = context.client(client_id), context.client(other_id), Browser(context.issuer)
    tokens, id_claims, facts = log_in(context, client, browser)
    facts["userinfo"] = userinfo(context, tokens["access_token"], id_claims["sub"])
    facts["introspection"] = introspect(context, client, tokens["access_token"], "access_token")
    facts["refresh_token_introspection"] = introspect(context, client, tokens["refresh_token"], "refresh_token")
    facts["introspection_by_other_client"] = introspect(context, other, tokens["access_token"], "access_token")
    facts["refresh_token_introspection_by_other_client"] = introspect(context, other, tokens["refresh_token"], "refresh_token")
    facts["rotation"] = rotation(context, client, tokens, id_claims["sub"])
    second, _, facts["second_login"] = log_in(context, client, browser)
    facts["revocation"] = revocation(context, client, second)
    facts["logout"] = logout(context, client, browser, second["id_token"])
    return facts


def main():
    issuer, secret = sys.argv[1], sys.argv[2]
    context = Context(issuer, secret)
    register(issuer)
    result = {"discovery": {"issuer_matches": context.discovery["issuer"] == issuer}}
    result["reading-tipper"] = run(context, "reading-tipper", "e-books")
    result["e-books"] = run(context, "e-books", "reading-tipper")
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
