#!/usr/bin/env bash
# Stops what infra/up.sh started: the Kafka node(s) and, if one was started, the private PostgreSQL cluster.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../scripts/stack.sh"
var_dir=${REGISTRY_VAR_DIR:-$here/../.var}
# The node count up.sh ran with, so that a plain `npm stop` stops a whole cluster.
if [ -z "${KAFKA_NODES:-}" ] && [ -f "$var_dir/infra.env" ]; then
  KAFKA_NODES=$(sed -n 's/^KAFKA_NODES=//p' "$var_dir/infra.env"); export KAFKA_NODES
fi
"$here/kafka/kafka.sh" stop
"$here/postgres/postgres.sh" stop
