#!/usr/bin/env bash
# npm start: the infrastructure (PostgreSQL, Kafka), the development OpenID provider, the five services (trusting
# it), the dashboard, and demo data; prints where each listens, the dashboard first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/stack.sh
bash infra/up.sh
bash scripts/oidc.sh start
bash scripts/services.sh start
if [ -x scripts/demo.sh ]; then bash scripts/demo.sh; fi
echo
echo "The registry is running:"
bash scripts/services.sh urls
printf '  %-14s %s  (accounts: tpps-tangerang, tpps-serang, statistician, sponsor, admin; password registri-demo)\n' \
  sign-in "http://127.0.0.1:$OIDC_PORT"
echo "Logs: .var/logs/<service>.log    Stop everything: npm stop"
echo
echo "Open the dashboard: http://127.0.0.1:$DASHBOARD_PORT"
echo "  TPPS:          choose \"TPPS kabupaten ${DEMO_REGENCY:-36.03}\", or \"Masuk dengan akun SSO\" as tpps-tangerang / registri-demo"
echo "  sponsor:       choose \"Orang tua asuh\", or SSO as sponsor / registri-demo"
echo "  statistician:  choose \"Statistisi\", or SSO as statistician / registri-demo"
