#!/usr/bin/env bash
# Seeds one kabupaten (Kabupaten Tangerang, 36.03) with a few thousand synthetic children and their posyandu visits
# through the public APIs, once per machine, and prints ready tokens and example requests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/stack.sh
node_bin=$root/node_modules/.bin/node
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
regency=${DEMO_REGENCY:-36.03}
children=${DEMO_CHILDREN:-3000}
seed=${DEMO_SEED:-7}
marker=$var_dir/demo-$regency-$seed.json

if [ ! -s "$marker" ]; then
  echo "Seeding demo data: $children children of $regency with 12 months of posyandu visits (seed $seed)…" >&2
  "$node_bin" scripts/run-tool.mjs libs/tools/simulation runGenerateCommand --regency "$regency" --children "$children" --months 12 --seed "$seed" > "$marker.tmp"
  mv "$marker.tmp" "$marker"
else
  echo "Demo data already seeded ($marker)." >&2
fi

token() { "$node_bin" scripts/token.ts "$@" 2>/dev/null | tail -n 1; }
sponsor_marker=$var_dir/demo-$regency-$seed.sponsor
if [ ! -s "$sponsor_marker" ]; then
  "$node_bin" scripts/run-tool.mjs libs/tools/simulation runDemoSponsorCommand "$regency" > "$sponsor_marker.tmp" 2>/dev/null \
    && mv "$sponsor_marker.tmp" "$sponsor_marker" || echo "(no sponsor yet: the cases are still being opened; run npm start again)" >&2
fi
sponsor=$(tail -n 1 "$sponsor_marker" 2>/dev/null || true)
# The development OpenID provider's account "sponsor" signs in as this sponsor (scripts/oidc/accounts.mjs).
if [ -n "$sponsor" ]; then
  mkdir -p "$var_dir/oidc"
  "$node_bin" -e 'console.log(JSON.parse(Buffer.from(process.argv[1].split(".")[1], "base64url")).sponsor_id)' \
    "$sponsor" >"$var_dir/oidc/sponsor-id"
fi
tpps=$(token --role tpps --regency "$regency")
statistician=$(token --role statistician)
year=$("$node_bin" -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").pop()).expected.period)' "$marker")

cat <<TEXT

Tokens (valid 12 h; more with: npm run -s token -- --role <role> [--regency <code>]):
  TPPS $regency:   export TPPS='$tpps'
  statistician:    export STAT='$statistician'
  sponsor portal:  export SPONSOR='$sponsor'

Try:
  curl -s -H "authorization: Bearer \$TPPS" 'http://127.0.0.1:$REPORTING_PORT/v1/reports/stunting-prevalence?period=$year&groupBy=district' | head -c 600
  curl -s -H "authorization: Bearer \$TPPS" 'http://127.0.0.1:$IDENTITY_PORT/v1/children/duplicates' | head -c 600
  curl -s -H "authorization: Bearer \$STAT" 'http://127.0.0.1:$REPORTING_PORT/v1/exports/stunting-prevalence.csv?period=$year' | head
  curl -s -H "authorization: Bearer \$TPPS" 'http://127.0.0.1:$REPORTING_PORT/v1/reports/priority-children?districtCode=$regency.01' | head -c 600
  curl -s -H "authorization: Bearer \$SPONSOR" 'http://127.0.0.1:$SPONSORSHIP_PORT/v1/portal/children' | head -c 600
  The figures the generator expects are in $marker.
TEXT
