# Sourced by bench/run.sh once Redis runs and the signing keys exist (uses its $root, $tmp,
# $bin, $bench_bin, $cores, $redis_port, $pids, free_port, wait_http, alive, cpu_snapshot,
# other_cpu). OpenID Connect endpoints under load, on a default-config gateway of its own
# (Redis database 2, its own SQLite file and client secrets), about 6 minutes:
#   0. 4 demo patrons registered through the real forms, with consent given
#      (bench/oidc_setup.py), by a setup gateway that is stopped again; then the measured gateway;
#   1. 100,000 SSO sessions and 100,000 refresh-token families written into Redis through
#      the gateway's own stores (`GatewayBench populate`), live during everything below;
#   2. peak rates, $oidc_rounds interleaved rounds of wrk (bench/oidc.lua) for refresh-token
#      grants, introspection and userinfo, and `GatewayBench exchanges` for
#      authorize + code exchange pairs; token pools are issued through real code flows;
#   3. open-loop latency at half of each peak (`GatewayBench rate`, p50/p99 from the
#      scheduled send time), $oidc_rounds interleaved rounds, each after a 2 s CPU steadiness probe;
#   4. complete login flows at 4 clients (bench/oidc_login_load.py), against the machine's Argon2
#      limit (`argon2` CLI as in bench/logins.sh, 5 runs just before and 5 just after the flows).
# Before every measured run it waits for a quiet machine (other processes < 5 % of the CPU,
# polled every 30 s, at most BENCH_QUIET_MAX_WAIT s in all, default 1200). Redis round trips
# per request come from /metrics before and after each run. Leaves the raw figures in
# $oidc_dir for bench/summarize_oidc.py, stops its gateway and exports the BENCH_OIDC_* texts.

oidc_dir="$tmp/oidc"
mkdir -p "$oidc_dir"
oidc_rounds="${BENCH_OIDC_ROUNDS:-3}"
oidc_seconds="${BENCH_OIDC_SECONDS:-10}"
oidc_rate_seconds="${BENCH_OIDC_RATE_SECONDS:-10}"
oidc_flow_seconds="${BENCH_OIDC_FLOW_SECONDS:-15}"
oidc_population="${BENCH_OIDC_POPULATION:-100000}"
oidc_quiet_limit="${BENCH_QUIET_MAX_WAIT:-1200}"
oidc_connections=64
oidc_exchange_threads=16
oidc_rate_connections=32
oidc_pool=1000        # access tokens for introspection / userinfo (fits the verified-token cache of 4,096)
oidc_refresh_pool=256 # refresh tokens per run: 4 per wrk connection, every one a fresh code flow
oidc_wrk="wrk -t2 -c$oidc_connections --latency -s bench/oidc.lua"
command -v argon2 >/dev/null 2>&1 || { echo "bench: 'argon2' not found (run: scripts/install-deps.sh bench)" >&2; exit 1; }

source "$root/bench/oidc_lib.sh"

# ---------------------------------------------------------------- 0. stores, patrons, gateway
oidc_argon2_command="echo -n password | argon2 somesalt16bytes! -id -t 2 -k 19456 -p 1"
: >"$oidc_dir/argon2-default.txt"

free_port
oidc_port=$port
oidc_base="http://127.0.0.1:$oidc_port"
oidc_redis_url="redis://127.0.0.1:$redis_port/2"
"$bin" policy import Policies --secrets-dir "$oidc_dir/secrets" --sqlite-path "$tmp/oidc.sqlite3" --keys-dir "$tmp/keys" \
  >"$oidc_dir/import.log" 2>&1 || { echo "bench: policy import failed:" >&2; cat "$oidc_dir/import.log" >&2; exit 1; }
oidc_pepper="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
oidc_secret_file="$oidc_dir/secrets/reading-tipper.secret"
oidc_basic="$(printf 'reading-tipper:%s' "$(cat "$oidc_secret_file")" | base64 -w0)"

# Four demo members of libraries that subscribe to e-books, with consent for e-books and
# reading-tipper, made by a setup gateway on the same stores: their Argon2id hashes (19 MiB
# each, which glibc may keep in the heap afterwards) are not in the measured process's RSS.
oidc_start_gateway gateway-oidc-setup
timeout 120 python3 bench/oidc_setup.py "$oidc_base" "$oidc_dir/setup.json" \
  bibliotheek-noord:20001000000001:1234 bibliotheek-zuid:20002000000001:4321 \
  bibliotheek-noord:20001000000002:2468 bibliotheek-zuid:20002000000002:8642 \
  || { echo "bench: oidc_setup.py failed:" >&2; tail -n 20 "$tmp/gateway-oidc-setup.err" >&2; exit 1; }
oidc_session="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["session"])' "$oidc_dir/setup.json")"
oidc_stop_gateway gateway-oidc-setup
oidc_start_gateway gateway-oidc
oidc_rss_start_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$oidc_pid/status")"

# ---------------------------------------------------------------- 1. live sessions and families
oidc_populate_command="GatewayBench populate --redis-url redis://127.0.0.1:PORT/2 --sessions $oidc_population --families $oidc_population --threads 4"
echo "bench: oidc: $oidc_populate_command"
run_waited 300 "$oidc_dir/populate.txt" "$bench_bin" populate --redis-url "$oidc_redis_url" \
  --sessions "$oidc_population" --families "$oidc_population" --threads 4
grep '^RESULT ' "$oidc_dir/populate.txt"
oidc_key_counts >"$oidc_dir/keys.txt"
echo "bench: oidc: Redis holds $(cat "$oidc_dir/keys.txt")"
oidc_rss_populated_kb="$(awk '/^VmRSS:/ { print $2 }' "/proc/$oidc_pid/status")"

# ---------------------------------------------------------------- 2. peak rates
oidc_targets=(refresh introspect userinfo exchanges)
echo "bench: oidc: warm-up (2 s per target), then $oidc_rounds rounds of: $oidc_wrk -d${oidc_seconds}s URL -- MODE POOL 2 [BASIC] (refresh, introspect, userinfo); GatewayBench exchanges --threads $oidc_exchange_threads --seconds $oidc_seconds"
oidc_pools # the first reading-tipper token request checks its secret with Argon2id (once per process)
oidc_hwm_setup_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$oidc_pid/status")"
oidc_hwm_reset=1 # VmHWM := VmRSS: from here on it is the peak under the loads below
echo 5 2>/dev/null >"/proc/$oidc_pid/clear_refs" || { oidc_hwm_reset=0; echo "bench: oidc: cannot reset VmHWM (clear_refs)" >&2; }
for target in "${oidc_targets[@]}"; do oidc_peak "$target" 2; done
: >"$oidc_dir/peak.txt"
for round in $(seq 1 "$oidc_rounds"); do
  oidc_pools
  for target in "${oidc_targets[@]}"; do
    oidc_wait_quiet "$target, round $round"
    oidc_peak "$target" "$oidc_seconds"
    line="$(cat "$oidc_dir/line.txt")"
    echo "round $round $target $line"
    echo "$target $round $line" >>"$oidc_dir/peak.txt"
  done
done

# ---------------------------------------------------------------- 3. latency at half the peak
# $oidc_rounds interleaved rounds; before each run a 2 s probe of how steady the CPU is (a busy
# VM host slows every process in stretches of tens of ms, which shows as latency tails).
: >"$oidc_dir/rate.txt"
for round in $(seq 1 "$oidc_rounds"); do
  oidc_pools
  for kind in refresh introspect userinfo; do
    rate="$(oidc_half_peak "$kind")"
    oidc_wait_quiet "$kind at $rate/s, round $round"
    run_waited 30 "$oidc_dir/steadiness.out" "$bench_bin" steadiness --seconds 2
    oidc_fixed_rate "$kind" "$rate"
    line="$(cat "$oidc_dir/line.txt") $(grep '^RESULT ' "$oidc_dir/steadiness.out" | sed 's/^RESULT /steady_/; s/ / steady_/g')"
    echo "bench: oidc: round $round fixed rate: $line"
    echo "$kind $round $line" >>"$oidc_dir/rate.txt"
  done
done
oidc_hwm_tokens_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$oidc_pid/status")"

# ---------------------------------------------------------------- 4. complete login flows
oidc_flow_command="bench/oidc_login_load.py run URL SETUP OUT --clients 4 --seconds $oidc_flow_seconds --warmup 2 --backoff 0.05"
echo "bench: oidc: $oidc_flow_command"
oidc_wait_quiet "the login flows"
oidc_argon2_runs 5 # the Argon2 limit just before and just after the flows, as the box's speed drifts
snap="$(cpu_snapshot)"
ticks_before="$(oidc_ticks "$oidc_pid")"
run_waited 120 "$oidc_dir/flows.out" python3 bench/oidc_login_load.py run "$oidc_base" "$oidc_dir/setup.json" \
  "$oidc_dir/flows.json" --clients 4 --seconds "$oidc_flow_seconds" --warmup 2 --backoff 0.05
echo "other_cpu=$(other_cpu "$snap" "$(cpu_snapshot)") $(oidc_cpu_fields "$ticks_before" "$(oidc_ticks "$oidc_pid")" 1)" >"$oidc_dir/flows.cpu"
grep '^RESULT ' "$oidc_dir/flows.out"
oidc_argon2_runs 5
if [ -n "${logins_dir:-}" ] && [ -s "$logins_dir/argon2-default.txt" ]; then # the Logins section's figure, when it ran
  cp "$logins_dir/argon2-default.txt" "$oidc_dir/argon2-logins.txt"
fi

# ---------------------------------------------------------------- stop the gateway
oidc_hwm_all_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$oidc_pid/status")"
echo "hwm_reset=$oidc_hwm_reset setup_hwm_kb=$oidc_hwm_setup_kb start_kb=$oidc_rss_start_kb populated_kb=$oidc_rss_populated_kb hwm_tokens_kb=$oidc_hwm_tokens_kb hwm_all_kb=$oidc_hwm_all_kb metrics_max_bytes=$oidc_rss_metrics_max" >"$oidc_dir/rss.txt"
oidc_stop_gateway gateway-oidc
redis-cli -h 127.0.0.1 -p "$redis_port" -n 2 flushdb >/dev/null || true

export BENCH_OIDC_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" BENCH_OIDC_CORES="$cores"
export BENCH_OIDC_CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" BENCH_OIDC_KERNEL="$(uname -r)"
export BENCH_OIDC_ROUNDS="$oidc_rounds" BENCH_OIDC_SECONDS="$oidc_seconds" BENCH_OIDC_RATE_SECONDS="$oidc_rate_seconds"
export BENCH_OIDC_WRK="$oidc_wrk" BENCH_OIDC_EXCHANGE_THREADS="$oidc_exchange_threads" BENCH_OIDC_RATE_CONNECTIONS="$oidc_rate_connections"
export BENCH_OIDC_POOL="$oidc_pool" BENCH_OIDC_REFRESH_POOL="$oidc_refresh_pool" BENCH_OIDC_POPULATE_COMMAND="$oidc_populate_command"
export BENCH_OIDC_FLOW_COMMAND="$oidc_flow_command" BENCH_OIDC_ARGON2_COMMAND="$oidc_argon2_command"
export BENCH_OIDC_QUIET_WAITED="$oidc_waited" BENCH_OIDC_QUIET_LIMIT="$oidc_quiet_limit" BENCH_OIDC_BUSY_RUNS="$oidc_busy_runs"
oidc_commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -n "$(git status --porcelain -- Sources Package.swift Package.resolved 2>/dev/null)" ] && oidc_commit+=" + uncommitted changes in Sources/"
[ "${BENCH_NO_BUILD:-}" = 1 ] && oidc_commit+=" (binary not rebuilt: BENCH_NO_BUILD=1)"
export BENCH_OIDC_GATEWAY="$("$bin" version 2>&1 | head -n 1), commit $oidc_commit"
export BENCH_OIDC_VERSIONS="$(wrk -v 2>&1 | head -n 1 || true); $(redis-server --version | awk '{ print "Redis", $3 }'); $(dpkg-query -W -f='argon2 CLI ${Version}' argon2 2>/dev/null || echo 'argon2 CLI ?'); $(swift --version 2>&1 | grep -m 1 'Swift version' || true)"
