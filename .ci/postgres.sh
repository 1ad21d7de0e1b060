#!/usr/bin/env bash
# PostgreSQL binaries for the collector-pg tests, which start their own throwaway
# server (collector/test/pg-server.ts: initdb + pg_ctl as the postgres user).
# Nothing is started here; the Debian package's own cluster is not used.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
ls -d /usr/lib/postgresql/*/bin | tail -n 1
