# Sourced by every script: which running registry this is and where it listens (see README, "Stacks").
#
# A checkout has one stack name, REGISTRY_STACK (default: the folder's name and a random suffix chosen on its first
# run, e.g. main_3fa2c1), from which every database (<stack>_<service>), Kafka topic (<stack>.child.v1…) and consumer group
# (<database>.<projection>) derives; npm test's services run as <stack>_e2e and the fault test as <stack>_faults, so
# the demo, the tests and another checkout never read each other's state. Each checkout also claims a port slot on
# the machine (0–9, kept in .var/stack.env): slot k listens on the default ports + 100·k (services 3001–3005 + 100k,
# the development OpenID provider 3010 + 100k, Kafka 9092 + 100k…), so a second checkout's demo runs beside the
# first's.
# Variables already in the environment win, so a caller can name another stack or other ports.
[ -n "${REGISTRY_STACK_LOADED:-}" ] && return 0
stack_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
stack_file=$stack_root/.var/stack.env
# Claims live outside the checkout: one file per slot naming the checkout that holds it, and one per stack name
# naming its checkout, so infra/up.sh can drop the databases of checkouts that are gone (scripts/stale-stacks.sh).
export REGISTRY_CLAIMS_DIR=${REGISTRY_CLAIMS_DIR:-/var/tmp/stunting-registry}

stack_claim_slot() {
  local dir=$REGISTRY_CLAIMS_DIR/slots k owner
  mkdir -p "$dir"
  (
    flock 9
    # The slot this checkout holds already, if any; else the first free one, or one whose checkout is gone.
    for k in 0 1 2 3 4 5 6 7 8 9; do
      [ "$(cat "$dir/$k" 2>/dev/null)" = "$stack_root" ] && { echo "$k"; exit 0; }
    done
    for k in 0 1 2 3 4 5 6 7 8 9; do
      owner=$(cat "$dir/$k" 2>/dev/null || true)
      if [ -z "$owner" ] || [ ! -d "$owner" ]; then echo "$stack_root" > "$dir/$k"; echo "$k"; exit 0; fi
    done
    echo "stack: all 10 port slots of this machine are held by other checkouts ($dir)" >&2
    exit 1
  ) 9>"$dir/.lock"
}

stack_read() { [ -f "$stack_file" ] && sed -n "s/^$1=//p" "$stack_file" || true; }
stack_name=$(stack_read REGISTRY_STACK)
slot=$(stack_read REGISTRY_SLOT)
if [ -z "$stack_name" ]; then
  slug=$(basename "$stack_root" | tr 'A-Z' 'a-z' | tr -cd 'a-z0-9' | cut -c1-12)
  case $slug in [a-z]*) ;; *) slug=r${slug:0:11} ;; esac
  # Random, not derived from the path: a clone made again in the same folder (as CI may) is a new stack, and never
  # meets the databases its predecessor left (scripts/stale-stacks.sh drops those).
  stack_name=${slug}_$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')
fi
# A slot written down earlier may have been taken over while this checkout was out of the claims (a cleared
# /var/tmp): claim it again, or move to a free one.
if [ -z "$slot" ] || [ "$(cat "$REGISTRY_CLAIMS_DIR/slots/$slot" 2>/dev/null)" != "$stack_root" ]; then
  slot=$(stack_claim_slot) || exit 1
fi
mkdir -p "$REGISTRY_CLAIMS_DIR/stacks" "$stack_root/.var"
echo "$stack_root" > "$REGISTRY_CLAIMS_DIR/stacks/$stack_name"

stack_port() { echo $(($1 + 100 * slot)); }
# Written out whole for the Node tools and jest (tests/support/infra-env.js), which read it for unset variables.
cat > "$stack_file" <<ENV
REGISTRY_STACK=$stack_name
REGISTRY_SLOT=$slot
IDENTITY_PORT=$(stack_port 3001)
INTAKE_PORT=$(stack_port 3002)
INTERVENTIONS_PORT=$(stack_port 3003)
SPONSORSHIP_PORT=$(stack_port 3004)
REPORTING_PORT=$(stack_port 3005)
DASHBOARD_PORT=$(stack_port 3000)
OIDC_PORT=$(stack_port 3010)
OTLP_PORT=$(stack_port 3011)
KAFKA_PORT=$(stack_port 9092)
KAFKA_CONTROLLER_PORT=$(stack_port 9093)
PG_PRIVATE_PORT=$(stack_port 15432)
ENV
while IFS='=' read -r key value; do
  # The controller port follows a KAFKA_PORT the caller chose (kafka.sh: KAFKA_PORT + 1).
  [ "$key" != KAFKA_CONTROLLER_PORT ] || continue
  [ -n "${!key:-}" ] || export "$key=$value"
done < "$stack_file"
export KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
unset stack_name slot slug
export REGISTRY_STACK_LOADED=1
