#!/usr/bin/env bash
# Stops what infra/up.sh started: the Kafka node(s) and, if one was started, the private PostgreSQL cluster.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/kafka/kafka.sh" stop
"$here/postgres/postgres.sh" stop
