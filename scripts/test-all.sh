#!/usr/bin/env bash
# The whole test suite, as CI runs it: type-check, lint and build every project, then unit, integration
# (real PostgreSQL and Kafka) and end-to-end tests (the five services running), then the short fault test
# (its own PostgreSQL, Kafka and services, see scripts/faults.sh). Starts the infrastructure
# it needs and stops what it started. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export NX_DAEMON=false NX_NO_CLOUD=true
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
results=$var_dir/test-results
rm -rf "$results"; mkdir -p "$results"

kafka_was_running=yes; bash infra/kafka/kafka.sh status || kafka_was_running=no
broker_is_new=yes; [ -f "$var_dir/kafka/data/meta.properties" ] && broker_is_new=no
services_were_running=no; [ -n "$(ls "$var_dir"/run/*.pid 2>/dev/null)" ] && services_were_running=yes
# The services under test are the ones just built: running ones are stopped now and started again at the end.
bash scripts/services.sh stop
cleanup() {
  bash scripts/services.sh stop || true
  [ "$services_were_running" = yes ] && env -u DATABASE_PREFIX bash scripts/services.sh start >/dev/null || true
  [ "$kafka_was_running" = yes ] || bash infra/kafka/kafka.sh stop || true
}
trap cleanup EXIT

step() { printf '\n=== %s ===\n' "$*"; }

step "infrastructure"
bash infra/up.sh

step "type-check"
npm run -s typecheck

step "lint and build (Nx, every project)"
npx nx run-many -t lint build --output-style=static

jest_level() {
  local level=$1; shift
  step "$level tests"
  NODE_OPTIONS='--experimental-vm-modules --disable-warning=ExperimentalWarning --disable-warning=TimeoutNegativeWarning' \
    npx jest --selectProjects "$level" --json --outputFile="$results/$level.json" "$@"
}
jest_level unit
jest_level int --runInBand
# What the services warned of while e2e tests failed (the logs are appended to: only this run's lines).
log_marks=()
service_warnings() {
  local i=0 log
  for log in "$var_dir"/logs/{identity,intake,interventions,sponsorship,reporting}.log; do
    printf '\n--- %s: warnings and errors during the e2e tests (last 15) ---\n' "$(basename "$log" .log)"
    tail -n +"$((${log_marks[i]:-0} + 1))" "$log" 2>/dev/null | grep -E '"level":(40|50|60)' | grep -v '/ready' |
      tail -n 15 | cut -c1-600 || true
    i=$((i + 1))
  done
}
step "services"
# The e2e stack runs on databases of its own: the tests never alter the demo's, and do not depend on what other
# checkouts on this machine left in theirs (offsets of a broker that is gone, for one): see e2e-stack-reset.mjs.
export DATABASE_PREFIX=registry_e2e
(set -a; . "$var_dir/infra.env"; set +a; "$root/node_modules/.bin/node" scripts/e2e-stack-reset.mjs "$DATABASE_PREFIX" "$broker_is_new")
bash scripts/services.sh start
for log in "$var_dir"/logs/{identity,intake,interventions,sponsorship,reporting}.log; do
  log_marks+=("$(wc -l <"$log" 2>/dev/null || echo 0)")
done
jest_level e2e --runInBand || { service_warnings; exit 1; }

# Kafka, PostgreSQL and each service killed under load, on a stack of its own (scripts/faults.sh): one test.
step "fault test (short)"
unset DATABASE_PREFIX
faults=0; FAULTS=short bash scripts/faults.sh || faults=1
echo "{\"numPassedTests\": $((1 - faults)), \"numFailedTests\": $faults}" > "$results/faults.json"

node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(`${process.argv[1]}/${f}`, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
' "$results"
[ "$faults" = 0 ]
