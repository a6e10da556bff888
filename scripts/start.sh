#!/usr/bin/env bash
# npm start: the infrastructure (PostgreSQL, Kafka), the five services, and demo data; prints where each listens.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/stack.sh
bash infra/up.sh
bash scripts/services.sh start
if [ -x scripts/demo.sh ]; then bash scripts/demo.sh; fi
echo
echo "The registry is running:"
bash scripts/services.sh urls
echo "Logs: .var/logs/<service>.log    Stop everything: npm stop"
