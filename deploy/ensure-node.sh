#!/usr/bin/env bash
# Makes sure node and npm are on PATH (the front end and Azurite need them): installs Debian's nodejs and npm when
# missing, unattended. Idempotent: does nothing when npm is already there.
set -euo pipefail
command -v npm >/dev/null && command -v node >/dev/null && exit 0
echo "ensure-node.sh: installing nodejs and npm with apt-get" >&2
{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm; } </dev/null >&2
