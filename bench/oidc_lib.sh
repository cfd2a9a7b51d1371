# Helpers of bench/oidc.sh (sourced by it; see there for the variables they use).

oidc_waited=0          # seconds spent waiting for a quiet machine, in all
oidc_busy_runs=0       # runs started on a busy machine because the wait limit was reached
oidc_rss_metrics_max=0 # highest process_resident_memory_bytes read from /metrics after a run

oidc_wait_quiet() { # LABEL: returns once other processes use < 5 % of the CPU over 2 s (or the wait limit is spent)
  local snap share
  while true; do
    snap="$(cpu_snapshot)"
    sleep 2
    share="$(other_cpu "$snap" "$(cpu_snapshot)")"
    awk -v s="$share" 'BEGIN { exit !(s < 0.05) }' && return 0
    if [ "$oidc_waited" -ge "$oidc_quiet_limit" ]; then
      echo "bench: oidc: other processes use $(awk -v s="$share" 'BEGIN { printf "%.0f", s * 100 }') % of the CPU before $1;" \
        "the wait limit ($oidc_quiet_limit s) is spent: measuring anyway" >&2
      oidc_busy_runs=$((oidc_busy_runs + 1))
      return 0
    fi
    echo "bench: oidc: other processes use $(awk -v s="$share" 'BEGIN { printf "%.0f", s * 100 }') % of the CPU before $1:" \
      "waiting 30 s ($oidc_waited s so far)" >&2
    sleep 28
    oidc_waited=$((oidc_waited + 30))
  done
}

oidc_argon2_runs() { # N: one warm-up, then N runs of the argon2 CLI; its own time per hash into argon2-default.txt
  local i out
  for i in $(seq 0 "$1"); do
    out="$(echo -n password | timeout 30 argon2 somesalt16bytes! -id -t 2 -k 19456 -p 1)" \
      || { echo "bench: argon2 failed: $out" >&2; exit 1; }
    grep -q '^Verification ok' <<<"$out" || { echo "bench: argon2 did not verify: $out" >&2; exit 1; }
    [ "$i" -gt 0 ] && awk '$2 == "seconds" { print $1 }' <<<"$out" >>"$oidc_dir/argon2-default.txt"
  done
  return 0
}

oidc_key_counts() { # the keys of the gateway's Redis database, by kind
  local cli=(redis-cli -h 127.0.0.1 -p "$redis_port" -n 2)
  echo "dbsize=$("${cli[@]}" dbsize) sessions=$("${cli[@]}" --scan --pattern 'lg:session:*' | wc -l)" \
    "patron_indexes=$("${cli[@]}" --scan --pattern 'lg:patron-sessions:*' | wc -l)" \
    "grants=$("${cli[@]}" --scan --pattern 'lg:grant:*' | wc -l) refresh_tokens=$("${cli[@]}" --scan --pattern 'lg:refresh:*' | wc -l)" \
    "used_memory=$("${cli[@]}" info memory | awk -F: '/^used_memory:/ { print $2 }' | tr -d '\r')"
}

oidc_ticks() { # PID: utime stime of PID, then of Redis (clock ticks), then their major page faults
  local stat='{ sub(/^.*\) /, ""); print $12, $13 }' faults='{ sub(/^.*\) /, ""); print $10 }'
  echo "$(awk "$stat" "/proc/$1/stat") $(awk "$stat" "/proc/$redis_pid/stat") $(awk "$faults" "/proc/$1/stat") $(awk "$faults" "/proc/$redis_pid/stat")"
}

oidc_cpu_fields() { # BEFORE AFTER REQUESTS: gateway and Redis CPU microseconds per request, major page faults
  awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(a, x); split(b, y); if (n < 1) n = 1
    printf "gw_cpu_us=%.1f redis_cpu_us=%.1f major_faults=%d", (y[1] + y[2] - x[1] - x[2]) / hz * 1e6 / n,
      (y[3] + y[4] - x[3] - x[4]) / hz * 1e6 / n, y[5] + y[6] - x[5] - x[6] }'
}

oidc_counters() { # Redis commands, then requests to /token /authorize /introspect /userinfo, then RSS bytes (from /metrics)
  curl -sf -m 5 "$oidc_base/metrics" | awk '
    /^gateway_redis_commands_total / { redis = $2 }
    /^gateway_http_requests_total\{/ {
      if (index($0, "route=\"/token\"")) token += $NF
      else if (index($0, "route=\"/authorize\"")) authz += $NF
      else if (index($0, "route=\"/introspect\"")) intro += $NF
      else if (index($0, "route=\"/userinfo\"")) info += $NF }
    /^process_resident_memory_bytes / { rss = $2 }
    END { printf "%d %d %d %d %d %d\n", redis, token, authz, intro, info, rss }'
}

oidc_issue() { # COUNT FILE CLIENT-ARGS...: COUNT fresh code flows, "access refresh" lines into FILE
  local count=$1 file=$2
  shift 2
  run_waited 120 "$file.log" "$bench_bin" exchanges --url "$oidc_base" --session "$oidc_session" --threads 4 \
    --count "$count" --tokens-out "$file" "$@"
}

oidc_pools() { # access tokens for introspection (reading-tipper's own) and userinfo (e-books), fresh each round
  oidc_issue "$oidc_pool" "$oidc_dir/pool-introspect.txt" --client reading-tipper --secret-file "$oidc_secret_file" --scope openid
  oidc_issue "$oidc_pool" "$oidc_dir/pool-userinfo.txt" --client e-books
}

oidc_delta_fields() { # TARGET COUNTERS-BEFORE COUNTERS-AFTER: requests seen by the gateway, Redis commands per request
  awk -v t="$1" -v a="$2" -v b="$3" 'BEGIN {
    split(a, x); split(b, y)
    redis = y[1] - x[1]; token = y[2] - x[2]; authz = y[3] - x[3]
    n = (t == "introspect") ? y[4] - x[4] : (t == "userinfo") ? y[5] - x[5] : token
    http = (t == "exchanges") ? token + authz : n
    printf "requests_seen=%d http_requests=%d redis_commands=%d redis_per_req=%.3f rss_bytes=%d", n, http, redis, (n > 0 ? redis / n : 0), y[6] }'
}

oidc_measure() { # TARGET COMMAND...: runs COMMAND; sets $oidc_measured to the others' CPU share, /metrics deltas, CPU per request
  local target=$1 snap before after ticks
  shift
  before="$(oidc_counters)"
  ticks="$(oidc_ticks "$oidc_pid")"
  snap="$(cpu_snapshot)"
  "$@"
  local others
  others="$(other_cpu "$snap" "$(cpu_snapshot)")"
  local ticks_after
  ticks_after="$(oidc_ticks "$oidc_pid")"
  after="$(oidc_counters)"
  local deltas
  deltas="$(oidc_delta_fields "$target" "$before" "$after")"
  local seen
  seen="$(sed 's/.*requests_seen=\([0-9]*\).*/\1/' <<<"$deltas")"
  local rss="${after##* }"
  [ "$rss" -gt "$oidc_rss_metrics_max" ] && oidc_rss_metrics_max=$rss
  oidc_measured="other_cpu=$others $deltas $(oidc_cpu_fields "$ticks" "$ticks_after" "$seen")"
}

oidc_peak() { # TARGET SECONDS: one peak run; its figures on one line into $oidc_dir/line.txt
  local target=$1
  [ "$target" = refresh ] && oidc_issue "$oidc_refresh_pool" "$oidc_dir/pool-refresh.txt" --client e-books
  oidc_measure "$target" oidc_peak_load "$target" "$2"
  local result
  result="$(grep '^RESULT ' "$oidc_dir/load.out")" || { echo "bench: no RESULT line from the $target run:" >&2; cat "$oidc_dir/load.out" >&2; exit 1; }
  if [ "$target" = exchanges ]; then # GatewayBench's fields in wrk's names
    result="$(awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      printf "RESULT ok_rps=%s rps=%s p50_us=%d p99_us=%d max_us=%d ok=%s bad=%s errors=0 client_cpu_s=%s", f["exchanges_per_s"],
        f["exchanges_per_s"], f["p50_ms"] * 1000, f["p99_ms"] * 1000, f["max_ms"] * 1000, f["exchanges"], f["failed"], f["client_cpu_s"] }' <<<"$result")"
  fi
  echo "${result#RESULT } $oidc_measured" >"$oidc_dir/line.txt"
}

oidc_peak_load() { # TARGET SECONDS: the load of one peak run (the refresh pool is issued before the counters are read)
  # BENCH_OIDC_PROFILE=DIR: `perf record` samples the gateway during each peak run into DIR/TARGET-N.data
  # (call graphs from frame pointers; read with `perf report -i FILE --no-children`). It costs CPU: not for figures.
  local profiler=""
  if [ -n "${BENCH_OIDC_PROFILE:-}" ]; then
    mkdir -p "$BENCH_OIDC_PROFILE"
    local n=1; while [ -e "$BENCH_OIDC_PROFILE/$1-$n.data" ]; do n=$((n + 1)); done
    perf record -F 499 -g -p "$oidc_pid" -o "$BENCH_OIDC_PROFILE/$1-$n.data" -- sleep "$2" >/dev/null 2>&1 &
    profiler=$!
  fi
  case "$1" in
    refresh | userinfo) run_waited 90 "$oidc_dir/load.out" $oidc_wrk -d"$2"s "$oidc_base" -- "$1" "$oidc_dir/pool-$1.txt" 2 ;;
    introspect) run_waited 90 "$oidc_dir/load.out" $oidc_wrk -d"$2"s "$oidc_base" -- introspect "$oidc_dir/pool-introspect.txt" 2 "$oidc_basic" ;;
    exchanges) run_waited 90 "$oidc_dir/load.out" "$bench_bin" exchanges --url "$oidc_base" --session "$oidc_session" \
      --threads "$oidc_exchange_threads" --seconds "$2" --warmup 0.5 ;;
  esac
  [ -z "$profiler" ] || wait "$profiler" || true
}

oidc_half_peak() { # KIND: half the median ok_rps of its peak rounds, rounded to 10/s
  awk -v k="$1" '$1 == k { for (i = 3; i <= NF; i++) if ($i ~ /^ok_rps=/) print substr($i, 8) + 0 }' "$oidc_dir/peak.txt" | sort -n |
    awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d", int(m / 2 / 10 + 0.5) * 10 }'
}

oidc_start_gateway() { # NAME: a default-config gateway on $oidc_port with the section's stores; sets $oidc_pid
  "$bin" serve --port "$oidc_port" --issuer "$oidc_base" --redis-url "$oidc_redis_url" \
    --keys-dir "$tmp/keys" --policies-dir Policies --sqlite-path "$tmp/oidc.sqlite3" --throttle-pepper "$oidc_pepper" \
    >/dev/null 2>"$tmp/$1.err" &
  oidc_pid=$!
  pids+=("$oidc_pid")
  wait_http "$oidc_base/readyz" "$1" "$oidc_pid" "$tmp/$1.err"
}

oidc_stop_gateway() { # NAME: SIGTERM to $oidc_pid, waits for it
  stop_pid "$oidc_pid" "$1"
}

oidc_fixed_rate() { # KIND RATE: one open-loop run; its figures on one line into $oidc_dir/line.txt
  local kind=$1 rate=$2 client=(--client e-books)
  [ "$kind" = introspect ] && client=(--client reading-tipper --secret-file "$oidc_secret_file")
  [ "$kind" = refresh ] && oidc_issue "$oidc_refresh_pool" "$oidc_dir/pool-refresh.txt" --client e-books
  oidc_measure "$kind" run_waited 120 "$oidc_dir/rate.out" "$bench_bin" rate --url "$oidc_base" --kind "$kind" \
    --pool "$oidc_dir/pool-$kind.txt" --rate "$rate" --seconds "$oidc_rate_seconds" --warmup 2 \
    --connections "$oidc_rate_connections" "${client[@]}"
  local result
  result="$(grep '^RESULT ' "$oidc_dir/rate.out")" || { echo "bench: no RESULT line from the $kind rate run:" >&2; cat "$oidc_dir/rate.out" >&2; exit 1; }
  echo "${result#RESULT } $(grep '^FAILURES ' "$oidc_dir/rate.out" | sed 's/^FAILURES /failures=/') $oidc_measured" >"$oidc_dir/line.txt"
}
