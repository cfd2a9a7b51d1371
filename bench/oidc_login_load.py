#!/usr/bin/env python3
"""Complete OpenID Connect logins for bench/oidc.sh (a sibling of login_load.py).

  oidc_login_load.py run BASE ACCOUNTS OUT --clients N --seconds S [--warmup W] [--backoff B]
      N concurrent clients (threads, one keep-alive connection each, no cookies carried from
      one flow to the next) repeat what a browser and the e-books application do for W + S
      seconds; only flows that start after W and end before W + S count:
        1. GET /authorize (code flow, PKCE S256, scope "openid offline_access", fresh state)
           without a session → 303 to /login?…&return_to=…;
        2. GET that /login URL → the form (`gw_pre` cookie, csrf_token, return_to);
        3. POST /login (Argon2id) with Origin = BASE → 303 to return_to with `gw_session`;
        4. GET return_to (/authorize?…) with the new session (consent was given at setup)
           → 303 to the redirect URI with `code`, the same `state` and `iss`;
        5. POST /token (authorization_code, code_verifier, client_id=e-books) → 200 with
           access, ID and refresh tokens.
      A 503 at step 3 (hashing pool full) is counted apart: the client waits B seconds and
      starts a new flow. Anything else unexpected is a failed flow. Writes one JSON object to OUT.

ACCOUNTS is the JSON written by oidc_setup.py (its "accounts").
"""
import json
import secrets
import sys
import time
import urllib.parse

from login_load import LoadClient, connect, cookie_value, finish, milliseconds, run_clients, run_command
from oidc_setup import CLIENTS, HIDDEN, authorize_path, pkce, unescape


class FlowFailed(Exception):
    pass


class FlowClient(LoadClient):
    def __init__(self, *arguments):
        super().__init__(*arguments)
        self.latencies, self.login_latencies = [], []
        self.all_flows = 0  # warm-up included: for the server's CPU time per flow

    def get(self, connection, path, cookie=None):
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read()
        return response, body

    def flow(self, connection):
        """One complete login; returns (seconds of the POST /login) or None when refused (503)."""
        verifier, challenge = pkce()
        state = secrets.token_hex(8)
        response, _ = self.get(connection, authorize_path("e-books", challenge, state))
        if response.status != 303 or not (response.getheader("Location") or "").startswith("/login"):
            raise FlowFailed(f"authorize without session {response.status}")
        response, page = self.get(connection, response.getheader("Location"))
        pre = cookie_value(response.getheaders(), "gw_pre")
        fields = {name: unescape(value) for name, value in HIDDEN.findall(page.decode("utf-8", "replace"))}
        if response.status != 200 or not pre or "csrf_token" not in fields or "return_to" not in fields:
            raise FlowFailed(f"GET /login {response.status}")
        body = urllib.parse.urlencode({"csrf_token": fields["csrf_token"], "return_to": fields["return_to"],
                                       "identifier": self.identifier, "password": self.password})
        began = time.monotonic()
        connection.request("POST", "/login?lang=nl", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": self.base, "Cookie": f"gw_pre={pre}"})
        response = connection.getresponse()
        response.read()
        login_seconds = time.monotonic() - began
        if response.status == 503:
            return None
        session = cookie_value(response.getheaders(), "gw_session")
        if response.status != 303 or not session:
            raise FlowFailed(f"POST /login {response.status}")
        response, _ = self.get(connection, response.getheader("Location"), f"gw_session={session}")
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(response.getheader("Location") or "").query)
        if response.status not in (302, 303) or query.get("state") != [state] or "code" not in query:
            raise FlowFailed(f"authorize with session {response.status}")
        self.exchange(connection, query["code"][0], verifier)
        return login_seconds

    def exchange(self, connection, code, verifier):
        body = urllib.parse.urlencode({"grant_type": "authorization_code", "code": code, "redirect_uri": CLIENTS["e-books"][0],
                                       "code_verifier": verifier, "client_id": "e-books"})
        connection.request("POST", "/token", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        answer = response.read()
        if response.status != 200 or b'"refresh_token"' not in answer or b'"id_token"' not in answer:
            raise FlowFailed(f"token {response.status}")

    def loop(self):
        connection = connect(self.base)
        self.wait_for_start()
        while True:
            began = time.monotonic()
            if began >= self.stop_at:
                break
            try:
                login_seconds = self.flow(connection)
            except FlowFailed as failure:
                self.fail(str(failure), began)
                continue
            done = time.monotonic()
            if login_seconds is None:
                if began >= self.count_from:
                    self.refused += 1
                time.sleep(self.backoff)
            else:
                self.all_flows += 1
            if login_seconds is not None and began >= self.count_from and done <= self.stop_at:
                self.latencies.append(done - began)
                self.login_latencies.append(login_seconds)
        connection.close()


def run(base, accounts_path, out_path, clients, seconds, warmup, backoff):
    accounts = json.load(open(accounts_path))["accounts"]
    workers, result = run_clients(FlowClient, base, accounts, clients, seconds, warmup, backoff)
    flows = [x for w in workers for x in w.latencies]
    logins = [x for w in workers for x in w.login_latencies]
    result.update({
        "flows": len(flows), "flows_per_s": len(flows) / seconds, "flows_all": sum(w.all_flows for w in workers),
        "flow_p50_ms": milliseconds(flows, 50), "flow_p99_ms": milliseconds(flows, 99),
        "login_p50_ms": milliseconds(logins, 50), "login_p99_ms": milliseconds(logins, 99),
    })
    finish("oidc_login_load", out_path, result, f"flows_per_s={result['flows_per_s']:.1f} flows={len(flows)} "
           f"flow_p50_ms={result['flow_p50_ms']:.1f} flow_p99_ms={result['flow_p99_ms']:.1f}")


def main():
    if not run_command("oidc_login_load", sys.argv[1:], run):
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
