#!/usr/bin/env bash
# Installs Debian's redis-server for the tests that share sessions between two BFF instances, when it
# is missing (as scripts/ensure-chromium.sh does for Chromium). Set REDIS_SERVER_PATH to use another.
set -euo pipefail
server="${REDIS_SERVER_PATH:-$(command -v redis-server || true)}"
if [ -n "$server" ] && [ -x "$server" ]; then exit 0; fi
if [ -n "${REDIS_SERVER_PATH:-}" ]; then
  echo "REDIS_SERVER_PATH=$REDIS_SERVER_PATH does not point to an executable redis-server." >&2
  exit 1
fi
echo "redis-server is missing: installing Debian's redis-server package for the session tests…"
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else
    echo "Cannot install redis-server: run as root, or install it yourself (apt-get install redis-server) and set REDIS_SERVER_PATH." >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends redis-server >/dev/null
# The package starts a system-wide server; the tests start their own on free ports and need none.
($sudo_cmd systemctl disable --now redis-server >/dev/null 2>&1 || $sudo_cmd service redis-server stop >/dev/null 2>&1 || true)
echo "Installed $(redis-server --version)"
