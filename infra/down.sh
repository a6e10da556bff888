#!/usr/bin/env bash
# Stops what infra/up.sh started: the Kafka broker and, if one was started, the private PostgreSQL cluster.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../scripts/stack.sh"
"$here/kafka/kafka.sh" stop
"$here/postgres/postgres.sh" stop
