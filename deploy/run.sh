#!/usr/bin/env bash
# THE run command: builds LiveGrid (Release) and runs it on its embedded defaults:
# SQLite under ./data at the repository root, or under $LIVEGRID_DATA.
# It prints "LiveGrid is running at http://127.0.0.1:5080 (...)" once it listens; Ctrl+C stops it gracefully.
# Extra arguments go to LiveGrid, e.g.  ./deploy/run.sh --urls http://0.0.0.0:5080
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "run.sh: $*" >&2; }

if ! command -v dotnet >/dev/null; then
  say "the .NET SDK 10 is required and was not found on PATH"
  exit 1
fi

# The front end, once there is one, is built before the silo so the silo publishes its files.
if [[ -f frontend/package.json ]]; then
  "$root/deploy/ensure-node.sh"
  say "building the front end"
  (
    cd frontend
    if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
    if node -e 'process.exit(require("./package.json").scripts?.build ? 0 : 1)'; then npm run build --silent; fi
  ) </dev/null >&2
fi

out="$root/artifacts/silo"
say "building LiveGrid (Release) into ${out#"$root"/}"
dotnet publish silo/LiveGrid.Silo/LiveGrid.Silo.csproj -c Release -o "$out" --nologo -v quiet </dev/null >&2

# LIVEGRID_DATA wins; otherwise keep a data directory the caller configured; otherwise ./data.
if [[ -n "${LIVEGRID_DATA:-}" || -z "${LiveGrid__Storage__Sqlite__DataDirectory:-}" ]]; then
  data="${LIVEGRID_DATA:-$root/data}"
  mkdir -p "$data"
  export LiveGrid__Storage__Sqlite__DataDirectory="$(cd "$data" && pwd)"
fi

# exec: LiveGrid itself receives Ctrl+C / SIGTERM and shuts down gracefully.
exec dotnet "$out/LiveGrid.Silo.dll" --contentRoot "$out" "$@"
