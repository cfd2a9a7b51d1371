#!/usr/bin/env bash
# Benchmarks behind BENCHMARKS.md, in one run (about 12 minutes on a quiet machine):
#   1. HTTP: the gateway's /healthz and /jwks.json against nginx serving a tiny static file
#      and a static copy of the same JWKS, with wrk (all targets in the same interleaved rounds).
#   2. Tokens: `GatewayBench tokens` (one thread: JWS sign/s, verify/s and raw sign/s per
#      algorithm) against `openssl speed` for the same algorithms, both pinned to one core and
#      run alternately; then a per-step breakdown of one token.
#   3. Logins (bench/logins.sh, run first, about 75 s): Argon2id logins/s against the machine's
#      Argon2 limit (`argon2` CLI), and /jwks.json and /healthz latency during a login storm.
#   4. OpenID Connect (bench/oidc.sh, run second, about 6 minutes on a quiet machine): refresh
#      grants/s, introspections/s, userinfo/s and code exchanges/s at their peak, p50/p99 at half
#      that rate (open loop), complete login flows/s, RSS with 100,000 live sessions and refresh
#      families, and Redis round trips per request. It waits for a quiet machine before each run.
# Usage (from anywhere): bench/run.sh        (`make bench` installs wrk/nginx first)
#   BENCH_SCRATCH=DIR   build into DIR instead of .build (avoids fighting over .build's lock)
#   BENCH_NO_BUILD=1    skip the build and measure the binaries already there
#   BENCH_DURATION=10s  length of each measured wrk run (BENCH_ROUNDS=3 rounds)
#   BENCH_TOKEN_ROUNDS=2  GatewayBench/openssl alternations (BENCH_TOKEN_SECONDS=2 per GatewayBench
#                         measurement; openssl speed always runs -seconds 3)
#   BENCH_OUTPUT=FILE   write the report there instead of BENCHMARKS.md
#   BENCH_ONLY=logins   run only the logins section and replace just that section of the report
#   BENCH_ONLY=oidc     run only the OpenID Connect section and replace just that section
#   BENCH_QUIET_MAX_WAIT=1200  seconds the OpenID Connect section may wait, in all, for other
#                       processes to leave the CPU before it measures anyway (and says so)
#   BENCH_OIDC_ROUNDS=3 BENCH_OIDC_SECONDS=10 BENCH_OIDC_RATE_SECONDS=10 BENCH_OIDC_FLOW_SECONDS=15
#   BENCH_OIDC_POPULATION=100000  smaller values make a quick OpenID Connect trial run
#   BENCH_OIDC_PROFILE=DIR  `perf record` the gateway during each OIDC peak run (costs CPU: a diagnosis, not figures)
# Writes BENCHMARKS.md at the repo root and prints the table. Everything it starts
# (Redis, three gateways, nginx) listens on 127.0.0.1 only and is stopped on exit.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"

duration="${BENCH_DURATION:-10s}"
rounds="${BENCH_ROUNDS:-3}"
connections=64
wrk_threads=2
warmup=2s
nginx_bin=/usr/sbin/nginx
cores="$(nproc)"

bench_only="${BENCH_ONLY:-}"
case "$bench_only" in "" | all | logins | oidc) ;; *) echo "bench: BENCH_ONLY must be 'logins' or 'oidc' (or unset: everything)" >&2; exit 2 ;; esac

token_rounds="${BENCH_TOKEN_ROUNDS:-2}"
token_seconds="${BENCH_TOKEN_SECONDS:-2}" # 9 measurements per GatewayBench run: keeps make bench near 5 min

for tool in wrk redis-server redis-cli curl python3 "$nginx_bin"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: '$tool' not found (run: scripts/install-deps.sh bench)" >&2; exit 1; }
done
command -v openssl >/dev/null 2>&1 || { echo "bench: 'openssl' not found (apt-get install -y openssl)" >&2; exit 1; }

# ---------------------------------------------------------------- cleanup
tmp=""
pids=()          # every process we started, stopped in reverse order
nginx_workers=() # nginx workers, in case the master has to be SIGKILLed

alive() { # running and not a zombie
  [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

cleanup() {
  local status=$?
  set +e
  trap - EXIT INT TERM
  local pid i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null; done
  for _ in $(seq 1 100); do # up to 10 s (the gateway drains requests in flight first)
    local any=0
    for pid in "${pids[@]}" "${nginx_workers[@]}"; do alive "$pid" && any=1; done
    [ "$any" -eq 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}" "${nginx_workers[@]}"; do
    if alive "$pid"; then echo "bench: pid $pid did not stop on SIGTERM, killing it" >&2; kill -KILL "$pid" 2>/dev/null; fi
  done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -n "$tmp" ] && rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- build
build_dir="${BENCH_SCRATCH:-$root/.build}"
bin="$build_dir/release/gateway"
bench_bin="$build_dir/release/GatewayBench"
if [ "${BENCH_NO_BUILD:-}" = 1 ]; then
  echo "bench: BENCH_NO_BUILD=1, using the existing $bin"
elif [ -n "${BENCH_SCRATCH:-}" ]; then
  swift build -c release --scratch-path "$BENCH_SCRATCH"
else
  swift build -c release
fi
for b in "$bin" "$bench_bin"; do [ -x "$b" ] || { echo "bench: $b not built" >&2; exit 1; }; done

# ---------------------------------------------------------------- helpers
tmp="$(mktemp -d /tmp/gateway-bench.XXXXXX)"
chmod 755 "$tmp" # nginx workers (user nobody when started as root) read the static file

used_ports=" "
bg_start() { # LIMIT OUTPUT COMMAND...: starts COMMAND under timeout in the background (in $pids), sets $bg_pid
  local limit=$1 out=$2
  shift 2
  timeout "$limit" "$@" >"$out" 2>&1 &
  bg_pid=$!
  pids+=("$bg_pid")
}
forget_pid() { # PID: drops a finished process from $pids (rebuilt: cleanup walks it by index)
  local kept=() p
  for p in "${pids[@]}"; do [ "$p" = "$1" ] || kept+=("$p"); done
  pids=("${kept[@]}")
}
bg_wait() { # PID OUTPUT WHAT: waits for a bg_start process; fails loudly with the end of OUTPUT
  local status=0
  wait "$1" || status=$?
  forget_pid "$1"
  if [ "$status" -ne 0 ]; then
    echo "bench: $3 failed (exit $status):" >&2
    tail -n 20 "$2" >&2
    exit 1
  fi
}
run_waited() { # LIMIT OUTPUT COMMAND...: bg_start, then bg_wait
  bg_start "$@"
  bg_wait "$bg_pid" "$2" "'${*:3}'"
}
stop_pid() { # PID NAME: SIGTERM, waits; says so when it did not exit cleanly
  local status=0
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" || status=$?
  forget_pid "$1"
  [ "$status" -eq 0 ] || echo "bench: $2 exited with $status on SIGTERM" >&2
}

free_port() { # sets $port to a free loopback port not handed out before in this run
  for _ in $(seq 1 20); do
    port="$(python3 scripts/free-port.py)"
    case "$used_ports" in *" $port "*) continue ;; esac
    used_ports+="$port "
    return 0
  done
  echo "bench: no free port" >&2
  return 1
}

# wait_http URL NAME PID LOG: waits up to 20 s for URL to answer 200 while PID runs.
wait_http() {
  local url=$1 name=$2 pid=$3 log=$4 code
  for _ in $(seq 1 200); do
    alive "$pid" || { echo "bench: $name exited during start-up:" >&2; tail -n 20 "$log" >&2; return 1; }
    code="$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$url" || true)"
    [ "$code" = 200 ] && return 0
    sleep 0.1
  done
  echo "bench: $name did not answer 200 on $url within 20 s (last: $code):" >&2
  tail -n 20 "$log" >&2
  return 1
}

# How busy the machine was with other work: busy CPU ticks from /proc/stat (user, nice,
# system, irq, softirq) minus the CPU time of this script's processes (servers, Redis, and
# wrk via this shell's reaped-children times). A process's utime + stime is its measured
# run time, which includes the softirq work (loopback networking) done while it ran.
cpu_snapshot() { # prints /proc/stat's user nice system idle iowait irq softirq steal, then ours (ticks)
  local ours=0 pid f
  for pid in "${pids[@]}" "${nginx_workers[@]}"; do
    f=($(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null || true)) # fields after "(comm) "
    [ ${#f[@]} -gt 12 ] && ours=$((ours + f[11] + f[12]))        # utime stime
  done
  f=($(sed 's/^.*) //' "/proc/$$/stat"))
  ours=$((ours + f[11] + f[12] + f[13] + f[14])) # this shell + reaped children (wrk, curl)
  awk -v ours="$ours" '/^cpu / { print $2, $3, $4, $5, $6, $7, $8, $9, ours; exit }' /proc/stat
}
other_cpu() { # BEFORE AFTER -> share of all CPU ticks used by processes not ours
  awk -v a="$1" -v b="$2" 'BEGIN {
    n = split(a, x); split(b, y); for (i = 1; i <= n; i++) d[i] = y[i] - x[i]
    total = d[1] + d[2] + d[3] + d[4] + d[5] + d[6] + d[7] + d[8]
    other = d[1] + d[2] + d[3] + d[6] + d[7] - d[9]
    printf "%.3f", (total > 0 && other > 0) ? other / total : 0 }'
}

# ---------------------------------------------------------------- Redis
free_port
redis_port=$port
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --daemonize no \
  >"$tmp/redis.log" 2>&1 &
pids+=($!)
redis_pid=$!
for _ in $(seq 1 100); do
  [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null || true)" = PONG ] && break
  alive "$redis_pid" || { echo "bench: redis-server exited:" >&2; cat "$tmp/redis.log" >&2; exit 1; }
  sleep 0.1
done

# ---------------------------------------------------------------- gateways
# Default settings except ports/paths; stdout (the JSON access log) goes to /dev/null.
# Signing keys: a private keys dir with one active key per algorithm, as `make run` creates
# (serve refuses to start without active keys for the algorithms the policies use; the demo
# policies in Policies/ need ES256 and RS256, EdDSA completes the published set).
mkdir -p "$tmp/keys"
chmod 700 "$tmp/keys"
for alg in ES256 RS256 EdDSA; do
  "$bin" keys generate --alg "$alg" --keys-dir "$tmp/keys" >"$tmp/keys-$alg.log" 2>&1 \
    || { echo "bench: gateway keys generate --alg $alg failed:" >&2; cat "$tmp/keys-$alg.log" >&2; exit 1; }
done

# Logins first, then OpenID Connect, each on a gateway of its own that it stops again
# (bench/logins.sh, bench/oidc.sh).
if [ "$bench_only" = oidc ]; then
  source "$root/bench/oidc.sh"
  python3 bench/summarize_oidc.py "$oidc_dir" "${BENCH_OUTPUT:-$root/BENCHMARKS.md}"
  exit 0
fi
source "$root/bench/logins.sh"
if [ "$bench_only" = logins ]; then
  python3 bench/summarize_logins.py "$logins_dir" "${BENCH_OUTPUT:-$root/BENCHMARKS.md}"
  exit 0
fi
source "$root/bench/oidc.sh"

declare -A gw_port gw_pid
start_gateway() { # NAME EXTRA-ARGS...
  local name=$1; shift
  local port
  free_port
  "$bin" serve --port "$port" --redis-url "redis://127.0.0.1:$redis_port/0" \
    --keys-dir "$tmp/keys" --policies-dir Policies --sqlite-path "$tmp/$name.sqlite3" "$@" \
    >/dev/null 2>"$tmp/$name.err" &
  pids+=($!)
  gw_pid[$name]=$!
  gw_port[$name]=$port
}
start_gateway gateway-default
start_gateway gateway-2-threads --threads "$cores"
start_gateway gateway-no-log --log-requests false
for name in gateway-default gateway-2-threads gateway-no-log; do
  wait_http "http://127.0.0.1:${gw_port[$name]}/readyz" "$name" "${gw_pid[$name]}" "$tmp/$name.err"
done

# ---------------------------------------------------------------- nginx
free_port
nginx_port=$port
mkdir -p "$tmp/www"
chmod 755 "$tmp/www"
printf '{"status":"ok"}' >"$tmp/www/healthz"
# A static copy of the default gateway's JWKS document, byte for byte.
curl -sf -m 5 -o "$tmp/www/jwks.json" "http://127.0.0.1:${gw_port[gateway-default]}/jwks.json" \
  || { echo "bench: could not fetch /jwks.json from gateway-default" >&2; exit 1; }
jwks_summary="$(python3 -c 'import json, sys
keys = json.load(open(sys.argv[1]))["keys"]
print(len(keys), " ".join(sorted(k.get("alg", "?") for k in keys)))' "$tmp/www/jwks.json")" \
  || { echo "bench: /jwks.json is not a JWKS:" >&2; head -c 300 "$tmp/www/jwks.json" >&2; exit 1; }
jwks_bytes="$(wc -c <"$tmp/www/jwks.json")"
echo "bench: /jwks.json: $jwks_bytes bytes, keys: $jwks_summary"
chmod 644 "$tmp/www/healthz" "$tmp/www/jwks.json"
cat >"$tmp/nginx.conf" <<EOF
daemon off;
worker_processes $cores;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $tmp/nginx-body;
  proxy_temp_path $tmp/nginx-proxy;
  fastcgi_temp_path $tmp/nginx-fastcgi;
  uwsgi_temp_path $tmp/nginx-uwsgi;
  scgi_temp_path $tmp/nginx-scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
    default_type application/json;
  }
}
EOF
"$nginx_bin" -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/nginx-error.log" >"$tmp/nginx.out" 2>&1 &
pids+=($!)
nginx_pid=$!
wait_http "http://127.0.0.1:$nginx_port/healthz" nginx "$nginx_pid" "$tmp/nginx-error.log"
mapfile -t nginx_workers < <(pgrep -P "$nginx_pid" || true)

# ---------------------------------------------------------------- measure
# One interleaved loop for both HTTP sections: nginx's healthz is the reference of both.
targets=(nginx gateway-default gateway-2-threads gateway-no-log nginx-jwks gateway-jwks)
declare -A url
url[nginx]="http://127.0.0.1:$nginx_port/healthz"
for name in gateway-default gateway-2-threads gateway-no-log; do
  url[$name]="http://127.0.0.1:${gw_port[$name]}/healthz"
done
url[nginx-jwks]="http://127.0.0.1:$nginx_port/jwks.json"
url[gateway-jwks]="http://127.0.0.1:${gw_port[gateway-default]}/jwks.json"

run_wrk() { # NAME DURATION -> prints the RESULT line
  local out
  out="$(timeout --foreground 60 wrk -t"$wrk_threads" -c"$connections" -d"$2" --latency -s bench/report.lua "${url[$1]}" 2>&1)" \
    || { echo "bench: wrk failed against $1:" >&2; echo "$out" >&2; return 1; }
  grep '^RESULT ' <<<"$out" || { echo "bench: no RESULT line from wrk against $1:" >&2; echo "$out" >&2; return 1; }
}

wrk_command="wrk -t$wrk_threads -c$connections -d$duration --latency -s bench/report.lua URL"
echo "bench: warm-up ($warmup per target), then $rounds rounds of: $wrk_command"
for name in "${targets[@]}"; do run_wrk "$name" "$warmup" >/dev/null; done
results="$tmp/results.txt"
: >"$results"
cpu_before="$(cpu_snapshot)"
for round in $(seq 1 "$rounds"); do
  for name in "${targets[@]}"; do
    snap="$(cpu_snapshot)"
    line="$(run_wrk "$name" "$duration")"
    line="${line#RESULT } other_cpu=$(other_cpu "$snap" "$(cpu_snapshot)")"
    echo "round $round $name $line"
    echo "$name $round $line" >>"$results"
  done
done
cpu_after="$(cpu_snapshot)"

# ---------------------------------------------------------------- peak RSS (VmHWM, kB)
hwm() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
rss="$tmp/rss.txt"
for name in gateway-default gateway-2-threads gateway-no-log; do
  echo "$name $(hwm "${gw_pid[$name]}")" >>"$rss"
done
nginx_kb=$(hwm "$nginx_pid")
for pid in "${nginx_workers[@]}"; do nginx_kb=$((nginx_kb + $(hwm "$pid"))); done
echo "nginx $nginx_kb" >>"$rss"

# ---------------------------------------------------------------- tokens vs openssl speed
source "$root/bench/tokens.sh"

# ---------------------------------------------------------------- report
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -n "$(git status --porcelain -- Sources Package.swift Package.resolved 2>/dev/null)" ] && commit+=" + uncommitted changes in Sources/"
[ "${BENCH_NO_BUILD:-}" = 1 ] && commit+=" (binary not rebuilt: BENCH_NO_BUILD=1)"
BENCH_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" \
BENCH_CORES="$cores" \
BENCH_CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)" \
BENCH_KERNEL="$(uname -r)" \
BENCH_WRK="$(wrk -v 2>&1 | head -n 1 || true)" \
BENCH_NGINX="$("$nginx_bin" -v 2>&1 | head -n 1)" \
BENCH_SWIFT="$(swift --version 2>&1 | grep -m 1 'Swift version' || true)" \
BENCH_GATEWAY="$("$bin" version 2>&1 | head -n 1), commit $commit" \
BENCH_WRK_COMMAND="$wrk_command" \
BENCH_ROUNDS="$rounds" \
BENCH_WARMUP="$warmup" \
BENCH_CPU_BEFORE="$cpu_before" \
BENCH_CPU_AFTER="$cpu_after" \
BENCH_JWKS_BYTES="$jwks_bytes" \
BENCH_JWKS_KEYS="$jwks_summary" \
  python3 bench/summarize.py "$results" "$rss" "${BENCH_OUTPUT:-$root/BENCHMARKS.md}" "$tokens_dir"
python3 bench/summarize_logins.py "$logins_dir" "${BENCH_OUTPUT:-$root/BENCHMARKS.md}"
python3 bench/summarize_oidc.py "$oidc_dir" "${BENCH_OUTPUT:-$root/BENCHMARKS.md}"
