#!/usr/bin/env bash
# Installs Debian's curl and jq, when they are missing, for the tests that run the docs' shell examples
# as written: the README's machine-access example (server/machine-access.integration.test.ts, curl)
# and docs/ingest.md's CI dbt import (server/catalog/import/dbt/dbt-import-from-ci.integration.test.ts,
# curl and jq), as scripts/ensure-redis.sh does for redis-server.
set -euo pipefail
source "$(dirname "$0")/install-debian-package.sh"
if ! command -v curl >/dev/null 2>&1; then
  install_debian_package curl "the README's machine-access example (a test runs it)" PATH
  echo "Installed $(curl --version | head -n 1)"
fi
if ! command -v jq >/dev/null 2>&1; then
  install_debian_package jq "docs/ingest.md's CI dbt import example (a test runs it)" PATH
  echo "Installed $(jq --version)"
fi
