# Sourced by bench/run.sh after the HTTP rounds (uses its $cores, $tmp, $bench_bin,
# $token_rounds, $token_seconds, cpu_snapshot). Token throughput of GatewayBench against
# `openssl speed` for the same algorithms: both pinned to the same core and run alternately,
# so background load hits both alike; then a one-off per-step breakdown of one token.
# Leaves raw outputs in $tokens_dir for bench/summarize.py and sets the BENCH_TOKEN_* texts.

bench_core=$((cores - 1))
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c "$bench_core"); fi
tokens_dir="$tmp/tokens"
mkdir -p "$tokens_dir"
breakdown_seconds="${BENCH_BREAKDOWN_SECONDS:-0.5}"
openssl_seconds=3 # as the issue asks; rates are per second, so GatewayBench's shorter runs compare directly
gatewaybench_command="GatewayBench tokens --seconds $token_seconds"
openssl_command="openssl speed -seconds $openssl_seconds ecdsap256 rsa2048 ed25519"
breakdown_command="GatewayBench tokens --alg ES256,EdDSA --only none --breakdown $breakdown_seconds"
pin_text="${pin[*]:-}"
[ -n "$pin_text" ] || pin_text="(not pinned: no taskset)"

run_pinned() { # OUTPUT-FILE TIMEOUT COMMAND... ; fails loudly with the output
  # In the background and waited for, so that run.sh's INT/TERM trap runs at once and its
  # cleanup stops the command too (it is in $pids while it runs).
  local out=$1 limit=$2 pid status=0
  shift 2
  timeout "$limit" "${pin[@]}" "$@" >"$out" 2>&1 &
  pid=$!
  pids+=("$pid")
  wait "$pid" || status=$?
  unset 'pids[${#pids[@]}-1]' # done: never signal a recycled pid later
  if [ "$status" -ne 0 ]; then
    echo "bench: '$*' failed (exit $status):" >&2
    tail -n 20 "$out" >&2
    return 1
  fi
}

echo "bench: tokens: $token_rounds rounds of: $pin_text $gatewaybench_command; $pin_text $openssl_command"
tokens_cpu_before="$(cpu_snapshot)"
for round in $(seq 1 "$token_rounds"); do
  run_pinned "$tokens_dir/gatewaybench-$round.txt" 180 "$bench_bin" tokens --seconds "$token_seconds"
  grep -q '^RESULT ' "$tokens_dir/gatewaybench-$round.txt" \
    || { echo "bench: no RESULT line from GatewayBench:" >&2; cat "$tokens_dir/gatewaybench-$round.txt" >&2; exit 1; }
  grep '^RESULT ' "$tokens_dir/gatewaybench-$round.txt" | sed "s/^RESULT /round $round GatewayBench /"
  run_pinned "$tokens_dir/openssl-$round.txt" 180 openssl speed -seconds "$openssl_seconds" ecdsap256 rsa2048 ed25519
  grep -E '^ *(rsa 2048 bits|256 bits ecdsa|253 bits EdDSA)' "$tokens_dir/openssl-$round.txt" | sed "s/^ */round $round openssl: /" \
    || { echo "bench: openssl speed printed no result table:" >&2; cat "$tokens_dir/openssl-$round.txt" >&2; exit 1; }
done
tokens_cpu_after="$(cpu_snapshot)"

echo "bench: breakdown of one token: $pin_text $breakdown_command"
run_pinned "$tokens_dir/breakdown.txt" 180 "$bench_bin" tokens --alg ES256,EdDSA --only none --breakdown "$breakdown_seconds"
grep '^STAGE ' "$tokens_dir/breakdown.txt" \
  || { echo "bench: no STAGE lines from GatewayBench:" >&2; cat "$tokens_dir/breakdown.txt" >&2; exit 1; }

export BENCH_OPENSSL="$(openssl version 2>&1 | head -n 1)"
export BENCH_TOKEN_ROUNDS="$token_rounds" BENCH_TOKEN_SECONDS="$token_seconds" BENCH_TOKEN_PIN="$pin_text"
export BENCH_TOKEN_COMMANDS="$gatewaybench_command|$openssl_command|$breakdown_command"
export BENCH_TOKENS_CPU_BEFORE="$tokens_cpu_before" BENCH_TOKENS_CPU_AFTER="$tokens_cpu_after"
