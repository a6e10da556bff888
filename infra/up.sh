#!/usr/bin/env bash
# Starts (or reuses) PostgreSQL and Kafka and writes their addresses to .var/infra.env,
# which the services, the tests and the scripts read. Idempotent.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$root/scripts/stack.sh"
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
mkdir -p "$var_dir"
database_url=$("$here/postgres/postgres.sh" start)
"$here/kafka/kafka.sh" start
cat > "$var_dir/infra.env" <<ENV
DATABASE_URL=$database_url
KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT
ENV
echo "infra: PostgreSQL $database_url, Kafka 127.0.0.1:$KAFKA_PORT (stack $REGISTRY_STACK)" >&2
bash "$root/scripts/stale-stacks.sh" "$database_url" || true
