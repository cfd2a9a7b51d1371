"""Sections of BENCHMARKS.md after the HTTP one, used by bench/summarize.py:

- "JWKS over HTTP": the gateway's /jwks.json against nginx serving a static copy of the same
  document and nginx's tiny healthz file, from the same interleaved wrk rounds as the HTTP
  section (targets nginx, nginx-jwks, gateway-jwks in RESULTS).
- "Tokens: sign and verify per algorithm vs openssl speed": the raw outputs bench/tokens.sh
  leaves in TOKENS_DIR (gatewaybench-N.txt, openssl-N.txt, breakdown.txt).

Each function returns (markdown lines, console lines).
"""
import glob
import os
import re
import statistics

from report_text import parse_fields, verdict

# The targets.
MIN_JWKS_RATIO_TO_NGINX = 0.8
MIN_SIGN_RATIO_TO_OPENSSL = 0.85
SIGN_TARGET_ALGS = ("ES256", "EdDSA")
ALGS = ("ES256", "RS256", "EdDSA")


def _ms(microseconds):
    return f"{microseconds / 1000:.2f} ms"


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _rate(value):
    return f"{value:,.0f}" if value is not None else "n/a"


def _ratio(numerator, denominator):
    return numerator / denominator if numerator is not None and denominator else None


def _fmt_ratio(value):
    return f"{value:.2f}" if value is not None else "n/a"


# ---------------------------------------------------------------------------- JWKS over HTTP

JWKS_TARGETS = [
    ("nginx", "nginx, tiny static file `healthz` (reference)"),
    ("nginx-jwks", "nginx, static copy of the same JWKS document"),
    ("gateway-jwks", "gateway `/jwks.json`, default config"),
]


def jwks_section(rounds, env):
    if not all(name in rounds for name, _ in JWKS_TARGETS):
        return [], []
    figures = ("rps", "p50_us", "p99_us", "errors")
    median = {name: {f: statistics.median(r[f] for r in rounds[name]) for f in figures} for name, _ in JWKS_TARGETS}
    healthz = median["nginx"]["rps"]
    static = median["nginx-jwks"]["rps"]
    rows = ["| target | req/s | p50 | p99 | ratio to nginx static file (`healthz`) | ratio to nginx static JWKS | wrk errors |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for name, label in JWKS_TARGETS:
        m = median[name]
        rows.append(f"| {label} | {m['rps']:,.0f} | {_ms(m['p50_us'])} | {_ms(m['p99_us'])} | "
                    f"{_fmt_ratio(_ratio(m['rps'], healthz))} | {_fmt_ratio(_ratio(m['rps'], static))} | {m['errors']:.0f} |")
    gateway = median["gateway-jwks"]["rps"]
    ratio = _ratio(gateway, healthz) or 0.0
    targets = ["| target | measured (median) | result |", "|---|---:|:---:|",
               f"| `/jwks.json` req/s ≥ {MIN_JWKS_RATIO_TO_NGINX} × nginx static-file rate | "
               f"{gateway:,.0f} = {ratio:.3f} × {healthz:,.0f} | {verdict(ratio >= MIN_JWKS_RATIO_TO_NGINX)} |"]
    count = len(rounds["nginx"])
    raw = ["| target | " + " | ".join(f"round {i + 1}" for i in range(count)) + " | spread (max/min) |",
           "|---|" + "---:|" * count + "---:|"]
    for name, label in JWKS_TARGETS:
        values = [r["rps"] for r in rounds[name]]
        cells = " | ".join(f"{r['rps']:,.0f} req/s, p99 {_ms(r['p99_us'])}"
                           + (f", others {r['other_cpu'] * 100:.0f} %" if "other_cpu" in r else "")
                           for r in rounds[name])
        raw.append(f"| {label} | {cells} | {max(values) / min(values):.2f} |")
    notes = []
    if "gateway-default" in rounds:
        healthz_gateway = statistics.median(r["rps"] for r in rounds["gateway-default"])
        notes.append(f"For scale: the same gateway process answered `/healthz` at a median {healthz_gateway:,.0f} req/s "
                     f"in these rounds, so `/jwks.json` ran at {gateway / healthz_gateway:.2f} × its own cheapest route.")
    others = [r["other_cpu"] for name, _ in JWKS_TARGETS for r in rounds[name] if "other_cpu" in r]
    if others and statistics.median(others) >= 0.05:
        notes.append(f"**Other processes used a median {statistics.median(others) * 100:.0f} % of the machine's CPU "
                     f"during these runs (up to {max(others) * 100:.0f} %)**: a reference run that happened to share the "
                     "box moves the ratio as much as the gateway does, so check the per-round figures before reading the "
                     "verdict.")
    jwks_bytes = env("BENCH_JWKS_BYTES", "?").strip()
    keys = env("BENCH_JWKS_KEYS", "?").split()
    key_text = f"{keys[0]} keys ({', '.join(keys[1:])})" if len(keys) > 1 else "?"
    lines = [
        "## JWKS over HTTP",
        "",
        "- What is measured: wrk's request rate and latency for `GET /jwks.json` on the default-config "
        f"gateway (a {jwks_bytes}-byte document with {key_text}, the run's private signing keys), which "
        "partners fetch to verify our tokens; the gateway builds it once per key change and serves it from "
        "a cache, so this is the HTTP path plus a ~1 KB body.",
        "- References: nginx (same configuration as above) serving its tiny `healthz` file — the "
        "static-file rate the target refers to — and a byte-for-byte static copy of the same JWKS document "
        "(fetched once with curl), which shows what the larger body alone costs.",
        f"- Command: `{env('BENCH_WRK_COMMAND', '?')}`, in the same {count} interleaved rounds as the HTTP "
        "section (nginx `healthz` is shared), medians shown.",
        "",
        *rows,
        "",
        "Target (issue): the gateway's JWKS against nginx's static-file rate in the same run.",
        "",
        *targets,
        "",
        *([" ".join(notes), ""] if notes else []),
        "Per-round figures (req/s, p99, and the share of the machine's CPU other processes used during that run):",
        "",
        *raw,
        "",
    ]
    return lines, rows + [""] + targets


# ---------------------------------------------------------------------------- tokens

_RESULT = re.compile(r"^(RESULT|STAGE) (.*)$")
_DOING = re.compile(r"Doing (.+?) for ([\d.]+)s: (\d+) .* in ([\d.]+)s")
_TABLE = {
    "RS256": re.compile(r"^\s*rsa 2048 bits\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+)"),
    "ES256": re.compile(r"^\s*256 bits ecdsa \(nistp256\)\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+)"),
    "EdDSA": re.compile(r"^\s*253 bits EdDSA \(Ed25519\)\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+)"),
}


def read_gatewaybench(path):
    """{alg: fields} from the RESULT lines of one GatewayBench run; [STAGE fields] too."""
    results, stages = {}, []
    for line in open(path):
        match = _RESULT.match(line.strip())
        if not match:
            continue
        fields = parse_fields(match.group(2).split())
        if match.group(1) == "RESULT":
            results[fields["alg"]] = fields
        else:
            stages.append(fields)
    return results, stages


def _doing_key(what):
    what = what.lower()
    if "rsa" in what:
        return "RS256", "sign" if "private" in what else "verify"
    if "ecdsa" in what:
        return "ES256", "sign" if "sign" in what else "verify"
    if "ed25519" in what:
        return "EdDSA", "sign" if "sign" in what else "verify"
    return None


def read_openssl(path):
    """{alg: {sign, verify: wall-clock rate (count / -seconds), sign_cpu, verify_cpu: the table's
    rate (count / user CPU time), sign_share, verify_share: CPU time / wall time}}."""
    out = {alg: {} for alg in ALGS}
    for line in open(path):
        match = _DOING.search(line)
        if match:
            key = _doing_key(match.group(1))
            if key:
                alg, op = key
                seconds, count, cpu = float(match.group(2)), int(match.group(3)), float(match.group(4))
                out[alg][op] = count / seconds
                out[alg][f"{op}_share"] = cpu / seconds
            continue
        for alg, pattern in _TABLE.items():
            match = pattern.match(line)
            if match:
                out[alg]["sign_cpu"], out[alg]["verify_cpu"] = float(match.group(1)), float(match.group(2))
    return out


def _other_cpu(env):
    try:
        before = [int(x) for x in env("BENCH_TOKENS_CPU_BEFORE", "").split()]
        after = [int(x) for x in env("BENCH_TOKENS_CPU_AFTER", "").split()]
    except ValueError:
        return None
    if len(before) != 9 or len(after) != 9:
        return None
    user, nice, system, idle, iowait, irq, softirq, steal, ours = [a - b for a, b in zip(after, before)]
    total = user + nice + system + idle + iowait + irq + softirq + steal
    return max(0, user + nice + system + irq + softirq - ours) / total if total > 0 else None


def tokens_section(tokens_dir, env):
    if not tokens_dir or not os.path.isdir(tokens_dir):
        return [], []
    gb_files = sorted(glob.glob(os.path.join(tokens_dir, "gatewaybench-*.txt")))
    os_files = sorted(glob.glob(os.path.join(tokens_dir, "openssl-*.txt")))
    if not gb_files or not os_files:
        return [], []
    gb_rounds = [read_gatewaybench(path)[0] for path in gb_files]
    os_rounds = [read_openssl(path) for path in os_files]
    stages = read_gatewaybench(os.path.join(tokens_dir, "breakdown.txt"))[1] \
        if os.path.exists(os.path.join(tokens_dir, "breakdown.txt")) else []

    def gb(alg, field):
        return _median(r.get(alg, {}).get(field) for r in gb_rounds)

    def ossl(alg, field):
        return _median(r.get(alg, {}).get(field) for r in os_rounds)

    # Main table: wall-clock rates (GatewayBench: ContinuousClock; openssl: count / -seconds).
    table = ["| alg | JWS sign/s | raw sign/s | openssl sign/s | JWS sign ratio to openssl | JWS verify/s | "
             "openssl verify/s | verify ratio |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    summary = {}
    for alg in ALGS:
        s = {"jws_sign": gb(alg, "jws_sign_per_s"), "raw_sign": gb(alg, "raw_sign_per_s"),
             "jws_verify": gb(alg, "jws_verify_per_s"), "os_sign": ossl(alg, "sign"), "os_verify": ossl(alg, "verify")}
        s["sign_ratio"] = _ratio(s["jws_sign"], s["os_sign"])
        s["verify_ratio"] = _ratio(s["jws_verify"], s["os_verify"])
        s["raw_ratio_cpu"] = _median(
            _ratio(_ratio(g.get(alg, {}).get("raw_sign_per_s"), g.get(alg, {}).get("raw_sign_cpu_share")),
                   o.get(alg, {}).get("sign_cpu")) for g, o in zip(gb_rounds, os_rounds))
        # CPU-time cross-check: each rate divided by the share of wall time the process was on a CPU.
        s["sign_ratio_cpu"] = _median(
            _ratio(_ratio(g.get(alg, {}).get("jws_sign_per_s"), g.get(alg, {}).get("jws_sign_cpu_share")),
                   o.get(alg, {}).get("sign_cpu")) for g, o in zip(gb_rounds, os_rounds))
        s["verify_ratio_cpu"] = _median(
            _ratio(_ratio(g.get(alg, {}).get("jws_verify_per_s"), g.get(alg, {}).get("jws_verify_cpu_share")),
                   o.get(alg, {}).get("verify_cpu")) for g, o in zip(gb_rounds, os_rounds))
        summary[alg] = s
        table.append(f"| {alg} | {_rate(s['jws_sign'])} | {_rate(s['raw_sign'])} | {_rate(s['os_sign'])} | "
                     f"{_fmt_ratio(s['sign_ratio'])} | {_rate(s['jws_verify'])} | {_rate(s['os_verify'])} | "
                     f"{_fmt_ratio(s['verify_ratio'])} |")

    # Contention on the pinned core.
    gb_shares = [r[alg].get(f"{m}_cpu_share") for r in gb_rounds for alg in r for m in ("jws_sign", "jws_verify", "raw_sign")]
    gb_shares = [v for v in gb_shares if isinstance(v, float)]
    os_shares = [r[alg].get(f"{op}_share") for r in os_rounds for alg in r for op in ("sign", "verify")]
    os_shares = [v for v in os_shares if v is not None]
    shared = bool(gb_shares and os_shares and min(min(gb_shares), min(os_shares)) < 0.9)
    contention = []
    if gb_shares and os_shares:
        text = (f"Contention: during its measurements GatewayBench's thread was on a CPU for a median "
                f"{statistics.median(gb_shares) * 100:.0f} % of the wall time (lowest {min(gb_shares) * 100:.0f} %), "
                f"`openssl speed` for {statistics.median(os_shares) * 100:.0f} % (lowest {min(os_shares) * 100:.0f} %)")
        other = _other_cpu(env)
        if other is not None:
            text += f"; other processes used {other * 100:.0f} % of the machine's CPU during the token rounds"
        if shared:
            text += (". **The core was shared during this run**: the wall-clock rates are pessimistic and the two "
                     "programs were not disturbed alike, so the verdicts use the CPU-time ratios; re-run on a quiet "
                     "machine to confirm.")
        else:
            text += ": the pinned core was essentially free, so wall-clock and CPU-time ratios should agree."
        contention = [text, ""]

    # Verdict: on a quiet core both ratios must reach the target; on a shared core the wall-clock
    # ratio compares runs disturbed differently, so the CPU-time ratio decides.
    target_rows = ["| target (one core) | wall clock (median) | CPU time (median of rounds) | result |",
                   "|---|---:|---:|:---:|"]
    for alg in SIGN_TARGET_ALGS:
        s = summary[alg]
        wall, cpu = s["sign_ratio"], s["sign_ratio_cpu"]
        cpu_ok = cpu is not None and cpu >= MIN_SIGN_RATIO_TO_OPENSSL
        wall_ok = wall is not None and wall >= MIN_SIGN_RATIO_TO_OPENSSL
        ok = cpu_ok and (wall_ok or shared)
        wall_text = f"{_rate(s['jws_sign'])} = {wall:.3f} × {_rate(s['os_sign'])}" if wall is not None else "n/a"
        cpu_text = f"{cpu:.3f}" if cpu is not None else "n/a"
        target_rows.append(f"| {alg} JWS sign/s ≥ {MIN_SIGN_RATIO_TO_OPENSSL} × `openssl speed` sign/s | "
                           f"{wall_text} | {cpu_text} | {verdict(ok)} |")

    cpu_text = ("CPU-time ratios (each rate divided by the CPU time the process actually got: GatewayBench's thread "
                "run time from `/proc/thread-self/schedstat`, `openssl speed`'s own default figures, which divide by "
                "user CPU time; median of per-round ratios): JWS sign ratio " +
                ", ".join(f"{alg} {_fmt_ratio(summary[alg]['sign_ratio_cpu'])}" for alg in ALGS) +
                "; verify ratio " + ", ".join(f"{alg} {_fmt_ratio(summary[alg]['verify_ratio_cpu'])}" for alg in ALGS) + ".")
    raw_text = ("Raw `SigningKey.sign` (32-byte message; a copy of a prepared `EVP_MD_CTX` per call, DER → `r||s` for "
                "ES256) against `openssl speed` (one reused `EVP_PKEY_CTX` signing a 20-byte buffer, no digest for "
                "ECDSA), CPU time: " +
                ", ".join(f"{alg} {_fmt_ratio(summary[alg]['raw_ratio_cpu'])}" for alg in ALGS) +
                ". That is the binding's share of the gap; the rest, between the JWS and raw columns, is the token work "
                "(claims, JSON, base64url, and hashing an ~850-byte signing input instead of 32 bytes).")

    # Per-round table.
    per_round = ["| round | " + " | ".join(f"{alg} JWS sign / openssl sign" for alg in ALGS) + " | "
                 + " | ".join(f"{alg} JWS verify / openssl verify" for alg in ALGS) + " |",
                 "|---|" + "---:|" * (2 * len(ALGS))]
    for index, (g, o) in enumerate(zip(gb_rounds, os_rounds)):
        cells = []
        for kind, gkey, okey in (("sign", "jws_sign_per_s", "sign"), ("verify", "jws_verify_per_s", "verify")):
            for alg in ALGS:
                gv, ov = g.get(alg, {}).get(gkey), o.get(alg, {}).get(okey)
                share = g.get(alg, {}).get(gkey.replace("_per_s", "_cpu_share"))
                share_text = f" (on CPU {share * 100:.0f} % / {o[alg].get(kind + '_share', 0) * 100:.0f} %)" \
                    if isinstance(share, float) else ""
                cells.append(f"{_rate(gv)} / {_rate(ov)} = {_fmt_ratio(_ratio(gv, ov))}{share_text}")
        per_round.append(f"| {index + 1} | " + " | ".join(cells) + " |")

    breakdown_lines = _breakdown(stages, summary, gb_rounds, os_rounds)

    sample = gb_rounds[0].get("ES256", {})
    token_bytes = int(sample.get("token_bytes", 0))
    payload_bytes = int(sample.get("payload_bytes", 0))
    commands = env("BENCH_TOKEN_COMMANDS", "?|?|?").split("|") + ["?", "?", "?"]
    pin = env("BENCH_TOKEN_PIN", "?")
    rounds = env("BENCH_TOKEN_ROUNDS", str(len(gb_rounds)))
    seconds = env("BENCH_TOKEN_SECONDS", "?")
    lines = [
        "## Tokens: sign and verify per algorithm vs openssl speed",
        "",
        "- JWS sign/s: access tokens minted per second on one thread, each one what the token endpoint does per "
        "RFC 9068 access token: `ClaimAssembler.accessToken` with a fresh `jti` (16 bytes from OpenSSL's DRBG) "
        "and the current time, compact sorted-key JSON (`JSONValue.serialized`), then `JWS.sign` "
        f"(header, base64url, signature); ES256 tokens are {token_bytes} bytes with a {payload_bytes}-byte payload.",
        "- raw sign/s: `SigningKey.sign` of a 32-byte message alone, i.e. OpenSSL through our binding without any "
        "token work.",
        "- JWS verify/s: `JWS.verify` of such tokens (split, base64url-decode, parse header and payload JSON, pick "
        "the key by `kid` in a 3-key JWKS — one ES256, one RS256 and one EdDSA key — check the signature), "
        "cycling through 64 distinct tokens.",
        "- openssl sign/s, verify/s: `openssl speed` for the same curves and key size in the same run (it signs a "
        "20-byte buffer for ECDSA and EdDSA, no token), counted over the same wall-clock time as GatewayBench "
        "(operations ÷ `-seconds`; `openssl speed`'s own table divides by user CPU time instead, which is the "
        "CPU-time ratio below).",
        f"- Commands, {rounds} rounds run alternately, both pinned with `{pin}`: `{commands[0]}` then "
        f"`{commands[1]}`; medians shown. GatewayBench warms up 0.3 s before each {seconds} s measurement and "
        "reads a monotonic clock (`ContinuousClock`). Versions: "
        f"{env('BENCH_OPENSSL', '?')}; {env('BENCH_SWIFT', '?')}.",
        "",
        *table,
        "",
        f"Targets (issue): our JSON and base64url must not cost more than the curve — JWS signing at least "
        f"{MIN_SIGN_RATIO_TO_OPENSSL} × `openssl speed`'s raw signing rate for ES256 and EdDSA. A target passes when "
        "the CPU-time ratio reaches it and, unless the core was shared, the wall-clock ratio too.",
        "",
        *contention,
        *target_rows,
        "",
        cpu_text,
        "",
        raw_text,
        "",
        *breakdown_lines,
        "Per-round figures (wall-clock rates; in brackets the share of the wall time GatewayBench / openssl was on "
        "a CPU):",
        "",
        *per_round,
        "",
    ]
    console = table + [""] + target_rows + [""] + [c.replace("**", "") for c in contention]
    return lines, console


def _breakdown(stages, summary, gb_rounds, os_rounds):
    """The per-step table, in CPU microseconds (wall time × the share of it the thread was on a
    CPU), so that a busy machine inflates no step; measured and openssl figures likewise."""
    if not stages:
        return []
    by = {(s.get("name"), s.get("alg")): s for s in stages}

    def us(name, alg="-"):
        stage = by.get((name, alg))
        if not stage:
            return None
        share = stage.get("cpu_share")
        return stage["us"] * share if isinstance(share, float) else stage["us"]

    def cpu_us(alg, field):  # GatewayBench rounds: CPU µs per operation, median
        return _median(1e6 * r[alg][f"{field}_cpu_share"] / r[alg][f"{field}_per_s"]
                       for r in gb_rounds if alg in r and isinstance(r[alg].get(f"{field}_cpu_share"), float)
                       and r[alg].get(f"{field}_per_s"))

    def openssl_us(alg, op):  # openssl speed's own table: per user-CPU second
        return _median(1e6 / r[alg][f"{op}_cpu"] for r in os_rounds if r.get(alg, {}).get(f"{op}_cpu"))

    def cell(value):
        return f"{value:.1f}" if value is not None else "n/a"

    algs = [alg for alg in SIGN_TARGET_ALGS if ("sign_input", alg) in by]
    if not algs:
        return []
    input_bytes = int(by[("sign_input", algs[0])].get("input_bytes", 0))
    claims, jti, serialize, b64 = us("claims"), us("jti"), us("serialize"), us("base64url_assembly")
    header = "| step, CPU µs per token (one core) | " + " | ".join(algs) + " |"
    rule = "|---|" + "---:|" * len(algs)
    sign_rows = [header, rule]

    def row(rows, label, values):
        rows.append(f"| {label} | " + " | ".join(cell(v) for v in values) + " |")

    row(sign_rows, f"claims: `ClaimAssembler.accessToken` + clock + fresh `jti` (of which {cell(jti)} µs for 16 DRBG "
        "bytes as hex)", [claims] * len(algs))
    row(sign_rows, "JSON: `JSONValue.object(claims).serialized` + copy to `[UInt8]`", [serialize] * len(algs))
    row(sign_rows, "base64url of header, payload and signature + string joins and copies", [b64] * len(algs))
    row(sign_rows, f"signature over the {input_bytes}-byte signing input (`SigningKey.sign`)",
        [us("sign_input", a) for a in algs])
    overhead = sum(v for v in (claims, serialize, b64) if v is not None)
    row(sign_rows, "**sum of the steps**", [overhead + (us("sign_input", a) or 0) for a in algs])
    row(sign_rows, "measured JWS sign (median of the rounds above)", [cpu_us(a, "jws_sign") for a in algs])
    row(sign_rows, "measured raw sign, 32-byte message (median of the rounds above)", [cpu_us(a, "raw_sign") for a in algs])
    openssl = [openssl_us(a, "sign") for a in algs]
    row(sign_rows, "`openssl speed` sign (median of the rounds above)", openssl)
    budget = [o / MIN_SIGN_RATIO_TO_OPENSSL if o else None for o in openssl]
    row(sign_rows, f"budget for the target: `openssl speed` ÷ {MIN_SIGN_RATIO_TO_OPENSSL}", budget)

    verify_rows = [header.replace("per token", "per verification"), rule]
    split, parse = us("split_decode"), us("parse_json")
    row(verify_rows, "split + base64url-decode of the three parts (with their `String` round trips)", [split] * len(algs))
    row(verify_rows, "JSON parse of header and payload (`StrictJSONParser` → `JSONValue`)", [parse] * len(algs))
    row(verify_rows, "signature check over the signing input (`VerificationKey.verify`)", [us("verify_input", a) for a in algs])
    row(verify_rows, "**sum of the steps**",
        [sum(v for v in (split, parse, us("verify_input", a)) if v is not None) for a in algs])
    row(verify_rows, "measured JWS verify (median of the rounds above)", [cpu_us(a, "jws_verify") for a in algs])
    row(verify_rows, "`openssl speed` verify (median of the rounds above)", [openssl_us(a, "verify") for a in algs])

    shares = [s.get("cpu_share") for s in stages if isinstance(s.get("cpu_share"), float)]
    share_text = (f"; GatewayBench was on a CPU for {min(shares) * 100:.0f}–{max(shares) * 100:.0f} % of each step's "
                  "wall time") if shares else ""
    lines = [
        "### Where the time of one token goes",
        "",
        "Each step of the two paths above timed on its own by `GatewayBench tokens --breakdown` "
        f"(one run after the rounds, not interleaved{share_text}; code in `Sources/GatewayBench/Breakdown.swift`), "
        "in CPU microseconds (wall time × the share of it the thread was on a CPU) so that other load inflates "
        "no row. The steps add up to about the measured JWS figure.",
        "",
        *sign_rows,
        "",
        *verify_rows,
        "",
    ]
    missing = [a for a in algs if (summary[a]["sign_ratio_cpu"] or 0) < MIN_SIGN_RATIO_TO_OPENSSL]
    if missing:
        parts = []
        for index, alg in enumerate(algs):
            if alg not in missing or budget[index] is None:
                continue
            curve = us("sign_input", alg) or 0
            parts.append(f"{alg}: {overhead:.1f} µs of token work around the signature, against "
                         f"{max(0.0, budget[index] - curve):.1f} µs left in the budget after the signature over the "
                         f"real signing input ({curve:.1f} µs)")
        lines += [
            "**Why the signing target is missed:** " + "; ".join(parts) + ". The token work (claims dictionary, "
            "sorted compact JSON, base64url, the `jti` from the DRBG) is already written into one byte buffer per "
            "token; what remains is mostly the signature itself over a real signing input: `openssl speed` signs a "
            "20-byte buffer with a reused context, while a token's signature hashes the whole header and payload "
            "and copies a prepared digest context per call. Signing the real "
            f"{input_bytes}-byte input instead of 32 bytes cost " +
            ", ".join(f"{a} {(us('sign_input', a) or 0) - (cpu_us(a, 'raw_sign') or 0):+.1f} µs" for a in algs) +
            " in this run (signature row minus raw sign row; the two come from different runs, so small "
            "differences are noise).",
            "",
        ]
    return lines
