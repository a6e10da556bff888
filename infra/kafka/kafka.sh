#!/usr/bin/env bash
# Apache Kafka (KRaft) from Maven Central, without Docker: one node, or KAFKA_NODES broker+controller nodes.
#   infra/kafka/kafka.sh start         idempotent: running nodes are reused; returns once every node answers
#   infra/kafka/kafka.sh stop [i]      SIGTERM to every node (or node i), clean shutdown (SIGKILL after 30 s)
#   infra/kafka/kafka.sh kill [i]      SIGKILL (fault tests)
#   infra/kafka/kafka.sh start-node i  starts node i alone (after stop/kill i); returns once it answers
#   infra/kafka/kafka.sh status [i]    exit 0 when every node (or node i) answers
#   infra/kafka/kafka.sh controller    the node id of the active controller (the metadata quorum's leader)
#   infra/kafka/kafka.sh brokers       the bootstrap list, e.g. 127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096
# Ports: node i (1..KAFKA_NODES, default 1) takes KAFKA_PORT+2(i-1) for clients and KAFKA_CONTROLLER_PORT+2(i-1)
# for the controller quorum; KAFKA_PORT defaults to 9092, KAFKA_CONTROLLER_PORT to KAFKA_PORT+1, so the whole
# cluster moves with KAFKA_PORT (three nodes: 9092/9093, 9094/9095, 9096/9097).
# Data and logs live in $REGISTRY_VAR_DIR/kafka (default .var/kafka, git-ignored), node i of a cluster in
# .../kafka/node<i>. A cluster is formatted once for its size: delete the folder to change KAFKA_NODES.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/scripts/stack.sh"
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
dir=$var_dir/kafka
nodes=${KAFKA_NODES:-1}
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-$((port + 1))}
# Two controllers would tolerate no loss: a cluster has three nodes or more.
[[ "$nodes" =~ ^[0-9]+$ ]] && [ "$nodes" != 0 ] && [ "$nodes" != 2 ] || { echo "kafka: KAFKA_NODES must be 1 or 3 or more" >&2; exit 2; }
node_bin=$root/node_modules/.bin/node
[ -x "$node_bin" ] || node_bin=node
cp="$here/lib/*"

broker_port() { echo $((port + 2 * ($1 - 1))); }
quorum_port() { echo $((controller_port + 2 * ($1 - 1))); }
node_dir() { if [ "$nodes" = 1 ]; then echo "$dir"; else echo "$dir/node$1"; fi; }
all_nodes() { seq 1 "$nodes"; }
brokers() { local i list=(); for i in $(all_nodes); do list+=("127.0.0.1:$(broker_port "$i")"); done; (IFS=,; echo "${list[*]}"); }
# answers <node> [seconds] [brokers]: the node answers describeCluster and sees at least that many brokers.
answers() { "$node_bin" "$here/wait-ready.mjs" "127.0.0.1:$(broker_port "$1")" "${2:-1}" "${3:-1}" >/dev/null 2>&1; }
running_pid() {
  local pid_file; pid_file=$(node_dir "$1")/kafka.pid
  [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && cat "$pid_file"
}
check_node() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "$nodes" ] || { echo "kafka: no node '$1' (KAFKA_NODES=$nodes)" >&2; exit 2; }; }
java_opts() {
  # A cluster's nodes share the machine: a smaller heap each.
  local heap=512m; [ "$nodes" = 1 ] || heap=384m
  echo "-Xms256m -Xmx$heap -XX:+UseG1GC -Djava.awt.headless=true -Dkafka.logs.dir=$(node_dir "$1")/logs"
  echo "-Dlog4j2.configurationFile=$here/log4j2.properties"
}

ensure_classpath() {
  # Resolved again when pom.xml changed since (a dependency added).
  if [ ! -f "$here/lib/.complete" ] || [ "$here/pom.xml" -nt "$here/lib/.complete" ]; then
    echo "kafka: resolving the broker from Maven Central (first run only)…" >&2
    rm -rf "$here/lib"
    mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$here/lib" -DincludeScope=runtime >&2
    touch "$here/lib/.complete"
  fi
}

write_properties() {
  local i=$1 d quorum=() j replication=1 min_isr=1
  d=$(node_dir "$i")
  for j in $(all_nodes); do quorum+=("127.0.0.1:$(quorum_port "$j")"); done
  # Replicated: an acks=all write needs two in-sync copies, so an acknowledged event survives losing a node.
  [ "$nodes" = 1 ] || { replication=3; min_isr=2; }
  mkdir -p "$d/logs"
  sed -e "s#@NODE_ID@#$i#g" -e "s#@KAFKA_PORT@#$(broker_port "$i")#g" -e "s#@CONTROLLER_PORT@#$(quorum_port "$i")#g" \
    -e "s#@QUORUM@#$(IFS=,; echo "${quorum[*]}")#g" -e "s#@REPLICATION@#$replication#g" -e "s#@MIN_ISR@#$min_isr#g" \
    -e "s#@DATA_DIR@#$d#g" "$here/server.properties.template" > "$d/server.properties"
}

uuid() { java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1; }

# Every node gets the one cluster id; a cluster is formatted with all its controllers and their directory ids.
format_all() {
  local i formatted=0 cluster_id controllers=()
  for i in $(all_nodes); do [ ! -f "$(node_dir "$i")/data/meta.properties" ] || formatted=$((formatted + 1)); done
  [ "$formatted" != "$nodes" ] || return 0
  [ "$formatted" = 0 ] || { echo "kafka: only $formatted of $nodes nodes are formatted; delete $dir to start afresh" >&2; exit 1; }
  cluster_id=$(uuid)
  if [ "$nodes" = 1 ]; then
    java $(java_opts 1) -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$dir/server.properties" --standalone >"$dir/logs/format.log" 2>&1
    return 0
  fi
  for i in $(all_nodes); do controllers+=("$i@127.0.0.1:$(quorum_port "$i"):$(uuid)"); done
  for i in $(all_nodes); do
    java $(java_opts "$i") -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$(node_dir "$i")/server.properties" \
      --initial-controllers "$(IFS=,; echo "${controllers[*]}")" >"$(node_dir "$i")/logs/format.log" 2>&1
  done
}

launch() {
  local i=$1 d; d=$(node_dir "$i")
  if running_pid "$i" >/dev/null; then return 0; fi
  # setsid: the node outlives the shell that started it and gets its own process group.
  setsid java $(java_opts "$i") -cp "$cp" kafka.Kafka "$d/server.properties" >"$d/logs/stdout.log" 2>&1 < /dev/null &
  echo $! > "$d/kafka.pid"
}

await() {
  local i=$1 seconds=$2 expected=${3:-1} d; d=$(node_dir "$i")
  if ! answers "$i" "$seconds" "$expected"; then
    echo "kafka: node $i did not answer within $seconds s; see $d/logs" >&2
    tail -n 20 "$d/logs/stdout.log" >&2 || true
    exit 1
  fi
}

# A single node and a cluster share KAFKA_PORT: refuse to start one over the other.
check_layout() {
  local other=$dir/node1/kafka.pid; [ "$nodes" = 1 ] || other=$dir/kafka.pid
  if [ -f "$other" ] && kill -0 "$(cat "$other")" 2>/dev/null; then
    echo "kafka: another layout runs from $dir (pid $(cat "$other")); stop it with its own KAFKA_NODES" >&2; exit 1
  fi
}

start() {
  local i started
  check_layout
  ensure_classpath
  started=$(date +%s)
  for i in $(all_nodes); do running_pid "$i" >/dev/null || write_properties "$i"; done
  format_all
  for i in $(all_nodes); do launch "$i"; done
  for i in $(all_nodes); do await "$i" 90; done
  await 1 90 "$nodes"
  echo "kafka: $nodes node(s) answer on $(brokers) after $(($(date +%s) - started)) s" >&2
}

start_node() {
  check_node "$1"
  check_layout
  running_pid "$1" >/dev/null || write_properties "$1"
  launch "$1"
  await "$1" 90
  echo "kafka: node $1 answers on 127.0.0.1:$(broker_port "$1")" >&2
}

stop_node() {
  local i=$1 signal=$2 pid pid_file; pid_file=$(node_dir "$i")/kafka.pid
  if ! pid=$(running_pid "$i"); then rm -f "$pid_file"; echo "kafka: node $i not running" >&2; return 0; fi
  kill -"$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; fi
  rm -f "$pid_file"
  echo "kafka: node $i stopped" >&2
}

# Without a node: every node, the last first, so the remaining ones keep a quorum as long as they can.
stop() {
  local signal=$1 i
  if [ -n "${2:-}" ]; then check_node "$2"; stop_node "$2" "$signal"; return 0; fi
  for i in $(all_nodes | sort -rn); do stop_node "$i" "$signal"; done
}

status() {
  local i
  if [ -n "${1:-}" ]; then check_node "$1"; answers "$1"; return; fi
  for i in $(all_nodes); do answers "$i" || return 1; done
}

# Kafka's own MetadataQuorumCommand (kafka-metadata-quorum.sh), through any node that answers.
controller() {
  ensure_classpath
  java -Xmx128m -Dlog4j2.configurationFile="$here/log4j2.properties" -cp "$cp" org.apache.kafka.tools.MetadataQuorumCommand \
    --bootstrap-server "$(brokers)" describe --status 2>/dev/null | awk -F':[ \t]*' '$1 == "LeaderId" { print $2; found = 1 } END { exit !found }'
}

case "${1:-}" in
  start) start ;;
  controller) controller ;;
  start-node) start_node "${2:?usage: $0 start-node <node>}" ;;
  stop) stop TERM "${2:-}" ;;
  kill) stop KILL "${2:-}" ;;
  status) status "${2:-}" ;;
  brokers) brokers ;;
  *) echo "usage: $0 start|stop [node]|kill [node]|start-node <node>|status [node]|controller|brokers" >&2; exit 2 ;;
esac
