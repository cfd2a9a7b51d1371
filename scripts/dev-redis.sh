#!/usr/bin/env bash
# Starts the project-local Redis for `make run` (loopback only, data under var/redis),
# unless one already answers on the port. Usage: scripts/dev-redis.sh PORT
set -euo pipefail
port="${1:-6390}"
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$root/var/redis"
if redis-cli -p "$port" ping >/dev/null 2>&1; then
  echo "dev Redis already running on 127.0.0.1:$port"
  exit 0
fi
redis-server --bind 127.0.0.1 --port "$port" --dir "$root/var/redis" --save 60 1 --appendonly no \
  --daemonize yes --pidfile "$root/var/redis/redis.pid" --logfile "$root/var/redis/redis.log"
for _ in $(seq 1 100); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && { echo "dev Redis started on 127.0.0.1:$port"; exit 0; }
  sleep 0.05
done
echo "error: Redis did not start, see var/redis/redis.log" >&2
exit 1
