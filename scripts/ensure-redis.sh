#!/usr/bin/env bash
# Installs Debian's redis-server for the tests that share sessions between two BFF instances, when it
# is missing (as scripts/ensure-chromium.sh does for Chromium). Set REDIS_SERVER_PATH to use another.
set -euo pipefail
source "$(dirname "$0")/install-debian-package.sh"
server="${REDIS_SERVER_PATH:-$(command -v redis-server || true)}"
if [ -n "$server" ] && [ -x "$server" ]; then exit 0; fi
if [ -n "${REDIS_SERVER_PATH:-}" ]; then
  echo "REDIS_SERVER_PATH=$REDIS_SERVER_PATH does not point to an executable redis-server." >&2
  exit 1
fi
install_debian_package redis-server "the session tests" REDIS_SERVER_PATH
# The package starts a system-wide server; the tests start their own on free ports and need none.
(as_root systemctl disable --now redis-server || as_root service redis-server stop || true) >/dev/null 2>&1
echo "Installed $(redis-server --version)"
