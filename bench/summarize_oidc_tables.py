"""The tables and texts of the OpenID Connect section (used by bench/summarize_oidc.py).

section(heading, data, env) returns (markdown lines, console lines); `data` is what
summarize_oidc.load() read from the raw files.
"""
import statistics

from report_text import pct, verdict

# The targets.
MIN_PEAK = {"refresh": 8000.0, "introspect": 12000.0, "userinfo": 12000.0}
MAX_REDIS_PER_REQUEST = {"refresh": 2.0, "introspect": 1.0, "userinfo": 1.0}
MAX_P99_MS = 10.0
MAX_RSS_MB = 60.0
MIN_FLOW_RATIO = 0.85
SHARED_CPU = 0.05  # as the other sections: from 5 % of the CPU used by others, the box was shared

LABELS = {
    "refresh": "refresh-token grant: `POST /token` `grant_type=refresh_token` (e-books, public client)",
    "introspect": "introspection: `POST /introspect` (reading-tipper, `client_secret_basic`, its own access tokens)",
    "userinfo": "userinfo: `GET /userinfo` with `Authorization: Bearer`",
    "exchanges": "code flow: `GET /authorize` (SSO cookie, consent given) + `POST /token` `authorization_code` (e-books, PKCE)",
}
SHORT = {"refresh": "refresh grants", "introspect": "introspections", "userinfo": "userinfo", "exchanges": "code exchanges (pairs)"}


def faults(run):
    """`, N major page faults` when the gateway or Redis had to read pages back from disk during the run."""
    count = run.get("major_faults", 0)
    return f", **{count:.0f} major page faults**" if count else ""


def mb(value_bytes):
    return f"{value_bytes / 1e6:.1f} MB"


def peak_table(data):
    rows = ["| what | ok/s (median) | p50 | p99 | not ok (all rounds) | Redis round trips per request | gateway CPU per request | "
            "Redis CPU per request | others CPU (max) |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for target in ("refresh", "introspect", "userinfo", "exchanges"):
        runs, m = data["peaks"].get(target), data["median"].get(target)
        if not runs:
            continue
        bad = sum(r.get("bad", 0) + r.get("errors", 0) for r in runs)
        redis = f"{m['redis_per_req']:.2f}"
        if target == "exchanges":
            redis += f" per pair ({m['redis_commands'] / max(m['http_requests'], 1):.2f} per HTTP request)"
        rows.append(f"| {LABELS[target]} | {m['ok_rps']:,.0f} | {m['p50_us'] / 1000:.2f} ms | {m['p99_us'] / 1000:.2f} ms | {bad:.0f} | "
                    f"{redis} | {m['gw_cpu_us']:.0f} µs | {m['redis_cpu_us']:.0f} µs | {pct(max(r['other_cpu'] for r in runs))} |")
    return rows


def rate_table(data):
    rows = ["| endpoint | rate (½ of the median peak) | p50 | p90 | p99 | p99.9 | max | not ok (all rounds) | waited for a free "
            "connection | generator's own lateness p99 | CPU steadiness before (p99 chunk ÷ fastest) | Redis round trips per request | "
            "gateway CPU per request | others CPU (max) |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind in ("refresh", "introspect", "userinfo"):
        r, runs = data["rates"].get(kind), data["rate_rounds"].get(kind, [])
        if r:
            bad = sum(x["bad"] for x in runs)
            queued = statistics.median(x["queued"] / max(x["ok"] + x["bad"], 1) for x in runs)
            rows.append(f"| {SHORT[kind]} | {r['rate']:,.0f}/s | {r['p50_ms']:.2f} ms | {r['p90_ms']:.2f} ms | {r['p99_ms']:.2f} ms | "
                        f"{r['p999_ms']:.2f} ms | {r['max_ms']:.2f} ms | {bad:.0f} | {pct(queued)} of requests | "
                        f"{r['generator_lag_p99_ms']:.2f} ms | {r.get('steady_p99_x', 0):.2f} × | {r['redis_per_req']:.2f} | "
                        f"{r['gw_cpu_us']:.0f} µs | {pct(max(x['other_cpu'] for x in runs))} |")
    return rows


def rate_rounds(data):
    count = max(len(runs) for runs in data["rate_rounds"].values())
    rows = ["| endpoint | " + " | ".join(f"round {i + 1}" for i in range(count)) + " |", "|---|" + "---:|" * count]
    for kind in ("refresh", "introspect", "userinfo"):
        runs = data["rate_rounds"].get(kind, [])
        if runs:
            cells = " | ".join(f"p99 {r['p99_ms']:.2f} ms (p50 {r['p50_ms']:.2f}), waited {pct(r['queued'] / max(r['ok'] + r['bad'], 1))}, "
                               f"CPU steadiness p99 {r.get('steady_p99_x', 0):.2f} ×{faults(r)}" for r in runs)
            rows.append(f"| {SHORT[kind]} | {cells} |")
    return rows


def flow_figures(data):
    flows, cpu = data["flows"], data["flows_cpu"]
    per_flow_ms = cpu.get("gw_cpu_us", 0) / max(flows.get("flows_all", 0), 1) / 1000
    return flows, cpu, per_flow_ms, flows["flows_per_s"] / data["limit"]


def flow_table(data):
    flows, cpu, per_flow_ms, ratio = flow_figures(data)
    return ["| run | flows/s (200 from `/token` ÷ duration) | × Argon2 limit | 503 refusals | failed flows | whole flow p50 / p99 | "
            "`POST /login` p50 / p99 | gateway CPU per flow | load generator CPU | others CPU |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {flows['clients']} clients, {flows['seconds']:.0f} s | {flows['flows_per_s']:.1f} | {ratio:.2f} | {flows['refused_503']} | "
            f"{flows['failed']} | {flows['flow_p50_ms']:.1f} / {flows['flow_p99_ms']:.1f} ms | {flows['login_p50_ms']:.1f} / "
            f"{flows['login_p99_ms']:.1f} ms | {per_flow_ms:.1f} ms | {flows['client_cpu_s'] / flows['seconds'] * 100:.0f} % of a core | "
            f"{pct(cpu['other_cpu'])} |"]


def rss_table(data):
    rss = data["rss"]
    kb = lambda key: rss.get(key, 0) * 1024
    return ["| moment | gateway RSS |", "|---|---:|",
            f"| just started (`VmRSS`) | {mb(kb('start_kb'))} |",
            f"| after populating Redis (`VmRSS`; the gateway holds none of it) | {mb(kb('populated_kb'))} |",
            f"| peak up to the first token pools (`VmHWM`), which includes the one Argon2id check of reading-tipper's secret "
            f"(19 MiB, once per process); `VmHWM` is reset after it (`echo 5 > /proc/PID/clear_refs`) | {mb(kb('setup_hwm_kb'))} |",
            f"| peak while serving the token, introspection, userinfo and code-flow loads above (`VmHWM`"
            f"{'' if rss.get('hwm_reset', 1) else '; it could not be reset, so it includes the Argon2id check above'}) | "
            f"{mb(kb('hwm_tokens_kb'))} |",
            f"| highest `process_resident_memory_bytes` on `/metrics` after any of those runs | {mb(rss.get('metrics_max_bytes', 0))} |",
            f"| peak after the login flows too (`VmHWM`; Argon2id's 19 MiB per hash) | {mb(kb('hwm_all_kb'))} |",
            "", RSS_NOTE]


RSS_NOTE = ("Reading the RSS rows: after the setup's one Argon2id check, glibc's allocator may keep the heap memory of the freed 19 MiB buffer for the next hash (its dynamic mmap threshold rises to the size of the largest mapping freed so far), and the peak while serving then reads about 19 MB more than when the buffer was given back. The gateway keeps glibc's default on purpose: a fixed threshold returns every buffer but makes each hash page-fault 19 MiB back in (README, \"Benchmarks\", has the measured trade-off).")


def target_rows(data):
    m, rates = data["median"], data["rates"]
    flows, _, _, ratio = flow_figures(data)
    rows = ["| target (issue) | measured | result |", "|---|---:|:---:|"]
    for kind, label in (("refresh", "refresh-token grants/s"), ("introspect", "introspections/s"), ("userinfo", "userinfo/s")):
        if kind in m:
            rows.append(f"| {label} ≥ {MIN_PEAK[kind]:,.0f} | {m[kind]['ok_rps']:,.0f} | {verdict(m[kind]['ok_rps'] >= MIN_PEAK[kind])} |")
    _, _, per_flow_ms, _ = flow_figures(data)
    cpu_ratio = data["hash_s"] * 1000 / per_flow_ms if per_flow_ms else 0
    rows.append(f"| complete login flows/s at 4 clients ≥ {MIN_FLOW_RATIO} × Argon2 limit | {flows['flows_per_s']:.1f} = {ratio:.2f} × "
                f"{data['limit']:.1f} (CPU time: {data['hash_s'] * 1000:.1f} ms per CLI hash ÷ {per_flow_ms:.1f} ms of gateway CPU "
                f"per flow = {cpu_ratio:.2f}) | {verdict(ratio >= MIN_FLOW_RATIO)} |")
    rows.append(f"| no failed login flows | {flows['failed']} failed | {verdict(flows['failed'] == 0 and not flows['errors'])} |")
    for kind in ("refresh", "introspect", "userinfo"):
        if kind in rates:
            r, runs = rates[kind], data["rate_rounds"][kind]
            each = ", ".join(f"{x['p99_ms']:.1f}" for x in runs)
            rows.append(f"| {SHORT[kind]}: p99 ≤ {MAX_P99_MS:.0f} ms at {r['rate']:,.0f}/s (½ peak), median of {len(runs)} rounds | "
                        f"{r['p99_ms']:.2f} ms (rounds: {each}) | {verdict(r['p99_ms'] <= MAX_P99_MS and sum(x['bad'] for x in runs) == 0)} |")
    hwm = data["rss"].get("hwm_tokens_kb", 0) * 1024
    rows.append(f"| gateway RSS < {MAX_RSS_MB:.0f} MB with {data['populate'].get('sessions', 0):,.0f} SSO sessions and "
                f"{data['populate'].get('families', 0):,.0f} refresh-token families live | {mb(hwm)} peak | {verdict(hwm / 1e6 < MAX_RSS_MB)} |")
    for kind in ("refresh", "introspect", "userinfo"):
        if kind in m:
            value = m[kind]["redis_per_req"]
            rows.append(f"| Redis round trips per {SHORT[kind].rstrip('s') if kind != 'userinfo' else 'userinfo'} request ≤ "
                        f"{MAX_REDIS_PER_REQUEST[kind]:.0f} | {value:.2f} | {verdict(value <= MAX_REDIS_PER_REQUEST[kind] + 0.005)} |")
    return rows


def raw_rows(data):
    count = max(len(runs) for runs in data["peaks"].values())
    rows = ["| what | " + " | ".join(f"round {i + 1}" for i in range(count)) + " | spread (max/min) |",
            "|---|" + "---:|" * count + "---:|"]
    for target in ("refresh", "introspect", "userinfo", "exchanges"):
        runs = data["peaks"].get(target, [])
        if runs:
            values = [r["ok_rps"] for r in runs]
            cells = " | ".join(f"{r['ok_rps']:,.0f}/s, p99 {r['p99_us'] / 1000:.2f} ms, others {pct(r['other_cpu'])}{faults(r)}" for r in runs)
            rows.append(f"| {SHORT[target]} | {cells} | {max(values) / max(min(values), 1):.2f} |")
    return rows


def cost_note(data):
    """Where the CPU of each peak went: the gateway's and Redis's CPU per request, and the
    rate they would allow if they had every core to themselves."""
    parts = []
    for target in ("refresh", "introspect", "userinfo", "exchanges"):
        m = data["median"].get(target)
        if m:
            ceiling = data["cores"] * 1e6 / max(m["gw_cpu_us"] + m["redis_cpu_us"], 1)
            parts.append(f"{SHORT[target]} {m['gw_cpu_us']:.0f} + {m['redis_cpu_us']:.0f} µs (≤ {ceiling:,.0f}/s on {data['cores']} free cores)")
    return ("**CPU per request** (gateway + Redis, from `/proc/PID/stat` over each run, medians): " + "; ".join(parts) +
            ". The load generator takes the rest of the 2 cores (wrk parses every answer in Lua to check it and, for refresh, "
            "to chain the tokens), so the measured rates sit well below those ceilings.")


def rate_note(data):
    return ("Medians of the rounds. *Waited for a free connection*: requests due while every connection of the generator "
            "still waited for an answer (the server held them all), so they went out late and that wait is in their latency; "
            "*generator's own lateness*: how late requests went out once a connection was free (the generator's share of the "
            "tail). *CPU steadiness*: `GatewayBench steadiness --seconds 2` just before the run times the same ~1 ms of work "
            "back to back; the p99 chunk over the fastest one shows how much the VM's host slowed the CPU down in stretches "
            "(1.0 = steady), which no process here sees as CPU use and which turns into latency tails at any load. Major page "
            "faults of the gateway or Redis during a run (pages read back from disk) are named in the per-round figures when "
            "there were any.")


def quiet_text(data, env):
    others = [r["other_cpu"] for runs in list(data["peaks"].values()) + list(data["rate_rounds"].values()) for r in runs] + \
             [data["flows_cpu"]["other_cpu"]]
    waited, busy = int(env("BENCH_OIDC_QUIET_WAITED", "0")), int(env("BENCH_OIDC_BUSY_RUNS", "0"))
    text = (f"**Quiet machine.** Before each measured run the script sampled the CPU for 2 s and waited while other processes "
            f"(other engineers' builds and tests) used ≥ 5 % of it, polling every 30 s for at most {env('BENCH_OIDC_QUIET_LIMIT', '?')} s in "
            f"all; it waited {waited} s in this run. During the runs themselves others used a median {pct(statistics.median(others))} "
            f"(at most {pct(max(others))}) of the CPU (/proc/stat busy ticks minus the benchmark's own processes).")
    if busy:
        text += f" **{busy} run(s) started on a busy machine because the wait limit was spent: their figures are pessimistic.**"
    elif max(others) >= SHARED_CPU:
        text += " **Some runs shared the box with other work that started during them: check the per-round figures.**"
    return text


def setup_lines(data, env):
    populate, keys = data["populate"], data["keys"]
    rounds, seconds = env("BENCH_OIDC_ROUNDS", "?"), env("BENCH_OIDC_SECONDS", "?")
    return [
        f"- Date: {env('BENCH_OIDC_DATE', '?')}; {data['cores']} cores ({env('BENCH_OIDC_CPU', '?')}), kernel "
        f"{env('BENCH_OIDC_KERNEL', '?')}; {env('BENCH_OIDC_VERSIONS', '?')}; {env('BENCH_OIDC_GATEWAY', '?')}.",
        "- Gateway: a release build of its own with default settings (4 HTTP worker threads, Redis pool of 16, access log to "
        "/dev/null), issuer `http://127.0.0.1:PORT`, a private Redis database, SQLite file and client secrets "
        "(`gateway policy import Policies --secrets-dir …`), the demo policies. Four demo members are registered through the "
        "real forms and give consent to e-books and Reading Tipper (`bench/oidc_setup.py`); the first one's SSO cookie drives "
        "the code flows. Everything runs on 127.0.0.1; the load generators share the 2 cores with the gateway and Redis.",
        f"- Live state: `{env('BENCH_OIDC_POPULATE_COMMAND', '?')}` wrote {populate.get('sessions', 0):,.0f} SSO sessions (each "
        f"its own patron, so as many patron indexes) and {populate.get('families', 0):,.0f} refresh-token families (grant, refresh "
        f"token, access-token id) through the gateway's own `RedisSessionStore.create` and `RedisGrantStore.start` in "
        f"{populate.get('seconds', 0):.1f} s; Redis then held {keys.get('sessions', 0):,.0f} `lg:session:*`, "
        f"{keys.get('grants', 0):,.0f} `lg:grant:*` and {keys.get('refresh_tokens', 0):,.0f} `lg:refresh:*` keys "
        f"({keys.get('used_memory', 0) / 2**20:,.0f} MiB). All of it stays live during every run below.",
        f"- Token pools come from real code flows (`GatewayBench exchanges --count N --tokens-out FILE`: `GET /authorize` with "
        f"the SSO cookie, then `POST /token`): {env('BENCH_OIDC_POOL', '?')} reading-tipper access tokens (scope `openid`) for "
        f"introspection and {env('BENCH_OIDC_POOL', '?')} e-books access tokens for userinfo, fresh every round (both pools fit "
        f"the gateway's verified-token cache, so a token's signature is checked once), and {env('BENCH_OIDC_REFRESH_POOL', '?')} "
        "fresh e-books refresh tokens (`openid offline_access`) before every refresh run.",
        f"- Peaks: `{env('BENCH_OIDC_WRK', '?')} -d{seconds}s URL -- MODE POOL 2 [BASIC]` (`bench/oidc.lua`) for refresh, "
        f"introspection and userinfo, and `GatewayBench exchanges --url URL --session COOKIE --threads "
        f"{env('BENCH_OIDC_EXCHANGE_THREADS', '?')} --seconds {seconds} --warmup 0.5` (raw HTTP/1.1 keep-alive sockets, one per "
        f"thread) for code flows; {rounds} interleaved rounds after a 2 s warm-up run each; medians shown. `bench/oidc.lua` "
        "counts as ok only 200s with the expected content (a new `refresh_token`; `\"active\":true`; a `sub`); for refresh each "
        "wrk thread keeps a queue of the tokens it may present and puts back the one each answer returns, so every connection "
        "continues a rotation chain and no token is ever presented twice.",
        f"- Latency at half the peak: `GatewayBench rate --kind KIND --rate R --seconds {env('BENCH_OIDC_RATE_SECONDS', '?')} "
        f"--warmup 2 --connections {env('BENCH_OIDC_RATE_CONNECTIONS', '?')}` with R = half the median peak of this run: an open "
        "loop on one thread (poll(2) over the keep-alive connections): request i is due at start + i/R and goes out then on an "
        "idle connection, or as soon as one frees up; its latency runs from that *scheduled* time, so queueing behind a slow "
        "answer is counted (no coordinated omission). Send lag = how late requests actually went out (a busy CPU or no idle "
        "connection); answers are timed when the loop reads them, which it does at least every 1/R s. A connection idle for "
        "5 s is reopened before its next request, as HTTP clients' pools do (the gateway closes keep-alive connections silent "
        "for 10 s).",
        "- Redis round trips per request: Δ`gateway_redis_commands_total` ÷ Δ requests of the route (`gateway_http_requests_total`) "
        "from `/metrics` before and after each run; CPU per request: Δ utime + stime of the gateway and of Redis ÷ the same requests.",
    ]


def flow_lines(data, env):
    low, high = data["hash_range"]
    logins = data.get("logins_hash_s")
    cross = (f" The Logins section of this run measured {logins * 1000:.1f} ms per hash with the same command "
             f"(limit {data['cores'] / logins:.1f}/s): these flows reach {data['flows']['flows_per_s'] * logins / data['cores']:.2f} × that."
             if logins else "")
    return [
        f"Complete login flows, as a browser and the e-books application do them: `GET /authorize` without a session → "
        f"`GET /login` → `POST /login` (Argon2id) → `GET /authorize` with the new session → `POST /token` (code + PKCE verifier) "
        f"→ 200 with the tokens; `{env('BENCH_OIDC_FLOW_COMMAND', '?')}` (Python threads, one keep-alive connection each, no "
        f"cookie carried between flows, the four demo members in turn). Argon2 limit as in the Logins section: "
        f"`{env('BENCH_OIDC_ARGON2_COMMAND', '?')}`, 5 runs just before and 5 just after the flows (the CLI's own figure), median {data['hash_s'] * 1000:.1f} ms ({low * 1000:.0f}–"
        f"{high * 1000:.0f}), so {data['cores']} cores ÷ that = {data['limit']:.1f} hashes/s.{cross}",
    ]


def section(heading, data, env):
    peaks, rates, flows, rss = peak_table(data), rate_table(data), flow_table(data), rss_table(data)
    targets = target_rows(data)
    lines = [heading, "", *setup_lines(data, env), "",
             "### Peak rates", "", *peaks, "", cost_note(data), "",
             "### Latency at half the peak (open loop)", "", *rates, "", rate_note(data), "", *rate_rounds(data), "",
             "### Complete login flows", "", *flow_lines(data, env), "", *flows, "",
             "### Memory", "", *rss, "",
             "### Targets", "", *targets, "",
             quiet_text(data, env), "",
             "Per-round peak figures (ok/s, p99, share of the CPU other processes used during that run):", "",
             *raw_rows(data), ""]
    return lines, peaks + [""] + rates + [""] + flows + [""] + rss + [""] + targets
