#!/usr/bin/env python3
"""Builds tokens every verifier must refuse, with the gateway's real keys, and asks
jwcrypto and PyJWT about each.

Each defect is applied to an otherwise valid access token signed with a key from
--keys-dir (hand-built, so headers such as `alg: none`, `crit` or HS256 can be set
where the libraries themselves would refuse to produce them). Before the corpus is
judged, an undamaged control token per algorithm must verify in both libraries, so a
rejection below is due to the defect and not to the builder. Prints
[{"name", "token", "type", "audience", "jwcrypto_rejected", "pyjwt_rejected",
"jwcrypto_error", "pyjwt_error"}].
"""
import argparse
import base64
import hashlib
import hmac
import json
import os
import sys
import time
import uuid

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import get_default_algorithms

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sign_tokens import signing_keys  # noqa: E402
from verify_tokens import KeySets, fetch_jwks, verify_both  # noqa: E402

ALGORITHMS = ("ES256", "RS256", "EdDSA")
ACCESS_TOKEN_TYPE = "at+jwt"


def b64url(data):
    """Unpadded base64url (RFC 7515 §2)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def segment(value):
    """A JSON object as a compact base64url segment."""
    return b64url(json.dumps(value, separators=(",", ":")))


class Builder:
    """Signs arbitrary headers and payloads with the real (or fresh) keys."""

    def __init__(self, arguments):
        self.arguments = arguments
        self.keys = {}
        for kid, alg, pem in signing_keys(arguments.keys_dir):
            self.keys.setdefault(alg, (kid, serialization.load_pem_private_key(pem, password=None)))
        missing = [alg for alg in ALGORITHMS if alg not in self.keys]
        if missing:
            sys.exit(f"negative_corpus.py: no usable {', '.join(missing)} key in {arguments.keys_dir}")

    def claims(self, **changes):
        """Valid access-token claims, with `changes` applied."""
        now = int(time.time())
        claims = {
            "iss": self.arguments.issuer, "aud": self.arguments.audience, "sub": "ml-corpus-1",
            "mylibrary_id": "ml-corpus-1", "library": "bibliotheek-noord", "iat": now, "nbf": now, "exp": now + 600,
            "jti": str(uuid.uuid4()), "client_id": self.arguments.audience, "scope": "openid",
        }
        claims.update(changes)
        return claims

    def header(self, alg, **extra):
        """The header our own signer writes for `alg`'s active key."""
        return {"alg": alg, "kid": self.keys[alg][0], "typ": ACCESS_TOKEN_TYPE, **extra}

    def sign(self, header, claims, alg=None, private_key=None):
        """JWS compact serialization signed by `private_key` (default: the real key of `alg`)."""
        alg = alg or header["alg"]
        algorithm = get_default_algorithms()[alg]
        signing_input = f"{segment(header)}.{segment(claims)}"
        signature = algorithm.sign(signing_input.encode("ascii"), private_key or self.keys[alg][1])
        return f"{signing_input}.{b64url(signature)}"

    def valid(self, alg, **changes):
        """A correctly signed token; `changes` alter its claims."""
        return self.sign(self.header(alg), self.claims(**changes))

    def public_pem(self, alg):
        """The public half of the real `alg` key as an SPKI PEM (what an attacker can derive from the JWKS)."""
        return self.keys[alg][1].public_key().public_bytes(serialization.Encoding.PEM,
                                                           serialization.PublicFormat.SubjectPublicKeyInfo)


def fresh_private_key(alg):
    """A key of `alg` the gateway has never seen."""
    if alg == "ES256":
        return ec.generate_private_key(ec.SECP256R1())
    if alg == "RS256":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ed25519.Ed25519PrivateKey.generate()


def hs256(builder, secret, kid_alg):
    """RFC 8725 §2.1 key confusion: HMAC keyed with public material, `kid` of an asymmetric key."""
    header = {"alg": "HS256", "kid": builder.keys[kid_alg][0], "typ": ACCESS_TOKEN_TYPE}
    signing_input = f"{segment(header)}.{segment(builder.claims())}"
    mac = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{b64url(mac)}"


def tampered(token):
    """The payload swapped for another patron's, the signature kept."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(sub="ml-someone-else", mylibrary_id="ml-someone-else")
    return f"{header}.{segment(claims)}.{signature}"


def unsigned(builder, alg_value):
    """`alg: none` (any spelling) with an empty signature."""
    header = {"alg": alg_value, "kid": builder.keys["ES256"][0], "typ": ACCESS_TOKEN_TYPE}
    return f"{segment(header)}.{segment(builder.claims())}."


def per_algorithm_entries(builder, alg):
    """The defects that apply to a token of each algorithm."""
    now = int(time.time())
    token = builder.valid(alg)
    head, body, signature = token.split(".")
    fresh = fresh_private_key(alg)
    return [
        (f"tampered_payload_{alg}", tampered(token)),
        (f"wrong_audience_{alg}", builder.valid(alg, aud="someone-else", client_id="someone-else")),
        (f"wrong_issuer_{alg}", builder.valid(alg, iss="https://evil.example")),
        (f"expired_{alg}", builder.valid(alg, iat=now - 7200, nbf=now - 7200, exp=now - 3600)),
        (f"not_yet_valid_{alg}", builder.valid(alg, nbf=now + 3600, exp=now + 7200)),
        (f"unknown_kid_{alg}", builder.sign({"alg": alg, "kid": f"unknown-{alg}", "typ": ACCESS_TOKEN_TYPE},
                                            builder.claims(), private_key=fresh)),
        (f"crit_exp_header_{alg}", builder.sign(builder.header(alg, crit=["exp"], exp=now + 600), builder.claims())),
        (f"truncated_signature_removed_{alg}", f"{head}.{body}"),
        (f"truncated_signature_halved_{alg}", f"{head}.{body}.{signature[:len(signature) // 2]}"),
    ]


def corpus(builder, jwks):
    """Every (name, token) that must be refused."""
    served_rsa = next(key for key in jwks["keys"] if key.get("kid") == builder.keys["RS256"][0])
    entries = [
        ("alg_none", unsigned(builder, "none")),
        ("alg_none_capitalised", unsigned(builder, "None")),
        ("hs256_keyed_with_rsa_public_pem", hs256(builder, builder.public_pem("RS256"), "RS256")),
        ("hs256_keyed_with_served_rsa_jwk", hs256(builder, json.dumps(served_rsa, separators=(",", ":")).encode(), "RS256")),
        ("hs256_keyed_with_ec_public_pem", hs256(builder, builder.public_pem("ES256"), "ES256")),
        ("rs256_signature_under_es256_kid", builder.sign({**builder.header("ES256"), "alg": "RS256"}, builder.claims())),
        ("one_megabyte", builder.valid("ES256", padding="A" * (1024 * 1024))),
        # Still passes as one command-line argument (Linux allows 128 KiB), unlike 1 MB.
        ("sixty_four_kilobytes", builder.valid("ES256", padding="A" * (64 * 1024))),
    ]
    for alg in ALGORITHMS:
        entries += per_algorithm_entries(builder, alg)
    return entries


def check_controls(builder, keys):
    """Undamaged tokens must pass both libraries, or the corpus proves nothing."""
    for alg in ALGORITHMS:
        result = verify_both(builder.valid(alg), keys, builder.arguments.issuer, builder.arguments.audience, ACCESS_TOKEN_TYPE)
        if not (result["jwcrypto"]["ok"] and result["pyjwt"]["ok"]):
            sys.exit(f"negative_corpus.py: control {alg} token was rejected: {json.dumps(result)}")


def judged(name, token, keys, arguments):
    """One output entry: what each library said about `token`."""
    result = verify_both(token, keys, arguments.issuer, arguments.audience, ACCESS_TOKEN_TYPE)
    return {
        "name": name, "token": token, "type": ACCESS_TOKEN_TYPE, "audience": arguments.audience,
        "jwcrypto_rejected": not result["jwcrypto"]["ok"], "pyjwt_rejected": not result["pyjwt"]["ok"],
        "jwcrypto_error": result["jwcrypto"].get("error"), "pyjwt_error": result["pyjwt"].get("error"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for option in ("--keys-dir", "--issuer", "--audience", "--jwks-url"):
        parser.add_argument(option, required=True)
    arguments = parser.parse_args()
    jwks = fetch_jwks(arguments.jwks_url)
    keys = KeySets(jwks)
    builder = Builder(arguments)
    check_controls(builder, keys)
    json.dump([judged(name, token, keys, arguments) for name, token in corpus(builder, jwks)], sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
