#!/usr/bin/env bash
# THE test command: every LiveGrid test, against a real Redis and a real Azurite this script starts and stops.
# The last line is "N passed, N failed" (", N skipped" when some were); the exit status is
# non-zero on any failed test or build error. Runs unattended (CI=true, no stdin).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "test.sh: $*" >&2; }

passed=0
failed=0
skipped=0
status=0

mkdir -p "$root/.data"
work="$(mktemp -d "$root/.data/test.XXXXXX")"
cleanup() {
  "$root/deploy/redis-stop.sh" "$work/redis" >/dev/null 2>&1 || true
  "$root/deploy/azurite-stop.sh" "$work/azurite" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- front end (only once frontend/package.json exists) ---------------------------------------
# Its end-to-end tests (frontend/e2e) build and publish the silo themselves and drive Debian's Chromium.
if [[ -f frontend/package.json ]]; then
  if [[ -d frontend/e2e && ! -x /usr/bin/chromium ]]; then
    say "front end: installing Chromium (and CJK fonts) for the end-to-end tests"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk; } </dev/null >&2; then
      say "front end: could not install Chromium; the end-to-end tests will fail"
    fi
  fi
  "$root/deploy/ensure-node.sh"
  say "front end: installing npm packages"
  if ! (
    cd frontend
    if [[ -f package-lock.json ]]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
  ) </dev/null >&2; then
    say "front end: npm install failed"
    status=1
  elif (cd frontend && node -e 'process.exit(require("./package.json").scripts?.test ? 0 : 1)'); then
    say "front end: running tests (unit, then end to end)"
    set +e
    (cd frontend && CI=true NO_COLOR=1 FORCE_COLOR=0 npm test --silent) </dev/null 2>&1 | tee "$work/frontend-test.log"
    frontend_rc=${PIPESTATUS[0]}
    set -e
    # One Vitest summary line per run (unit, end to end): "Tests  2 failed | 40 passed | 1 skipped (43)". All are summed.
    count() { { grep -E '^[[:space:]]*Tests[[:space:]]' "$work/frontend-test.log" || true; } | { grep -oE "[0-9]+ $1" || true; } | awk '{ n += $1 } END { print n + 0 }'; }
    fe_passed="$(count passed)"
    fe_failed="$(count failed)"
    fe_skipped="$(count skipped)"
    if [[ $frontend_rc -ne 0 && $fe_failed -eq 0 ]]; then
      say "front end: npm test exited with $frontend_rc and no failed test was reported; counting the run as one failure"
      fe_failed=1
    fi
    passed=$((passed + fe_passed))
    failed=$((failed + fe_failed))
    skipped=$((skipped + fe_skipped))
    [[ $frontend_rc -eq 0 ]] || status=1
  fi
fi

# --- .NET (unit, storage against real SQLite and Redis, HTTP against the real host) ------------
redis_address="$("$root/deploy/redis-start.sh" "$work/redis")"
export LIVEGRID_TEST_REDIS="$redis_address"
say "Redis for tests at $redis_address"
# The blob store contract runs against Azurite too (installed into .tools/azurite on first use).
azurite_address="$("$root/deploy/azurite-start.sh" "$work/azurite")"
export LIVEGRID_TEST_AZURITE="$azurite_address"
say "Azurite for tests at $azurite_address"

say "building and running .NET tests (Release)"
set +e
# The full output goes to the log that is parsed below; the screen gets it without test-framework stack frames.
dotnet test LiveGrid.sln -c Release --nologo -v quiet --logger "console;verbosity=minimal" </dev/null 2>&1 \
  | tee "$work/dotnet-test.log" \
  | grep --line-buffered -v -E '^[[:space:]]+at (FluentAssertions|Xunit|System|Microsoft)\.|^--- End of stack trace'
dotnet_rc=${PIPESTATUS[0]}
set -e

# One summary per test project: "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total: ..."
read -r dn_failed dn_passed dn_skipped projects < <(
  sed -nE 's/^[[:space:]]*(Passed|Failed)!.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+),.*/\2 \3 \4/p' "$work/dotnet-test.log" \
    | awk '{ f += $1; p += $2; s += $3; n++ } END { printf "%d %d %d %d\n", f, p, s, n }'
)
passed=$((passed + dn_passed))
failed=$((failed + dn_failed))
skipped=$((skipped + dn_skipped))
if [[ $dotnet_rc -ne 0 ]]; then
  status=1
  if [[ $dn_failed -eq 0 ]]; then
    say "dotnet test exited with $dotnet_rc with no failing test: a build error or a crashed test run (see above)"
  fi
elif [[ $projects -eq 0 ]]; then
  say "dotnet test ran no test project"
  status=1
fi

[[ $failed -eq 0 ]] || status=1
line="$passed passed, $failed failed"
[[ $skipped -eq 0 ]] || line="$line, $skipped skipped"
echo "$line"
exit "$status"
