# Sourced by bench/run.sh once Redis runs and the signing keys exist (uses its $root, $tmp,
# $bin, $cores, $redis_port, $pids, free_port, wait_http, alive, cpu_snapshot, other_cpu,
# bg_start, bg_wait, stop_pid).
# Logins: Argon2id throughput and latency under a login storm (about 75 s):
#   1. the machine's Argon2 limit: the `argon2` CLI's own time for one hash (median of
#      $argon2_runs) at the gateway's default parameters and at RFC 9106's second choice;
#   2. complete logins (GET /login + POST /login, bench/login_load.py) by 4 concurrent clients
#      against a default-config gateway of its own, for $login_seconds s;
#   3. wrk -t1 -c8 against /jwks.json and /healthz, first on the idle gateway, then while 16
#      login clients saturate its hashing pool.
# Leaves the raw figures in $logins_dir for bench/summarize_logins.py, stops its gateway,
# and exports the BENCH_LOGINS_* texts.

logins_dir="$tmp/logins"
mkdir -p "$logins_dir"
argon2_runs=10
login_clients=4
login_seconds="${BENCH_LOGIN_SECONDS:-15}"
login_warmup=2
login_backoff=0.05 # a client refused with 503 waits this long, then starts a fresh attempt
storm_clients=16
probe_seconds="${BENCH_PROBE_SECONDS:-10}" # each wrk run during the storm
idle_probe_seconds=5                       # each wrk run on the idle gateway (reference)
probe_wrk="wrk -t1 -c8 --latency -s bench/report.lua"
default_params=(-t 2 -k 19456 -p 1) # the gateway's defaults (OWASP's minimum)
rfc_params=(-t 3 -k 65536 -p 4)     # RFC 9106 §4, second recommended option
command -v argon2 >/dev/null 2>&1 || { echo "bench: 'argon2' not found (run: scripts/install-deps.sh bench)" >&2; exit 1; }

# ---------------------------------------------------------------- 1. Argon2 limit (CLI)
argon2_time() { # NAME PARAMS...: one warm-up, then $argon2_runs runs, "seconds" per line
  local name=$1 out
  shift
  : >"$logins_dir/argon2-$name.txt"
  for i in $(seq 0 "$argon2_runs"); do
    out="$(echo -n password | timeout 30 argon2 somesalt16bytes! -id "$@" 2>&1)" \
      || { echo "bench: argon2 $* failed:" >&2; echo "$out" >&2; exit 1; }
    grep -q '^Verification ok' <<<"$out" || { echo "bench: argon2 $* did not verify:" >&2; echo "$out" >&2; exit 1; }
    [ "$i" -eq 0 ] && continue
    awk '$2 == "seconds" { print $1 }' <<<"$out" >>"$logins_dir/argon2-$name.txt"
  done
}
argon2_command="echo -n password | argon2 somesalt16bytes! -id ${default_params[*]}"
argon2_rfc_command="echo -n password | argon2 somesalt16bytes! -id ${rfc_params[*]}"
echo "bench: logins: Argon2 limit: $argon2_runs runs each of: $argon2_command; $argon2_rfc_command"
argon2_time default "${default_params[@]}"
argon2_time rfc9106 "${rfc_params[@]}"
# Cross-check: the same hashes through the shared libargon2 the gateway links (the Debian CLI
# is a separate static build), wall and CPU seconds per hash; skipped if it cannot be loaded.
timeout 60 python3 - "$argon2_runs" "$logins_dir" <<'EOF' || echo "bench: libargon2 cross-check failed (skipped)" >&2
import ctypes, resource, sys, time
runs, out_dir = int(sys.argv[1]), sys.argv[2]
lib = ctypes.CDLL("libargon2.so.1")
size, u32, ptr = ctypes.c_size_t, ctypes.c_uint32, ctypes.c_char_p
lib.argon2id_hash_raw.argtypes = [u32, u32, u32, ptr, size, ptr, size, ctypes.c_void_p, size]
digest = ctypes.create_string_buffer(32)
for name, (t, m, p) in (("default", (2, 19456, 1)), ("rfc9106", (3, 65536, 4))):
    lines = []
    for i in range(runs + 1):
        before, began = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
        code = lib.argon2id_hash_raw(t, m, p, b"password", 8, b"somesalt16bytes!", 16, digest, 32)
        wall, after = time.perf_counter() - began, resource.getrusage(resource.RUSAGE_SELF)
        if code != 0:
            sys.exit(f"argon2id_hash_raw({t}, {m}, {p}) returned {code}")
        if i:
            lines.append(f"{wall:.6f} {after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime:.6f}")
    open(f"{out_dir}/libargon2-{name}.txt", "w").write("\n".join(lines) + "\n")
EOF

# ---------------------------------------------------------------- gateway and accounts
free_port
logins_port=$port
logins_base="http://127.0.0.1:$logins_port"
"$bin" serve --port "$logins_port" --issuer "$logins_base" --redis-url "redis://127.0.0.1:$redis_port/1" \
  --keys-dir "$tmp/keys" --policies-dir Policies --sqlite-path "$tmp/logins.sqlite3" \
  --throttle-pepper "$(python3 -c 'import secrets; print(secrets.token_hex(16))')" \
  >/dev/null 2>"$tmp/gateway-logins.err" &
logins_pid=$!
pids+=("$logins_pid")
wait_http "$logins_base/readyz" gateway-logins "$logins_pid" "$tmp/gateway-logins.err"

# Four demo members (LibrarySystems/README.md), one account each; logins do not use them up.
timeout 60 python3 bench/login_load.py register "$logins_base" "$logins_dir/accounts.txt" \
  bibliotheek-noord:20001000000001:1234 bibliotheek-zuid:20002000000001:4321 \
  bibliotheek-oost:20003000000001:5678 bibliotheek-noord:20001000000002:2468 \
  || { echo "bench: registering the bench accounts failed:" >&2; tail -n 20 "$tmp/gateway-logins.err" >&2; exit 1; }

# ---------------------------------------------------------------- 2. logins/s at 4 clients
login_command="bench/login_load.py run URL ACCOUNTS OUT --clients $login_clients --seconds $login_seconds --warmup $login_warmup --backoff $login_backoff"
echo "bench: logins: $login_command"
proc_ticks() { awk '{ sub(/^.*\) /, ""); print $12, $13, $8 }' "/proc/$1/stat"; } # utime stime minflt
snap="$(cpu_snapshot)"
ticks_before="$(proc_ticks "$logins_pid") $(proc_ticks "$redis_pid")"
bg_start 120 "$logins_dir/load.out" python3 bench/login_load.py run "$logins_base" "$logins_dir/accounts.txt" \
  "$logins_dir/load.json" --clients "$login_clients" --seconds "$login_seconds" --warmup "$login_warmup" --backoff "$login_backoff"
bg_wait "$bg_pid" "$logins_dir/load.out" "login_load.py with $login_clients clients"
ticks_after="$(proc_ticks "$logins_pid") $(proc_ticks "$redis_pid")"
echo "other_cpu=$(other_cpu "$snap" "$(cpu_snapshot)")" >"$logins_dir/load.cpu"
awk -v a="$ticks_before" -v b="$ticks_after" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  split(a, x); split(b, y) # gateway utime stime minflt, Redis utime stime minflt
  printf "gateway_user_s=%s gateway_sys_s=%s gateway_cpu_s=%s gateway_minflt=%d redis_cpu_s=%s\n", (y[1] - x[1]) / hz,
    (y[2] - x[2]) / hz, (y[1] + y[2] - x[1] - x[2]) / hz, y[3] - x[3], (y[4] + y[5] - x[4] - x[5]) / hz }' >>"$logins_dir/load.cpu"
grep '^RESULT ' "$logins_dir/load.out"

# ---------------------------------------------------------------- 3. JWKS and healthz under a storm
probe() { # NAME PATH SECONDS: one wrk run, RESULT line + others' CPU share into NAME.txt
  local out snap
  snap="$(cpu_snapshot)"
  out="$(timeout --foreground 60 $probe_wrk -d"$3"s "$logins_base$2" 2>&1)" \
    || { echo "bench: wrk failed against $2:" >&2; echo "$out" >&2; exit 1; }
  grep -q '^RESULT ' <<<"$out" || { echo "bench: no RESULT line from wrk against $2:" >&2; echo "$out" >&2; exit 1; }
  echo "$(grep '^RESULT ' <<<"$out") other_cpu=$(other_cpu "$snap" "$(cpu_snapshot)")" >"$logins_dir/$1.txt"
  echo "bench: logins: $1 $(cat "$logins_dir/$1.txt")"
}
echo "bench: logins: idle reference: $probe_wrk -d${idle_probe_seconds}s URL (/jwks.json, /healthz)"
probe jwks-idle /jwks.json "$idle_probe_seconds"
probe healthz-idle /healthz "$idle_probe_seconds"

storm_seconds=$((2 * probe_seconds + 2))
echo "bench: logins: storm of $storm_clients login clients; meanwhile $probe_wrk -d${probe_seconds}s URL (/jwks.json, then /healthz)"
storm_snap="$(cpu_snapshot)"
bg_start 150 "$logins_dir/storm.out" python3 bench/login_load.py run "$logins_base" "$logins_dir/accounts.txt" \
  "$logins_dir/storm.json" --clients "$storm_clients" --seconds "$storm_seconds" --warmup 1.5 --backoff "$login_backoff"
storm_pid=$bg_pid
sleep 2.5 # the storm's warm-up, then its counted window covers both wrk runs
probe jwks-storm /jwks.json "$probe_seconds"
probe healthz-storm /healthz "$probe_seconds"
bg_wait "$storm_pid" "$logins_dir/storm.out" "login_load.py storm with $storm_clients clients"
echo "other_cpu=$(other_cpu "$storm_snap" "$(cpu_snapshot)")" >"$logins_dir/storm.cpu"
grep '^RESULT ' "$logins_dir/storm.out"

# ---------------------------------------------------------------- stop the gateway
awk '/^VmHWM:/ { print $2 }' "/proc/$logins_pid/status" >"$logins_dir/rss-kb.txt" 2>/dev/null || true
stop_pid "$logins_pid" gateway-logins

export BENCH_LOGINS_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')" BENCH_LOGINS_CORES="$cores"
export BENCH_LOGINS_ARGON2_COMMAND="$argon2_command" BENCH_LOGINS_ARGON2_RFC_COMMAND="$argon2_rfc_command"
export BENCH_LOGINS_ARGON2_RUNS="$argon2_runs" BENCH_LOGINS_LOGIN_COMMAND="$login_command"
export BENCH_LOGINS_STORM_COMMAND="${login_command/--clients $login_clients --seconds $login_seconds --warmup $login_warmup/--clients $storm_clients --seconds $storm_seconds --warmup 1.5}"
export BENCH_LOGINS_PROBE_COMMAND="$probe_wrk -d${probe_seconds}s URL" BENCH_LOGINS_IDLE_SECONDS="$idle_probe_seconds"
logins_commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -n "$(git status --porcelain -- Sources Package.swift Package.resolved 2>/dev/null)" ] && logins_commit+=" + uncommitted changes in Sources/"
[ "${BENCH_NO_BUILD:-}" = 1 ] && logins_commit+=" (binary not rebuilt: BENCH_NO_BUILD=1)"
export BENCH_LOGINS_GATEWAY="$("$bin" version 2>&1 | head -n 1), commit $logins_commit"
export BENCH_LOGINS_VERSIONS="$(dpkg-query -W -f='argon2 CLI ${Version}' argon2 2>/dev/null || echo 'argon2 CLI ?'); $(dpkg-query -W -f='libargon2-1 ${Version}' libargon2-1 2>/dev/null || echo 'libargon2 ?'); $(wrk -v 2>&1 | head -n 1 || true)"
