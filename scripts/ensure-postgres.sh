#!/usr/bin/env bash
# Installs Debian's postgresql for the database importer's tests, when it is missing (as
# scripts/ensure-redis.sh does for redis-server). The tests start their own server on a free port in a
# temp folder (server/testing/start-postgres.ts); set POSTGRES_BIN_DIR to use another installation.
set -euo pipefail
source "$(dirname "$0")/install-debian-package.sh"
if [ -n "${POSTGRES_BIN_DIR:-}" ]; then
  if [ -x "$POSTGRES_BIN_DIR/initdb" ] && [ -x "$POSTGRES_BIN_DIR/postgres" ]; then exit 0; fi
  echo "POSTGRES_BIN_DIR=$POSTGRES_BIN_DIR has no initdb and postgres." >&2
  exit 1
fi
if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then exit 0; fi
install_debian_package postgresql "the database importer's tests" POSTGRES_BIN_DIR
# The package starts a system-wide cluster; the tests start their own on free ports and need none.
(as_root systemctl disable --now postgresql || as_root service postgresql stop || true) >/dev/null 2>&1
echo "Installed $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
