#!/usr/bin/env python3
"""Login load for bench/logins.sh: complete patron logins against one gateway on loopback.

  login_load.py register BASE ACCOUNTS CARD...   CARD = library:card_number:secret
      registers one account per demo card (GET /register + POST /register, expects 303)
      and writes "identifier password" lines to ACCOUNTS (usernames and e-mails alternate).
  login_load.py run BASE ACCOUNTS OUT --clients N --seconds S [--warmup W] [--backoff B]
      N concurrent clients (threads, one keep-alive connection each) repeat a complete login
      for W + S seconds: GET /login (keeping only the pre-login cookie `gw_pre`), take the
      form's csrf_token, POST /login with Origin = BASE. Only the last S seconds are counted:
      303 with a `gw_session` cookie = success; 503 = the hashing pool refused (the client
      waits B seconds, then starts a fresh attempt); anything else is a failed flow.
      Writes one JSON object to OUT.

The server does the hashing; a client's own cost per request is small and is measured
(client_cpu_s). Every account has a correct password: a wrong one would count against the
per-IP throttle, which all bench traffic (127.0.0.1) shares.
"""
import http.client
import json
import re
import resource
import sys
import threading
import time
import urllib.parse

CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
PASSWORD = "Bench-Login-Storm-2026!"


def cookie_value(headers, name):
    for key, value in headers:
        if key.lower() == "set-cookie" and value.startswith(name + "="):
            return value.split(";", 1)[0][len(name) + 1:] or None
    return None


def form_token(connection, path, cookie):
    headers = {"Cookie": f"gw_pre={cookie}"} if cookie else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    cookie = cookie_value(response.getheaders(), "gw_pre") or cookie
    match = CSRF.search(body)
    return response.status, cookie, (match.group(1) if match else None)


def post_form(connection, origin, path, cookie, fields):
    body = urllib.parse.urlencode(fields)
    connection.request("POST", path, body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Cookie": f"gw_pre={cookie}"})
    response = connection.getresponse()
    response.read()
    return response


def connect(base):
    parts = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)


def register(base, accounts_path, cards):
    lines = []
    for index, card in enumerate(cards):
        library, number, secret = card.split(":")
        connection = connect(base)
        status, cookie, token = form_token(connection, "/register", None)
        if status != 200 or not cookie or not token:
            sys.exit(f"login_load: GET /register gave {status}, cookie {bool(cookie)}, csrf {bool(token)}")
        username = f"bench{number[-6:]}{library.split('-')[-1]}"
        email = f"{username}@bench.example.org"
        for attempt in range(20):  # a 503 (pool busy) is retried; nothing else is
            response = post_form(connection, base, "/register", cookie, {
                "csrf_token": token, "library": library, "card_number": number, "card_secret": secret,
                "username": username, "email": email, "password": PASSWORD, "password_again": PASSWORD, "language": "nl"})
            if response.status != 503:
                break
            time.sleep(0.1)
        if response.status != 303 or not cookie_value(response.getheaders(), "gw_session"):
            sys.exit(f"login_load: registering card {number} gave {response.status}, not 303 with a session")
        connection.close()
        lines.append(f"{email if index % 2 else username} {PASSWORD}")
    with open(accounts_path, "w") as out:
        out.write("\n".join(lines) + "\n")


class LoadClient(threading.Thread):
    """One load client (a thread): W + S seconds of work, of which only the last S count.
    Subclasses implement loop(); a crash is recorded in `error` (the run then fails)."""

    def __init__(self, base, identifier, password, start, count_from, stop, backoff):
        super().__init__(daemon=True)
        self.base, self.identifier, self.password = base, identifier, password
        self.start_at, self.count_from, self.stop_at, self.backoff = start, count_from, stop, backoff
        self.refused = 0
        self.failures = {}
        self.error = None

    def fail(self, what, began=None):
        if (began if began is not None else time.monotonic()) >= self.count_from:
            self.failures[what] = self.failures.get(what, 0) + 1

    def run(self):
        try:
            self.loop()
        except Exception as error:  # reported, never hidden: the run then fails
            self.error = f"{type(error).__name__}: {error}"

    def wait_for_start(self):
        while time.monotonic() < self.start_at:
            time.sleep(0.001)


class Client(LoadClient):
    def __init__(self, *arguments):
        super().__init__(*arguments)
        self.ok_latencies, self.get_latencies = [], []
        self.all_logins = 0  # warm-up included: for the server's CPU time per login

    def loop(self):
        connection = connect(self.base)
        cookie = None
        self.wait_for_start()
        while True:
            began = time.monotonic()
            if began >= self.stop_at:
                break
            status, cookie, token = form_token(connection, "/login", cookie)
            got = time.monotonic()
            counted = began >= self.count_from
            if counted:
                self.get_latencies.append(got - began)
            if status != 200 or not token or not cookie:
                self.fail(f"GET /login {status}")
                cookie = None
                continue
            response = post_form(connection, self.base, "/login", cookie, {
                "csrf_token": token, "identifier": self.identifier, "password": self.password})
            done = time.monotonic()
            if done > self.stop_at:
                break  # finished after the window: not counted
            if response.status == 303 and cookie_value(response.getheaders(), "gw_session"):
                self.all_logins += 1
                if counted:
                    self.ok_latencies.append(done - got)
                cookie = None  # the pre-login session is gone; never send the SSO cookie to /login
            elif response.status == 503:
                if counted:
                    self.refused += 1
                time.sleep(self.backoff)
            else:
                self.fail(f"POST /login {response.status}")
                cookie = None
        connection.close()


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def run_clients(client_class, base, accounts, clients, seconds, warmup, backoff):
    """Starts `clients` client_class threads (accounts used round robin), waits for them and
    returns (workers, the result fields every load run reports)."""
    start = time.monotonic() + 0.2
    count_from, stop = start + warmup, start + warmup + seconds
    workers = [client_class(base, *accounts[i % len(accounts)], start, count_from, stop, backoff) for i in range(clients)]
    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=warmup + seconds + 60)
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    errors = [w.error for w in workers if w.error] + [f"client {i} still running" for i, w in enumerate(workers) if w.is_alive()]
    failures = {}
    for worker in workers:
        for what, count in worker.failures.items():
            failures[what] = failures.get(what, 0) + count
    return workers, {
        "clients": clients, "seconds": seconds, "warmup": warmup, "backoff": backoff,
        "refused_503": sum(w.refused for w in workers), "failed": sum(failures.values()), "failures": failures,
        "errors": errors,
        "client_cpu_s": (cpu_after.ru_utime + cpu_after.ru_stime) - (cpu_before.ru_utime + cpu_before.ru_stime),
    }


def milliseconds(values, p):
    return (percentile(values, p) or 0) * 1000


def finish(program, out_path, result, summary):
    """Writes result as JSON to out_path, prints the RESULT line, fails on client crashes."""
    with open(out_path, "w") as out:
        json.dump(result, out)
    print(f"RESULT clients={result['clients']} {summary} refused_503={result['refused_503']} "
          f"failed={result['failed']} client_cpu_s={result['client_cpu_s']:.2f}")
    if result["failures"]:
        print(f"{program}: failures: " + json.dumps(result["failures"]), file=sys.stderr)
    if result["errors"]:
        print(f"{program}: client errors: " + "; ".join(result["errors"]), file=sys.stderr)
        sys.exit(1)


def run_command(program, args, run):
    """`run BASE ACCOUNTS OUT [--clients N] [--seconds S] [--warmup W] [--backoff B]`:
    calls run(base, accounts, out, clients, seconds, warmup, backoff); False when args is not that."""
    if len(args) < 4 or args[0] != "run":
        return False
    options = {"--clients": 4, "--seconds": 15.0, "--warmup": 2.0, "--backoff": 0.05}
    rest = args[4:]
    while rest:
        key, value, rest = rest[0], rest[1], rest[2:]
        if key not in options:
            sys.exit(f"{program}: unknown option {key}")
        options[key] = type(options[key])(value)
    run(args[1], args[2], args[3], options["--clients"], options["--seconds"], options["--warmup"], options["--backoff"])
    return True


def run(base, accounts_path, out_path, clients, seconds, warmup, backoff):
    accounts = [line.split(" ", 1) for line in open(accounts_path).read().splitlines() if line]
    workers, result = run_clients(Client, base, accounts, clients, seconds, warmup, backoff)
    ok = [x for w in workers for x in w.ok_latencies]
    gets = [x for w in workers for x in w.get_latencies]
    result.update({
        "logins": len(ok), "logins_per_s": len(ok) / seconds, "logins_all": sum(w.all_logins for w in workers),
        "post_p50_ms": milliseconds(ok, 50), "post_p99_ms": milliseconds(ok, 99), "post_max_ms": max(ok, default=0) * 1000,
        "get_p50_ms": milliseconds(gets, 50), "get_p99_ms": milliseconds(gets, 99),
    })
    finish("login_load", out_path, result, f"logins_per_s={result['logins_per_s']:.1f} logins={len(ok)} "
           f"post_p50_ms={result['post_p50_ms']:.1f} post_p99_ms={result['post_p99_ms']:.1f}")


def main():
    args = sys.argv[1:]
    if len(args) >= 3 and args[0] == "register":
        register(args[1], args[2], args[3:])
        return
    if run_command("login_load", args, run):
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main()
