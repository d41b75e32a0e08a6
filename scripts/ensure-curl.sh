#!/usr/bin/env bash
# Installs Debian's curl, when it is missing, for the test that runs the README's machine-access
# example as written (server/machine-access.integration.test.ts), as scripts/ensure-redis.sh does for
# redis-server.
set -euo pipefail
source "$(dirname "$0")/install-debian-package.sh"
if command -v curl >/dev/null 2>&1; then exit 0; fi
install_debian_package curl "the README's machine-access example (a test runs it)" PATH
echo "Installed $(curl --version | head -n 1)"
