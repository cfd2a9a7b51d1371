#!/usr/bin/env python3
"""Verifies LibraryGateway tokens the way a Python partner would, with jwcrypto and PyJWT.

Reads a JSON list of {"token", "audience", "type"} on stdin ("type" is the expected `typ`
header: "at+jwt" for access tokens, "JWT" for ID tokens, null for any), fetches the JWKS
once from --jwks-url, verifies each token with BOTH libraries and prints one JSON list:
[{"jwcrypto": {"ok": true, "claims": {...}} | {"ok": false, "error": "..."}, "pyjwt": {...}}].

Both libraries get the same rules as GatewayVerifier: an explicit algorithm allow-list,
the key chosen by `kid` from the served JWKS, iss/aud/exp/nbf checked, `typ` compared.
Imported by negative_corpus.py, so the corpus is judged by exactly these rules.
"""
import argparse
import json
import sys
import urllib.request

import jwcrypto.jwk
import jwcrypto.jwt
import jwt as pyjwt

ALLOWED_ALGORITHMS = ["ES256", "RS256", "EdDSA"]


def fetch_jwks(url):
    """The JWKS document at `url` as a dict (one fetch, as a caching partner would)."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


class KeySets:
    """The served JWKS in each library's own type."""

    def __init__(self, jwks):
        self.jwcrypto = jwcrypto.jwk.JWKSet.from_json(json.dumps(jwks))
        self.pyjwt = pyjwt.PyJWKSet.from_dict(jwks)


def check_type(header, expected):
    """RFC 9068 §4: the `typ` header decides what kind of token this is."""
    if expected is not None and str(header.get("typ", "")).lower() != expected.lower():
        raise ValueError(f"unexpected typ {header.get('typ')!r}, wanted {expected!r}")


def verify_with_jwcrypto(token, keys, issuer, audience, expected_type):
    """Claims of `token` per jwcrypto, or an exception.

    jwcrypto skips its default exp/nbf checks as soon as `check_claims` is given, so
    both are listed here (which also makes them required).
    """
    checks = {"iss": issuer, "aud": audience, "exp": None, "nbf": None}
    verified = jwcrypto.jwt.JWT(algs=ALLOWED_ALGORITHMS, check_claims=checks, expected_type="JWS")
    try:
        verified.deserialize(token, keys.jwcrypto)
    except Exception as error:
        # With a key set every signature problem surfaces as "Missing Key"; the log says why.
        log = [line for line in getattr(verified, "deserializelog", None) or [] if line != "Success"]
        if log:
            error.add_note(log[0])
        raise
    check_type(json.loads(verified.header), expected_type)
    return json.loads(verified.claims)


def verify_with_pyjwt(token, keys, issuer, audience, expected_type):
    """Claims of `token` per PyJWT, or an exception. The key is chosen by `kid` only."""
    kid = pyjwt.get_unverified_header(token).get("kid")
    if not isinstance(kid, str):
        raise pyjwt.InvalidTokenError("token has no kid")
    try:
        key = keys.pyjwt[kid]
    except KeyError:
        raise pyjwt.InvalidTokenError(f"no key with kid {kid[:64]!r}") from None
    options = {"require": ["exp", "iat", "nbf", "iss", "aud", "sub"]}
    decoded = pyjwt.decode_complete(token, key=key, algorithms=ALLOWED_ALGORITHMS, audience=audience, issuer=issuer,
                                    options=options)
    check_type(decoded["header"], expected_type)
    return decoded["payload"]


def outcome(verify, *arguments):
    """{"ok": true, "claims"} or {"ok": false, "error": "<ExceptionType>: <message> (<note>)"}."""
    try:
        return {"ok": True, "claims": verify(*arguments)}
    except Exception as error:  # every failure is a rejection; say which one
        notes = "".join(f" ({note})" for note in getattr(error, "__notes__", []))
        return {"ok": False, "error": f"{type(error).__name__}: {error}{notes}"[:400]}


def verify_both(token, keys, issuer, audience, expected_type):
    """One result object for one token."""
    return {
        "jwcrypto": outcome(verify_with_jwcrypto, token, keys, issuer, audience, expected_type),
        "pyjwt": outcome(verify_with_pyjwt, token, keys, issuer, audience, expected_type),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jwks-url", required=True)
    parser.add_argument("--issuer", required=True)
    arguments = parser.parse_args()
    requests = json.load(sys.stdin)
    keys = KeySets(fetch_jwks(arguments.jwks_url))
    results = [verify_both(item["token"], keys, arguments.issuer, item["audience"], item.get("type"))
               for item in requests]
    json.dump(results, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
