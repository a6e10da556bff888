#!/usr/bin/env bash
# Finds a PostgreSQL server for the registry, in this order:
#   1. $DATABASE_URL, if it answers;
#   2. the machine's server on 127.0.0.1:5432 (user postgres);
#   3. a private cluster in $REGISTRY_VAR_DIR/postgres (default .var/postgres, git-ignored), created with the
#      machine's PostgreSQL binaries and started on 127.0.0.1:$PG_PRIVATE_PORT (default 15432). Below 32768 on
#      purpose: a port in the kernel's ephemeral range (32768–60999) cannot be listened on while some client
#      connection happens to use it as its local port.
# PG_PRIVATE=1 skips 1 and 2: the private cluster only (fault tests, which kill and restart it).
#   infra/postgres/postgres.sh start   prints the admin URL on stdout (each service creates its own database)
#   infra/postgres/postgres.sh stop    stops the private cluster if this script started one
#   infra/postgres/postgres.sh kill    SIGKILL of the private cluster (fault tests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/scripts/stack.sh"
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
dir=$var_dir/postgres
port=${PG_PRIVATE_PORT:-15432}

answers() { pg_isready -q -d "$1" -t 2 2>/dev/null; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {
  if [ "${PG_PRIVATE:-}" != 1 ]; then
    if [ -n "${DATABASE_URL:-}" ] && answers "$DATABASE_URL"; then echo "$DATABASE_URL"; return 0; fi
    local local_url=postgres://postgres@127.0.0.1:5432/postgres
    if answers "$local_url"; then echo "$local_url"; return 0; fi
  fi
  local private_url=postgres://postgres@127.0.0.1:$port/postgres
  if answers "$private_url"; then echo "$private_url"; return 0; fi
  local bin; bin=$(pg_bin)
  [ -n "$bin" ] || { echo "postgres: no server answers and no PostgreSQL binaries under /usr/lib/postgresql" >&2; exit 1; }
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir" "$var_dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1
  fi
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2
  echo "postgres: private cluster on 127.0.0.1:$port" >&2
  echo "$private_url"
}

private_ctl() {
  local bin; bin=$(pg_bin)
  if [ -f "$dir/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" "$@" >&2 || true; fi
}

case "${1:-}" in
  start) start ;;
  stop) private_ctl -w -m fast stop ;;
  kill) private_ctl -m immediate stop ;;
  *) echo "usage: $0 start|stop|kill" >&2; exit 2 ;;
esac
