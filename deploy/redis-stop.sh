#!/usr/bin/env bash
# Stops the Redis that deploy/redis-start.sh started in DIR. Nothing to stop is not an error.
#   usage: deploy/redis-stop.sh [DIR]    (default .data/redis)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/.data/redis}"
pid_file="$dir/redis.pid"
port_file="$dir/redis.port"

if [[ ! -f "$pid_file" ]]; then
  rm -f "$port_file"
  exit 0
fi

# A pid from an old pid file may since belong to another program; a zombie is not running.
is_redis() {
  [[ "$(cat "/proc/$1/comm" 2>/dev/null || true)" == redis-server* ]] &&
    [[ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)" != "Z" ]]
}

pid="$(cat "$pid_file")"
if is_redis "$pid"; then
  # Every write is already on disk (appendfsync always): no final save needed.
  if [[ -f "$port_file" ]]; then
    redis-cli -h 127.0.0.1 -p "$(cat "$port_file")" shutdown nosave >/dev/null 2>&1 || true
  fi
  for _ in $(seq 1 100); do
    is_redis "$pid" || break
    sleep 0.1
  done
  if is_redis "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      is_redis "$pid" || break
      sleep 0.1
    done
  fi
  if is_redis "$pid"; then
    echo "redis-stop: Redis (pid $pid) ignored shutdown; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$pid_file" "$port_file"
