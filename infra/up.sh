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
brokers=$("$here/kafka/kafka.sh" brokers)
# Topics get one replica per node, up to three (KAFKA_NODES=3: a replicated cluster).
replication=1; [ "${KAFKA_NODES:-1}" -lt 3 ] || replication=3
cat > "$var_dir/infra.env" <<ENV
DATABASE_URL=$database_url
KAFKA_BROKERS=$brokers
KAFKA_REPLICATION_FACTOR=$replication
KAFKA_NODES=${KAFKA_NODES:-1}
ENV
echo "infra: PostgreSQL $database_url, Kafka $brokers (replication $replication, stack $REGISTRY_STACK)" >&2
bash "$root/scripts/stale-stacks.sh" "$database_url" || true
