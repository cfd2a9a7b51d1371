#!/usr/bin/env python3
"""Patrons for bench/oidc.sh, made through the gateway's real forms.

  oidc_setup.py BASE OUT CARD...   CARD = library:card_number:secret
      For each demo card: GET /register + POST /register (303 with a `gw_session` cookie),
      then, with that SSO session, the consent page of every demo application the card's
      library subscribes to (GET /authorize → consent page → POST /authorize/consent →
      303 to the redirect URI with a code). The first card's code for `e-books` is also
      exchanged (POST /token) to check that the whole flow works before anything is timed.
      Writes OUT as JSON: {"session": the first patron's gw_session cookie value,
      "accounts": [[identifier, password], ...]} (usernames and e-mails alternate).

The session cookie lets bench tools run /authorize → /token without a password: consent is
already given, so /authorize answers with a code at once.
"""
import base64
import hashlib
import json
import re
import secrets
import sys
import time
import urllib.parse

from login_load import PASSWORD, connect, cookie_value, form_token, post_form

CLIENTS = {  # client_id: (redirect URI, libraries subscribed, scope)
    "e-books": ("http://127.0.0.1:8091/callback", {"bibliotheek-noord", "bibliotheek-zuid"}, "openid offline_access"),
    "reading-tipper": ("http://127.0.0.1:8090/callback", None, "openid profile email offline_access"),
}
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


def pkce():
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def authorize_path(client_id, challenge, state):
    redirect_uri, _, scope = CLIENTS[client_id]
    return "/authorize?" + urllib.parse.urlencode({
        "response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri, "scope": scope,
        "state": state, "code_challenge": challenge, "code_challenge_method": "S256"})


def unescape(text):
    return text.replace("&amp;", "&").replace("&quot;", '"').replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")


def register(connection, base, library, number, secret):
    status, cookie, token = form_token(connection, "/register", None)
    if status != 200 or not cookie or not token:
        sys.exit(f"oidc_setup: GET /register gave {status}")
    username = f"oidc{number[-6:]}{library.split('-')[-1]}"
    fields = {"csrf_token": token, "library": library, "card_number": number, "card_secret": secret, "username": username,
              "email": f"{username}@bench.example.org", "password": PASSWORD, "password_again": PASSWORD, "language": "nl"}
    for _ in range(20):  # a 503 (hashing pool busy) is retried; nothing else is
        response = post_form(connection, base, "/register", cookie, fields)
        if response.status != 503:
            break
        time.sleep(0.1)
    session = cookie_value(response.getheaders(), "gw_session")
    if response.status != 303 or not session:
        sys.exit(f"oidc_setup: registering card {number} gave {response.status}, not 303 with a session")
    return username, fields["email"], session


def consent(connection, base, session, client_id):
    """Gives consent for client_id; returns (code, verifier) from the redirect."""
    verifier, challenge = pkce()
    state = secrets.token_hex(8)
    connection.request("GET", authorize_path(client_id, challenge, state), headers={"Cookie": f"gw_session={session}"})
    response = connection.getresponse()
    page = response.read().decode("utf-8", "replace")
    fields = {name: unescape(value) for name, value in HIDDEN.findall(page)}
    if response.status != 200 or "request" not in fields or "csrf_token" not in fields:
        sys.exit(f"oidc_setup: /authorize for {client_id} gave {response.status}, not the consent page")
    body = urllib.parse.urlencode({**fields, "decision": "allow"})
    connection.request("POST", "/authorize/consent", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Origin": base, "Cookie": f"gw_session={session}"})
    response = connection.getresponse()
    response.read()
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(response.getheader("Location") or "").query)
    if response.status not in (302, 303) or query.get("state") != [state] or "code" not in query:
        sys.exit(f"oidc_setup: consent for {client_id} gave {response.status} without a code")
    return query["code"][0], verifier


def exchange(connection, code, verifier):
    """POST /token for an e-books code; exits unless it returns the three tokens."""
    body = urllib.parse.urlencode({"grant_type": "authorization_code", "code": code, "redirect_uri": CLIENTS["e-books"][0],
                                   "code_verifier": verifier, "client_id": "e-books"})
    connection.request("POST", "/token", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    answer = json.loads(response.read() or b"{}")
    missing = {"access_token", "id_token", "refresh_token"} - answer.keys()
    if response.status != 200 or missing:
        sys.exit(f"oidc_setup: POST /token gave {response.status}, missing {sorted(missing)}")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    base, out_path, cards = sys.argv[1], sys.argv[2], sys.argv[3:]
    accounts, first_session = [], None
    for index, card in enumerate(cards):
        library, number, secret = card.split(":")
        connection = connect(base)
        username, email, session = register(connection, base, library, number, secret)
        for client_id, (_, libraries, _) in CLIENTS.items():
            if libraries is None or library in libraries:
                code, verifier = consent(connection, base, session, client_id)
                if index == 0 and client_id == "e-books":
                    exchange(connection, code, verifier)
        connection.close()
        accounts.append([email if index % 2 else username, PASSWORD])
        first_session = first_session or session
    with open(out_path, "w") as out:
        json.dump({"session": first_session, "accounts": accounts}, out)


if __name__ == "__main__":
    main()
