#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end tests when it is missing (Playwright never
# downloads a browser here). Set CHROMIUM_PATH to use another Chromium binary.
set -euo pipefail
source "$(dirname "$0")/install-debian-package.sh"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH does not point to an executable Chromium." >&2
  exit 1
fi
install_debian_package chromium "the end-to-end tests" CHROMIUM_PATH
echo "Installed $("$chromium" --version)"
