-- wrk reporter: prints one machine-readable line that bench/run.sh parses.
-- Latencies are in microseconds; summary.duration is in microseconds too.
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT rps=%.1f p50_us=%d p99_us=%d max_us=%d errors=%d status_errors=%d requests=%d duration_us=%d\n",
    summary.requests / seconds,
    latency:percentile(50), latency:percentile(99), latency.max,
    errors, e.status, summary.requests, summary.duration))
end
