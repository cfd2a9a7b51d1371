#!/usr/bin/env python3
"""The "OpenID Connect" section of BENCHMARKS.md from the raw figures bench/oidc.sh leaves.

Usage: summarize_oidc.py OIDC_DIR OUTPUT
  OIDC_DIR: argon2-default.txt, populate.txt, keys.txt, peak.txt ("<target> <round> k=v ..."),
  rate.txt ("<kind> k=v ..."), flows.json + flows.cpu, rss.txt.
  OUTPUT: the section replaces an existing "## OpenID Connect:" section (up to the next "## "
  heading) or is appended; a missing file is created with the section alone.
Details of the run come from BENCH_OIDC_* environment variables. Tables: summarize_oidc_tables.py.
"""
import json
import os
import statistics
import sys

import summarize_oidc_tables as tables
from report_text import parse_fields, read_fields, replace_section

HEADING = "## OpenID Connect: token endpoints, code flows and logins under load"
PREFIX = "## OpenID Connect:"


def read_peaks(path):
    rounds = {}
    for line in open(path):
        parts = line.split()
        if len(parts) > 2:
            rounds.setdefault(parts[0], []).append(parse_fields(parts[2:]))
    return rounds


def medians(rounds):
    """{target: {figure: median over its rounds}} for the numeric figures."""
    return {target: {key: statistics.median(r[key] for r in runs if isinstance(r.get(key), float))
                     for key in runs[0] if isinstance(runs[0][key], float)}
            for target, runs in rounds.items()}


def load(directory, env):
    path = lambda name: os.path.join(directory, name)
    cores = int(env("BENCH_OIDC_CORES", str(os.cpu_count() or 1)))
    argon2 = [float(line) for line in open(path("argon2-default.txt")) if line.strip()]
    data = {
        "cores": cores,
        "hash_s": statistics.median(argon2),
        "hash_range": (min(argon2), max(argon2)),
        "peaks": read_peaks(path("peak.txt")),
        "rate_rounds": read_peaks(path("rate.txt")),
        "flows": json.load(open(path("flows.json"))),
        "flows_cpu": read_fields(path("flows.cpu")),
        "populate": read_fields(path("populate.txt")),
        "keys": read_fields(path("keys.txt")),
        "rss": read_fields(path("rss.txt")),
    }
    data["limit"] = cores / data["hash_s"]
    if os.path.exists(path("argon2-logins.txt")):
        logins = [float(line) for line in open(path("argon2-logins.txt")) if line.strip()]
        data["logins_hash_s"] = statistics.median(logins) if logins else None
    data["median"] = medians(data["peaks"])
    data["rates"] = medians(data["rate_rounds"])
    return data


def main():
    directory, output = sys.argv[1:3]
    env = os.environ.get
    data = load(directory, env)
    lines, console = tables.section(HEADING, data, env)
    replace_section(output, lines, PREFIX)
    print()
    print("\n".join(console))
    print(f"\nwrote the OpenID Connect section of {output}")


if __name__ == "__main__":
    main()
