#!/usr/bin/env bash
# Fault test (issue #11 item 4) on a stack of its own, never the developer's: a private PostgreSQL cluster, its own
# Kafka broker and the five services on other ports, all under $REGISTRY_VAR_DIR (default .var/faults), wiped at the
# start of each round. Per round the generator pushes a kabupaten through the public APIs while Kafka is killed -9
# and restarted, PostgreSQL is restarted (immediate shutdown) and each service is killed -9 and restarted; then the
# registry must hold exactly what the generator sent (libs/tools/simulation/src/cli/faults-command.ts).
#   bash scripts/faults.sh          full: FAULT_ROUNDS rounds (default 3) of FAULT_CHILDREN children (default 3000),
#                                   seeds FAULT_SEED (default 1), FAULT_SEED + 1…
#   FAULTS=short bash scripts/faults.sh   one round of 300 children, seed 5 (npm test runs it)
#   KAFKA_NODES=3 bash scripts/faults.sh  the same rounds on a three-node cluster (issue #24 item 4): two of three
#                                   nodes stopped under load, then the leader of a busy partition and the active
#                                   controller killed -9, instead of the single broker's kill -9 and wipe
# Stack: <stack>_faults (scripts/stack.sh), FAULTS_VAR_DIR (default $REGISTRY_VAR_DIR/faults); in the checkout's port
# slot k: PostgreSQL on 15442 + 100k (FAULTS_PG_PORT), Kafka on 19092/19093 + 100k (FAULTS_KAFKA_PORT,
# FAULTS_KAFKA_CONTROLLER_PORT; three nodes: up to 19096/19097), services on 13001–13005 + 100k.
# Prints "faults: PASS" or "faults: FAIL" last; exits non-zero on failure. Stops its stack on exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/stack.sh
developer_var_dir=${REGISTRY_VAR_DIR:-$root/.var}
slot=$((100 * REGISTRY_SLOT))
export REGISTRY_STACK=${REGISTRY_STACK}_faults
export REGISTRY_VAR_DIR=${FAULTS_VAR_DIR:-$developer_var_dir/faults}
export PG_PRIVATE=1 PG_PRIVATE_PORT=${FAULTS_PG_PORT:-$((15442 + slot))}
export KAFKA_PORT=${FAULTS_KAFKA_PORT:-$((19092 + slot))} KAFKA_CONTROLLER_PORT=${FAULTS_KAFKA_CONTROLLER_PORT:-$((19093 + slot))}
export IDENTITY_PORT=$((13001 + slot)) INTAKE_PORT=$((13002 + slot)) INTERVENTIONS_PORT=$((13003 + slot)) \
  SPONSORSHIP_PORT=$((13004 + slot)) REPORTING_PORT=$((13005 + slot))
export NX_DAEMON=false NX_NO_CLOUD=true
unset DATABASE_URL KAFKA_BROKERS
[ "$REGISTRY_VAR_DIR" != "$developer_var_dir" ] || { echo "faults: REGISTRY_VAR_DIR must not be the developer's .var" >&2; exit 2; }
# Seed 5 of 300 children has moves, a death and duplicates: every kind of write the generator makes.
if [ "${FAULTS:-full}" = short ]; then rounds=1 children=300 first_seed=5
else rounds=${FAULT_ROUNDS:-3} children=${FAULT_CHILDREN:-3000} first_seed=${FAULT_SEED:-1}; fi

stop_stack() {
  bash scripts/services.sh stop || true
  bash infra/kafka/kafka.sh stop || true
  bash infra/postgres/postgres.sh stop || true
}
verdict=FAIL
finish() {
  stop_stack >/dev/null 2>&1
  echo "faults: $verdict ($rounds round(s) of $children children, $SECONDS s)"
}
trap finish EXIT

npx nx run-many -t build --projects=identity,intake,interventions,sponsorship,reporting,simulation \
  --output-style=static >/dev/null
for round in $(seq 1 "$rounds"); do
  seed=$((first_seed + round - 1))
  printf '\n=== fault round %s/%s (seed %s, %s children; %s s) ===\n' "$round" "$rounds" "$seed" "$children" "$SECONDS"
  stop_stack >/dev/null 2>&1
  rm -rf "$REGISTRY_VAR_DIR"
  bash infra/up.sh
  # The five services the round kills; the dashboard (not built above) has no part in it.
  SERVICES_BUILT=1 bash scripts/services.sh start identity intake interventions sponsorship reporting
  node_modules/.bin/node --disable-warning=TimeoutNegativeWarning scripts/run-tool.mjs libs/tools/simulation runFaultsCommand --seed "$seed" --children "$children"
done
verdict=PASS
