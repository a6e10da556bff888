#!/usr/bin/env bash
# The whole test suite, as CI runs it: type-check, lint and build every project, then unit, integration
# (real PostgreSQL and Kafka) and end-to-end tests (the five services and the dashboard, the latter driven in
# Debian's Chromium, running as the stack <stack>_e2e with databases and topics of their own), then the short fault test (its own PostgreSQL, Kafka and services, see
# scripts/faults.sh). A demo that was running (npm start) is stopped for the tests, started again afterwards and
# checked untouched. Starts the infrastructure it needs and stops what it started. Exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/stack.sh
demo_stack=$REGISTRY_STACK
export NX_DAEMON=false NX_NO_CLOUD=true
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
results=$var_dir/test-results
rm -rf "$results"; mkdir -p "$results"

kafka_was_running=yes; bash infra/kafka/kafka.sh status || kafka_was_running=no
services_were_running=no; [ -n "$(ls "$var_dir"/run/*.pid 2>/dev/null)" ] && services_were_running=yes
# The services under test are the ones just built: running ones are stopped now and started again at the end.
bash scripts/services.sh stop
demo_restored=no
cleanup() {
  bash scripts/otlp.sh stop || true
  if [ "$demo_restored" = no ]; then
    bash scripts/services.sh stop || true
    [ "$services_were_running" = yes ] && REGISTRY_STACK=$demo_stack bash scripts/services.sh start >/dev/null || true
  fi
  [ "$kafka_was_running" = yes ] || bash infra/kafka/kafka.sh stop || true
}
trap cleanup EXIT

step() { printf '\n=== %s ===\n' "$*"; }

step "infrastructure"
bash infra/up.sh
# HL7's FHIR validator (HAPI FHIR from Maven Central), resolved once here rather than inside a test's timeout.
bash tools/fhir-validator/fhir-validator.sh prepare

step "browser"
# The dashboard's tests drive Debian's Chromium: installed from Debian's archive when missing, never downloaded.
chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium_path" ]; then
  as_root=(); [ "$(id -u)" = 0 ] || as_root=(sudo -n)
  if command -v apt-get >/dev/null && "${as_root[@]}" true 2>/dev/null; then
    echo "installing Debian's chromium package…"
    "${as_root[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
  fi
  [ -x "$chromium_path" ] || { echo "no Chromium at $chromium_path: install Debian's chromium package or set CHROMIUM_PATH" >&2; exit 1; }
fi
echo "Chromium: $("$chromium_path" --version 2>/dev/null || echo "$chromium_path")"

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
# >>> development OpenID provider: the e2e services trust it (scripts/services.sh reads <var>/oidc.env) and
# tests/access/oidc-sign-in.e2e.spec.ts signs in through it. Stopped on exit unless it ran before (npm start).
oidc_was_running=yes; bash scripts/oidc.sh status || oidc_was_running=no
bash scripts/oidc.sh start
[ "$oidc_was_running" = yes ] || trap '{ bash scripts/oidc.sh stop || true; }; cleanup' EXIT
# <<< development OpenID provider

step "services"
# The e2e stack has databases, topics and consumer groups of its own: the tests never read or alter the demo's.
export REGISTRY_STACK=${demo_stack}_e2e
# The e2e services export the traces tests/tracing asks for to the development trace receiver (scripts/otlp.sh).
bash scripts/otlp.sh start
bash scripts/services.sh start
for log in "$var_dir"/logs/{identity,intake,interventions,sponsorship,reporting}.log; do
  log_marks+=("$(wc -l <"$log" 2>/dev/null || echo 0)")
done
jest_level e2e --runInBand || { service_warnings; exit 1; }
bash scripts/otlp.sh stop

# Kafka, PostgreSQL and each service killed under load, on a stack of its own (scripts/faults.sh): one test.
step "fault test (short)"
export REGISTRY_STACK=$demo_stack
faults=0; FAULTS=short bash scripts/faults.sh || faults=1
echo "{\"numPassedTests\": $((1 - faults)), \"numFailedTests\": $faults}" > "$results/faults.json"

# The demo the tests interrupted: back as it was, its figures its own (none of the tests' children in them).
if [ "$services_were_running" = yes ]; then
  step "demo stack untouched"
  bash scripts/services.sh stop
  demo=0; bash scripts/services.sh start >/dev/null && "$root/node_modules/.bin/node" scripts/check-demo.mjs || demo=1
  echo "{\"numPassedTests\": $((1 - demo)), \"numFailedTests\": $demo}" > "$results/demo.json"
  demo_restored=yes
else
  demo=0
fi

node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(`${process.argv[1]}/${f}`, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
' "$results"
[ "$faults" = 0 ] && [ "$demo" = 0 ]
