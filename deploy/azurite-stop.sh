#!/usr/bin/env bash
# Stops the Azurite that deploy/azurite-start.sh started in DIR. Nothing to stop is not an error.
#   usage: deploy/azurite-stop.sh [DIR]    (default .data/azurite)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/.data/azurite}"
pid_file="$dir/azurite.pid"
port_file="$dir/azurite.port"

if [[ ! -f "$pid_file" ]]; then
  rm -f "$port_file"
  exit 0
fi

# A pid from an old pid file may since belong to another program; a zombie is not running.
is_azurite() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'azurite-blob' &&
    [[ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)" != "Z" ]]
}

pid="$(cat "$pid_file")"
if is_azurite "$pid"; then
  # Azurite writes each blob before it answers: a plain TERM loses nothing.
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    is_azurite "$pid" || break
    sleep 0.1
  done
  if is_azurite "$pid"; then
    echo "azurite-stop: Azurite (pid $pid) ignored TERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$pid_file" "$port_file"
