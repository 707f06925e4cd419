#!/usr/bin/env bash
# Install what the PostgreSQL store tests need on a fresh Debian machine: Debian's postgresql package (server
# binaries under /usr/lib/postgresql/N/bin; unaccent ships with it). It starts no server: the tests start a
# throwaway cluster of their own (tests/store/pgcluster.py). Without it those tests skip themselves with a reason
# (unless RECOUPE_REQUIRE_POSTGRES=1, as CI sets), so a failure here is not fatal.
set -uo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  exit 0
fi
bash "$(dirname "$0")/apt_install.sh" "the PostgreSQL store tests" postgresql
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && echo "install_postgres: $(ls -d /usr/lib/postgresql/*/bin | tail -1)" >&2
exit 0
