#!/usr/bin/env bash
# Starts Azurite (blob service only) for LiveGrid on a free loopback port and prints its address (host:port)
# as the only line on stdout. Running it again while that Azurite is up just prints the address.
# Installs azurite@3.35.0 into .tools/azurite on first use (3.37+ needs Node 22; Node here is 20).
#   usage: deploy/azurite-start.sh [DIR]    (DIR holds the blob data, log, pid and port; default .data/azurite)
# Connection string for the printed address (Azurite's public development account):
#   DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://ADDRESS/devstoreaccount1;
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/.data/azurite}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
pid_file="$dir/azurite.pid"
port_file="$dir/azurite.port"
version="3.35.0"
tools="$root/.tools/azurite"
bin="$tools/node_modules/.bin/azurite-blob"

say() { echo "azurite-start: $*" >&2; }

# Listening on the port is Azurite's "ready": it binds only once the blob service is up.
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A pid from an old pid file may since belong to another program; a zombie is not running.
is_azurite() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'azurite-blob' &&
    [[ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)" != "Z" ]]
}

installed_version() {
  node -e 'process.stdout.write(require(process.argv[1]).version)' "$tools/node_modules/azurite/package.json" 2>/dev/null || true
}

ensure_installed() {
  if [[ -x "$bin" && "$(installed_version)" == "$version" ]]; then
    return
  fi
  "$(dirname "${BASH_SOURCE[0]}")/ensure-node.sh"
  say "installing azurite@$version into $tools"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error --no-save "azurite@$version" >&2 </dev/null
}

# A port nothing answers on (probed with bash's /dev/tcp: no other tools needed).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! answers "$port"; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# Reuse an Azurite this directory already runs.
if [[ -f "$pid_file" && -f "$port_file" ]]; then
  pid="$(cat "$pid_file")"
  port="$(cat "$port_file")"
  if is_azurite "$pid" && answers "$port"; then
    echo "127.0.0.1:$port"
    exit 0
  fi
  rm -f "$pid_file" "$port_file"
fi

ensure_installed
mkdir -p "$dir/data"

# Another process can take the probed port before Azurite binds it: try a few ports.
for attempt in 1 2 3 4 5; do
  port="$(free_port)"
  # --disableTelemetry: otherwise Azurite tries to reach the internet. --skipApiVersionCheck: the .NET client
  # (WindowsAzure.Storage 9.3.3) speaks an older REST version than Azurite's default.
  setsid "$bin" --blobHost 127.0.0.1 --blobPort "$port" --location "$dir/data" \
    --disableTelemetry --skipApiVersionCheck >"$dir/azurite.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" > "$pid_file"
  for _ in $(seq 1 300); do
    if answers "$port"; then
      echo "$port" > "$port_file"
      echo "127.0.0.1:$port"
      exit 0
    fi
    # An Azurite that could not bind the port has already exited.
    is_azurite "$pid" || break
    sleep 0.1
  done
  say "attempt $attempt: Azurite on port $port did not answer (see $dir/azurite.log)"
  if is_azurite "$pid"; then kill "$pid" 2>/dev/null || true; fi
  rm -f "$pid_file"
done

say "could not start Azurite; last lines of $dir/azurite.log:"
tail -n 20 "$dir/azurite.log" >&2 || true
exit 1
