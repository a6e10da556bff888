#!/usr/bin/env bash
# Starts or stops the five registry services and the dashboard (their one origin for browsers) as background
# processes of this machine.
#   scripts/services.sh start [service…]   builds, starts each (named) service that is not running, waits until
#                                          each is /ready; SERVICES_BUILT=1 skips the build (dist/ is current)
#   scripts/services.sh stop [service…]   SIGTERM each (named) service (graceful: stop taking requests, drain
#                                          consumers, close pools), then waits
#   scripts/services.sh kill <service>   SIGKILL one service (fault tests)
# Ports: IDENTITY_PORT, INTAKE_PORT, INTERVENTIONS_PORT, SPONSORSHIP_PORT, REPORTING_PORT, DASHBOARD_PORT
# (scripts/stack.sh: 3001–3005 and 3000
# in the checkout's slot); the services run as the stack REGISTRY_STACK.
# Tokens: the services trust the development OpenID provider while <var>/oidc.env exists (scripts/oidc.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/stack.sh"
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
run_dir=$var_dir/run
log_dir=$var_dir/logs
node_bin=$root/node_modules/.bin/node
services=(identity intake interventions sponsorship reporting dashboard)

port_of() {
  case $1 in
    identity) echo "$IDENTITY_PORT" ;;
    intake) echo "$INTAKE_PORT" ;;
    interventions) echo "$INTERVENTIONS_PORT" ;;
    sponsorship) echo "$SPONSORSHIP_PORT" ;;
    reporting) echo "$REPORTING_PORT" ;;
    dashboard) echo "$DASHBOARD_PORT" ;;
  esac
}
pid_of() { [ -f "$run_dir/$1.pid" ] && kill -0 "$(cat "$run_dir/$1.pid")" 2>/dev/null && cat "$run_dir/$1.pid"; }

start() {
  mkdir -p "$run_dir" "$log_dir"
  [ -f "$var_dir/infra.env" ] || { echo "services: run 'npm run infra:up' first" >&2; exit 1; }
  set -a; . "$var_dir/infra.env"; set +a
  # While the development OpenID provider runs (scripts/oidc.sh), the services trust its tokens beside HS256 ones;
  # an AUTH_* variable set by the caller wins.
  # The dashboard's demo sign-in offers the demo's Orang Tua Asuh once scripts/demo.sh has registered one.
  export DEMO_SPONSOR_ID_FILE=${DEMO_SPONSOR_ID_FILE:-$var_dir/oidc/sponsor-id}
  if [ -f "$var_dir/oidc.env" ]; then
    set -a; . "$var_dir/oidc.env"; set +a
    export AUTH_JWKS_URL=${AUTH_JWKS_URL:-$OIDC_JWKS_URL} AUTH_ISSUER=${AUTH_ISSUER:-$OIDC_ISSUER} \
      AUTH_AUDIENCE=${AUTH_AUDIENCE:-$OIDC_AUDIENCE}
  fi
  # While the development trace receiver runs (scripts/otlp.sh), the services export their spans to it.
  if [ -f "$var_dir/otlp.env" ]; then set -a; . "$var_dir/otlp.env"; set +a; fi
  if [ $# -gt 0 ]; then services=("$@"); fi
  if [ "${SERVICES_BUILT:-}" != 1 ]; then
    (cd "$root" && NX_DAEMON=false npx nx run-many -t build --projects="$(IFS=,; echo "${services[*]}")" --output-style=static >"$log_dir/build.log" 2>&1) \
      || { tail -n 30 "$log_dir/build.log" >&2; exit 1; }
  fi
  for service in "${services[@]}"; do
    if pid=$(pid_of "$service"); then echo "$service: already running (pid $pid)" >&2; continue; fi
    PORT=$(port_of "$service") setsid "$node_bin" --enable-source-maps --disable-warning=TimeoutNegativeWarning "$root/dist/apps/$service/src/main.js" \
      >>"$log_dir/$service.log" 2>&1 < /dev/null &
    echo $! > "$run_dir/$service.pid"
  done
  for service in "${services[@]}"; do
    "$node_bin" "$root/scripts/wait-ready.mjs" "http://127.0.0.1:$(port_of "$service")/ready" 90 "$(cat "$run_dir/$service.pid")" \
      || { echo "$service did not become ready; see $log_dir/$service.log" >&2; tail -n 20 "$log_dir/$service.log" >&2; exit 1; }
  done
}

stop_one() {
  local service=$1 signal=$2
  if ! pid=$(pid_of "$service"); then rm -f "$run_dir/$service.pid"; return 0; fi
  kill -"$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$run_dir/$service.pid"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  # A named service alone (a developer restarting one after a change), else all of them.
  stop) shift; for service in "${@:-${services[@]}}"; do stop_one "$service" TERM & done; wait ;;
  kill) stop_one "${2:?service name}" KILL ;;
  urls)
    printf '  %-14s http://127.0.0.1:%s  (open it in a browser)\n' dashboard "$DASHBOARD_PORT"
    for service in "${services[@]:0:5}"; do printf '  %-14s http://127.0.0.1:%s  (OpenAPI: /docs)\n' "$service" "$(port_of "$service")"; done ;;
  *) echo "usage: $0 start|stop|kill <service>|urls" >&2; exit 2 ;;
esac
