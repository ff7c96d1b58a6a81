#!/usr/bin/env bash
# Starts a durable Redis for LiveGrid on a free loopback port and prints its address (host:port)
# as the only line on stdout. Running it again while that Redis is up just prints the address.
#   usage: deploy/redis-start.sh [DIR]    (DIR holds the AOF, log, pid and port; default .data/redis)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/.data/redis}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
pid_file="$dir/redis.pid"
port_file="$dir/redis.port"

say() { echo "redis-start: $*" >&2; }

answers() { [[ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null || true)" == "PONG" ]]; }

# A pid from an old pid file may since belong to another program; a zombie is not running.
is_redis() {
  [[ "$(cat "/proc/$1/comm" 2>/dev/null || true)" == redis-server* ]] &&
    [[ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)" != "Z" ]]
}

ensure_installed() {
  if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
    return
  fi
  say "installing redis-server"
  export DEBIAN_FRONTEND=noninteractive
  # Refresh the package lists only when the install cannot find the package without it.
  if ! apt-get install -y -qq redis-server >&2 </dev/null; then
    apt-get update -qq >&2 </dev/null
    apt-get install -y -qq redis-server >&2 </dev/null
  fi
}

# A port nothing answers on (probed with bash's /dev/tcp: no other tools needed).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Reuse a Redis this directory already runs.
if [[ -f "$pid_file" && -f "$port_file" ]]; then
  pid="$(cat "$pid_file")"
  port="$(cat "$port_file")"
  if is_redis "$pid" && answers "$port"; then
    echo "127.0.0.1:$port"
    exit 0
  fi
  rm -f "$pid_file" "$port_file"
fi

ensure_installed

# Another process can take the probed port before Redis binds it: try a few ports.
for attempt in 1 2 3 4 5; do
  port="$(free_port)"
  # appendfsync always: a write is acknowledged only once it is on disk (LiveGrid's durability promise).
  if ! redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" \
      --appendonly yes --appendfsync always --save '' \
      --daemonize yes --pidfile "$pid_file" --logfile "$dir/redis.log" >&2; then
    continue
  fi
  for _ in $(seq 1 100); do
    if answers "$port"; then
      echo "$port" > "$port_file"
      echo "127.0.0.1:$port"
      exit 0
    fi
    # A Redis that could not bind the port has already exited.
    if [[ -f "$pid_file" ]] && ! is_redis "$(cat "$pid_file")"; then
      break
    fi
    sleep 0.1
  done
  say "attempt $attempt: Redis on port $port did not answer (see $dir/redis.log)"
  if [[ -f "$pid_file" ]]; then
    pid="$(cat "$pid_file")"
    if is_redis "$pid"; then kill "$pid" 2>/dev/null || true; fi
    rm -f "$pid_file"
  fi
done

say "could not start Redis; last lines of $dir/redis.log:"
tail -n 20 "$dir/redis.log" >&2 || true
exit 1
