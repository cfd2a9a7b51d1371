#!/usr/bin/env python3
"""Signs access tokens with the gateway's own keys, as PyJWT and jwcrypto would.

Reads DIR/manifest.json, loads each listed PEM (PKCS#8) private key that is not retired
with `cryptography`, and signs one valid RFC 9068 access token per key with PyJWT and one
with jwcrypto (`kid` from the manifest, `typ: at+jwt`). Prints a JSON list of
{"library": "pyjwt"|"jwcrypto", "alg", "kid", "token"}. Used to check that tokens from other
implementations verify in GatewayVerifier.
"""
import argparse
import json
import os
import sys
import time
import uuid

import jwcrypto.jwk
import jwcrypto.jwt
import jwt as pyjwt
from cryptography.hazmat.primitives.serialization import load_pem_private_key

ALGORITHMS = ("ES256", "RS256", "EdDSA")


def signing_keys(directory):
    """(kid, alg, PEM bytes) of every usable key in the manifest, in manifest order."""
    with open(os.path.join(directory, "manifest.json"), encoding="utf-8") as file:
        manifest = json.load(file)
    keys = []
    for entry in manifest["keys"]:
        path = os.path.join(directory, entry["file"])
        if entry["alg"] in ALGORITHMS and entry.get("state") != "retired" and os.path.exists(path):
            with open(path, "rb") as file:
                keys.append((entry["kid"], entry["alg"], file.read()))
    return keys


def claims(arguments):
    """A valid access-token claim set (RFC 9068 §2.2 plus our mylibrary_id / library)."""
    now = int(time.time())
    return {
        "iss": arguments.issuer, "aud": arguments.audience, "sub": arguments.subject,
        "mylibrary_id": arguments.subject, "library": arguments.library, "iat": now, "nbf": now,
        "exp": now + 600, "jti": str(uuid.uuid4()), "client_id": arguments.audience, "scope": "openid",
    }


def sign_with_pyjwt(pem, kid, alg, payload):
    """PyJWT over a `cryptography` private key object."""
    key = load_pem_private_key(pem, password=None)
    return pyjwt.encode(payload, key, algorithm=alg, headers={"kid": kid, "typ": "at+jwt"})


def sign_with_jwcrypto(pem, kid, alg, payload):
    """jwcrypto over the same PEM imported as a JWK."""
    key = jwcrypto.jwk.JWK.from_pem(pem)
    token = jwcrypto.jwt.JWT(header={"alg": alg, "kid": kid, "typ": "at+jwt"}, claims=payload)
    token.make_signed_token(key)
    return token.serialize()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys-dir", required=True)
    parser.add_argument("--issuer", required=True)
    parser.add_argument("--audience", required=True)
    parser.add_argument("--subject", default="ml-python-1")
    parser.add_argument("--library", default="bibliotheek-zuid")
    arguments = parser.parse_args()
    tokens = []
    for kid, alg, pem in signing_keys(arguments.keys_dir):
        for library, sign in (("pyjwt", sign_with_pyjwt), ("jwcrypto", sign_with_jwcrypto)):
            tokens.append({"library": library, "alg": alg, "kid": kid, "token": sign(pem, kid, alg, claims(arguments))})
    json.dump(tokens, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
