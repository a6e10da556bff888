#!/usr/bin/env bash
# The development OpenID provider (scripts/oidc-provider.mjs): one per checkout on OIDC_PORT (scripts/stack.sh),
# shared by its demo and e2e stacks, since its accounts belong to no stack. Never run in production.
#   scripts/oidc.sh start    starts it unless it runs, waits for its discovery document, writes <var>/oidc.env
#   scripts/oidc.sh stop     stops it and removes <var>/oidc.env
#   scripts/oidc.sh status   exits 0 when it runs
# <var>/oidc.env (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPE, OIDC_AUDIENCE, OIDC_JWKS_URL, OIDC_REDIRECT_URI) is read by
# scripts/services.sh, which makes the services trust the provider, and by scripts/stack-env.cjs (tests, dashboard).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/stack.sh"
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
pid_file=$var_dir/run/oidc-provider.pid
log=$var_dir/logs/oidc-provider.log
node_bin=$root/node_modules/.bin/node
issuer=http://127.0.0.1:$OIDC_PORT
audience=${OIDC_AUDIENCE:-urn:stunting-registry:api}
dashboard=http://127.0.0.1:${DASHBOARD_PORT:-$((3000 + 100 * REGISTRY_SLOT))}

running() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }

start() {
  mkdir -p "$var_dir/run" "$var_dir/logs" "$var_dir/oidc"
  if ! running; then
    OIDC_VAR_DIR=$var_dir/oidc OIDC_AUDIENCE=$audience DASHBOARD_ORIGIN=$dashboard \
      setsid "$node_bin" "$root/scripts/oidc-provider.mjs" >>"$log" 2>&1 </dev/null &
    echo $! >"$pid_file"
  fi
  local discovery=$issuer/.well-known/openid-configuration
  "$node_bin" "$root/scripts/wait-ready.mjs" "$discovery" 30 "$(cat "$pid_file")" ||
    { echo "oidc: the provider did not start; see $log" >&2; tail -n 20 "$log" >&2; exit 1; }
  # The JWKS address as the provider publishes it, not as this script assumes it.
  local jwks
  jwks=$("$node_bin" -e 'fetch(process.argv[1]).then((r) => r.json()).then((d) => console.log(d.jwks_uri))' "$discovery")
  cat >"$var_dir/oidc.env" <<ENV
OIDC_ISSUER=$issuer
OIDC_CLIENT_ID=registry-dashboard
OIDC_SCOPE='openid profile registry'
OIDC_AUDIENCE=$audience
OIDC_JWKS_URL=$jwks
OIDC_REDIRECT_URI=$dashboard/auth/callback
ENV
  echo "oidc: development OpenID provider $issuer (client registry-dashboard)" >&2
}

stop() {
  if running; then
    local pid
    pid=$(cat "$pid_file")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file" "$var_dir/oidc.env"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) running ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
