#!/usr/bin/env bash
# The development trace receiver (scripts/otlp-collector.mjs) on OTLP_PORT (scripts/stack.sh): npm test starts it so
# that the e2e services export their spans and tests/tracing reads them back. Never run in production.
#   scripts/otlp.sh start    starts it unless it runs, writes <var>/otlp.env (read by scripts/services.sh)
#   scripts/otlp.sh stop     stops it and removes <var>/otlp.env
#   scripts/otlp.sh status   exits 0 when it runs
# The services then keep only traces whose id the tests choose (OTEL_TRACES_SAMPLER_ARG: 1 in 10^9 of random ids),
# so the rest of the suite runs untraced.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/stack.sh"
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
pid_file=$var_dir/run/otlp-collector.pid
log=$var_dir/logs/otlp-collector.log
node_bin=$root/node_modules/.bin/node

running() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }

start() {
  mkdir -p "$var_dir/run" "$var_dir/logs"
  if ! running; then
    OTLP_PORT=$OTLP_PORT setsid "$node_bin" "$root/scripts/otlp-collector.mjs" >>"$log" 2>&1 </dev/null &
    echo $! >"$pid_file"
  fi
  "$node_bin" "$root/scripts/wait-ready.mjs" "http://127.0.0.1:$OTLP_PORT/ready" 30 "$(cat "$pid_file")" ||
    { echo "otlp: the receiver did not start; see $log" >&2; tail -n 20 "$log" >&2; exit 1; }
  cat >"$var_dir/otlp.env" <<ENV
OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$OTLP_PORT
OTEL_TRACES_SAMPLER_ARG=0.000000001
OTEL_BSP_SCHEDULE_DELAY=200
ENV
  echo "otlp: development trace receiver http://127.0.0.1:$OTLP_PORT" >&2
}

stop() {
  if running; then kill -TERM "$(cat "$pid_file")" 2>/dev/null || true; fi
  rm -f "$pid_file" "$var_dir/otlp.env"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) running ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
