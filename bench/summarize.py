#!/usr/bin/env python3
"""Turns bench/run.sh's raw wrk figures into BENCHMARKS.md and a table on stdout.

Usage: summarize.py RESULTS RSS OUTPUT [TOKENS_DIR]
  RESULTS: lines "<target> <round> rps=.. p50_us=.. p99_us=.. errors=.. ..."
  RSS:     lines "<target> <VmHWM in kB>"
  TOKENS_DIR: raw GatewayBench / openssl speed outputs from bench/tokens.sh
The JWKS and token sections come from bench/summarize_extra.py.
Machine and version details come from BENCH_* environment variables.
"""
import os
import statistics
import sys

import summarize_extra

TARGETS = [
    ("nginx", "nginx, static file (reference)"),
    ("gateway-default", "gateway, default config"),
    ("gateway-2-threads", "gateway, `--threads {cores}`"),
    ("gateway-no-log", "gateway, `--log-requests false`"),
]
FIGURES = ("rps", "p50_us", "p99_us", "errors")

# The targets for the default-config gateway.
MIN_RATIO_TO_NGINX = 0.8
MAX_P99_MS = 10.0
MAX_RSS_MB = 50.0


def read_results(path):
    rounds = {}
    for line in open(path):
        parts = line.split()
        if not parts:
            continue
        fields = dict(part.split("=", 1) for part in parts[2:])
        rounds.setdefault(parts[0], []).append({k: float(v) for k, v in fields.items()})
    return rounds


def read_rss(path):
    rss = {}
    for line in open(path):
        name, kib = line.split()
        rss[name] = int(kib) * 1024 / 1e6  # /proc's "kB" are KiB; report decimal MB
    return rss


def other_cpu_share():
    """Share of the machine's CPU that processes not started by the benchmark used during
    the measured rounds: busy ticks from /proc/stat (user + nice + system + irq + softirq)
    minus the benchmark's own utime + stime (a process's measured run time, which includes
    the softirq work done while it ran), over all ticks. Returns (share, steal share) or None."""
    try:
        before = [int(x) for x in os.environ["BENCH_CPU_BEFORE"].split()]
        after = [int(x) for x in os.environ["BENCH_CPU_AFTER"].split()]
    except (KeyError, ValueError):
        return None
    d = [a - b for a, b in zip(after, before)]
    if len(d) != 9:
        return None
    user, nice, system, idle, iowait, irq, softirq, steal, ours = d
    total = user + nice + system + idle + iowait + irq + softirq + steal
    if total <= 0:
        return None
    return max(0, user + nice + system + irq + softirq - ours) / total, steal / total


def ms(microseconds):
    return f"{microseconds / 1000:.2f} ms"


def main():
    results_path, rss_path, output_path = sys.argv[1:4]
    tokens_dir = sys.argv[4] if len(sys.argv) > 4 else None
    env = os.environ.get
    cores = env("BENCH_CORES", "?")
    rounds = read_results(results_path)
    rss = read_rss(rss_path)
    median = {name: {f: statistics.median(r[f] for r in runs) for f in FIGURES} for name, runs in rounds.items()}
    nginx_rps = median["nginx"]["rps"]

    def label(name):
        return dict(TARGETS)[name].format(cores=cores)

    def ratio(name):
        return median[name]["rps"] / nginx_rps if nginx_rps else 0.0

    header = "| target | req/s | p50 | p99 | peak RSS | ratio to nginx req/s | wrk errors |"
    rule = "|---|---:|---:|---:|---:|---:|---:|"
    rows = [header, rule]
    for name, _ in TARGETS:
        m = median[name]
        rss_note = " (master + workers)" if name == "nginx" else ""
        rows.append(f"| {label(name)} | {m['rps']:,.0f} | {ms(m['p50_us'])} | {ms(m['p99_us'])} | "
                    f"{rss[name]:.1f} MB{rss_note} | {ratio(name):.2f} | {m['errors']:.0f} |")

    raw = ["| target | " + " | ".join(f"round {i + 1}" for i in range(len(rounds["nginx"]))) + " | spread (max/min) |",
           "|---|" + "---:|" * len(rounds["nginx"]) + "---:|"]
    for name, _ in TARGETS:
        values = [r["rps"] for r in rounds[name]]
        cells = " | ".join(f"{v:,.0f} req/s, p99 {ms(r['p99_us'])}"
                           + (f", others {r['other_cpu'] * 100:.0f} %" if "other_cpu" in r else "")
                           for v, r in zip(values, rounds[name]))
        raw.append(f"| {label(name)} | {cells} | {max(values) / min(values):.2f} |")

    gateway = median["gateway-default"]
    checks = [
        (f"req/s ≥ {MIN_RATIO_TO_NGINX} × nginx at 64 keep-alive connections",
         f"{gateway['rps']:,.0f} = {ratio('gateway-default'):.2f} × {nginx_rps:,.0f}",
         ratio("gateway-default") >= MIN_RATIO_TO_NGINX),
        (f"p99 < {MAX_P99_MS:.0f} ms", ms(gateway["p99_us"]), gateway["p99_us"] / 1000 < MAX_P99_MS),
        (f"peak RSS < {MAX_RSS_MB:.0f} MB", f"{rss['gateway-default']:.1f} MB", rss["gateway-default"] < MAX_RSS_MB),
    ]
    target_rows = ["| target (gateway, default config) | measured (median) | result |", "|---|---:|:---:|"]
    target_rows += [f"| {what} | {value} | {'PASS' if ok else 'FAIL'} |" for what, value, ok in checks]
    all_errors = sum(r["errors"] for runs in rounds.values() for r in runs)

    # Threading paragraph: what this run shows, default (2 x cores) vs cores-only.
    default_runs = [r["rps"] for r in rounds["gateway-default"]]
    two_runs = [r["rps"] for r in rounds["gateway-2-threads"]]
    two = median["gateway-2-threads"]
    if gateway["rps"] >= two["rps"]:
        faster, gain = "the default (2 x cores)", gateway["rps"] / two["rps"] - 1
    else:
        faster, gain = f"`--threads {cores}`", two["rps"] / gateway["rps"] - 1

    def overlaps(a, b):
        return min(max(a), max(b)) >= max(min(a), min(b))

    noise = ("The two rows' per-round req/s ranges overlap, so this run does not separate them "
             "beyond the machine's noise." if overlaps(default_runs, two_runs) else
             "The two rows' per-round req/s ranges do not overlap: the faster setting was ahead in every round.")
    p99_text = ("lower" if gateway["p99_us"] < two["p99_us"] else "higher" if gateway["p99_us"] > two["p99_us"] else "equal")
    no_log = median["gateway-no-log"]
    log_change = no_log["rps"] / gateway["rps"] - 1 if gateway["rps"] else 0.0
    log_noise = (" (within noise: the per-round ranges overlap)"
                 if overlaps([r["rps"] for r in rounds["gateway-no-log"]], default_runs) else "")
    log_text = (f"Turning the access log off changed req/s by {log_change * 100:+.0f} %{log_noise}: "
                f"{no_log['rps']:,.0f} vs {gateway['rps']:,.0f} with the log on.")
    threading = (
        "**Threading model.** The gateway serves HTTP with GNU libmicrohttpd: one single-threaded "
        "daemon per worker (`MHD_USE_EPOLL_INTERNAL_THREAD`), each with its own epoll loop and its own "
        "`SO_REUSEPORT` listening socket, so the kernel spreads connections over the workers; handlers "
        "run synchronously, so idle keep-alive connections cost no thread. "
        f"The default is 2 x cores workers ({2 * int(cores) if cores.isdigit() else '?'} here), so that a handler "
        "waiting on Redis or SQLite stalls only its own share of the connections; the `--threads "
        f"{cores}` row shows what one thread per core gives. In this run {faster} was faster: "
        f"{max(gateway['rps'], two['rps']):,.0f} vs {min(gateway['rps'], two['rps']):,.0f} req/s "
        f"(+{gain * 100:.0f} %); the default's median p99 was {p99_text} ({ms(gateway['p99_us'])} vs "
        f"{ms(two['p99_us'])}). {noise} /healthz does no I/O, so it cannot show the benefit of extra "
        "threads when handlers block; that needs a Redis- or SQLite-bound route. "
        f"{log_text}")

    lines = [
        "# Benchmarks",
        "",
        "Reproduce with `make bench` (installs wrk and nginx if missing, builds the release binary, "
        "runs every benchmark and rewrites this file; about 12 minutes on a quiet machine). Everything runs on "
        "127.0.0.1 on private ports: a private Redis, the gateway processes and nginx are started "
        "and stopped by `bench/run.sh`. Each benchmark has its own section below; add new ones to "
        "`bench/run.sh` so that this file stays generated.",
        "",
        "Figures are medians of interleaved rounds: this shared 2-core machine is noisy "
        "(±25 % between runs), so compare ratios measured in the same run rather than absolute "
        "figures across runs.",
        "",
        "## HTTP: /healthz vs nginx",
        "",
        f"- Date: {env('BENCH_DATE', '?')}",
        f"- Machine: {cores} cores ({env('BENCH_CPU', '?')}), kernel {env('BENCH_KERNEL', '?')}",
        f"- Versions: {env('BENCH_WRK', '?')}; {env('BENCH_NGINX', '?')}; {env('BENCH_SWIFT', '?')}; "
        f"{env('BENCH_GATEWAY', '?')}",
        f"- Command: `{env('BENCH_WRK_COMMAND', '?')}` against each target, "
        f"{env('BENCH_ROUNDS', '?')} rounds interleaved (nginx, gateway default, `--threads {cores}`, "
        f"`--log-requests false`, then the JWKS section's nginx static JWKS and gateway `/jwks.json`, repeat) after a {env('BENCH_WARMUP', '?')} warm-up run per target; "
        "the table shows the median of each figure. The wrk client shares the 2 cores with the server.",
        f"- nginx: Debian's nginx, `worker_processes {cores}`, `access_log off`, "
        "`keepalive_requests 1000000`, a static file `healthz` containing `{\"status\":\"ok\"}` with "
        "`default_type application/json`: the practical ceiling of an HTTP server on this machine.",
        "- Gateway: release build, default settings except ports and paths (Redis, SQLite and signing keys "
        "private to the run); the default writes one JSON access-log line per request to stdout "
        "(sent to /dev/null here), as in production.",
        "- Peak RSS: `VmHWM` from `/proc/PID/status` after all rounds (MB = 10^6 bytes).",
        "",
        *rows,
        "",
        "Targets (issue): the default-config gateway against nginx in the same run.",
        "",
        *target_rows,
        "",
    ]
    contention_text = ""
    contention = other_cpu_share()
    if contention is not None:
        share, steal = contention
        text = (f"Other processes on the machine (other engineers' builds and tests, kernel threads) used "
                f"{share * 100:.0f} % of its CPU during the measured rounds (/proc/stat busy ticks minus the CPU "
                "time of the benchmark's own processes)")
        if share >= 0.05 or steal >= 0.05:
            text += (f" and the hypervisor stole {steal * 100:.0f} %. **The box was shared during this run**: every target competed with that work for the "
                     "cores, so the absolute figures are pessimistic and the ratios less reliable; re-run on a "
                     "quiet machine before reading the PASS/FAIL as a verdict.")
        else:
            text += (": quiet by that measure (contention from outside this VM is visible only as steal"
                     f", {steal * 100:.0f} % here).")
        contention_text = text
    nginx_p99_ms = median["nginx"]["p99_us"] / 1000
    if nginx_p99_ms >= MAX_P99_MS:
        contention_text += (f"{' ' if contention_text else ''}nginx's own median p99 was {nginx_p99_ms:.1f} ms, above "
                            f"the gateway's {MAX_P99_MS:.0f} ms target (wrk and the server share the cores), so this "
                            "run cannot tell whether the gateway meets the p99 target.")
    if contention_text:
        lines += [contention_text, ""]
    if all_errors:
        lines += [f"**Note:** wrk reported {all_errors:.0f} errors across all runs (see the errors column); "
                  "figures from runs with errors are suspect.", ""]
    lines += [
        threading,
        "",
        "Per-round figures (req/s, p99, and the share of the machine's CPU that other processes used "
        "during that run, measured as above):",
        "",
        *raw,
        "",
    ]
    jwks_lines, jwks_console = summarize_extra.jwks_section(rounds, env)
    token_lines, token_console = summarize_extra.tokens_section(tokens_dir, env)
    lines += jwks_lines + token_lines
    with open(output_path, "w") as out:
        out.write("\n".join(lines))

    print()
    print("\n".join(rows))
    print()
    print("\n".join(target_rows))
    print()
    print("\n".join(raw))
    if contention_text:
        print()
        print(contention_text.replace("**", ""))
    for console in (jwks_console, token_console):
        if console:
            print()
            print("\n".join(console))
    print(f"\nwrote {output_path}")


if __name__ == "__main__":
    main()
