#!/usr/bin/env bash
# Drops the databases of stacks whose checkout is gone (a deleted clone, a finished CI run, a folder cloned again):
# each stack name is claimed in $REGISTRY_CLAIMS_DIR/stacks/<stack> with its checkout's path (scripts/stack.sh).
# Called by infra/up.sh.
#   scripts/stale-stacks.sh <admin database URL>
set -euo pipefail
url=$1
claims=${REGISTRY_CLAIMS_DIR:-/var/tmp/stunting-registry}/stacks
[ -d "$claims" ] || exit 0
for claim in "$claims"/*; do
  [ -f "$claim" ] || continue
  checkout=$(cat "$claim")
  stack=$(basename "$claim")
  # Stale when its checkout is gone, or when the folder now holds another checkout (cloned again) of another stack.
  now=$(sed -n 's/^REGISTRY_STACK=//p' "$checkout/.var/stack.env" 2>/dev/null || true)
  [ -d "$checkout" ] && [ "$now" = "$stack" ] && continue
  # The stack's own databases and those of its test and fault stacks: <stack>_<service>, <stack>_e2e_<service>…
  for database in $(psql "$url" -Atc "SELECT datname FROM pg_database WHERE starts_with(datname, '${stack}_')"); do
    psql "$url" -qc "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null
    echo "stale stack $stack ($checkout is gone or cloned again): dropped database $database" >&2
  done
  rm -f "$claim"
done
