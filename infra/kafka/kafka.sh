#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft) from Maven Central, without Docker.
#   infra/kafka/kafka.sh start   idempotent: a running broker is reused; returns once the broker answers
#   infra/kafka/kafka.sh stop    SIGTERM, wait for a clean shutdown (SIGKILL after 30 s)
#   infra/kafka/kafka.sh kill    SIGKILL (fault tests)
#   infra/kafka/kafka.sh status  exit 0 when the broker answers
# Data and logs live in $REGISTRY_VAR_DIR/kafka (default .var/kafka, git-ignored).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$root/scripts/stack.sh"
var_dir=${REGISTRY_VAR_DIR:-$root/.var}
dir=$var_dir/kafka
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
pid_file=$dir/kafka.pid
node_bin=$root/node_modules/.bin/node
[ -x "$node_bin" ] || node_bin=node

answers() { "$node_bin" "$here/wait-ready.mjs" "127.0.0.1:$port" "${1:-1}" >/dev/null 2>&1; }
running_pid() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null && cat "$pid_file"; }

ensure_classpath() {
  if [ ! -f "$here/lib/.complete" ]; then
    echo "kafka: resolving the broker from Maven Central (first run only)…" >&2
    rm -rf "$here/lib"
    mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DoutputDirectory="$here/lib" -DincludeScope=runtime >&2
    touch "$here/lib/.complete"
  fi
}

start() {
  if pid=$(running_pid); then
    answers 60 || { echo "kafka: process $pid is running but the broker does not answer" >&2; exit 1; }
    echo "kafka: already running (pid $pid) on 127.0.0.1:$port" >&2
    return 0
  fi
  ensure_classpath
  mkdir -p "$dir/logs"
  sed -e "s#@KAFKA_PORT@#$port#g" -e "s#@CONTROLLER_PORT@#$controller_port#g" -e "s#@DATA_DIR@#$dir#g" \
    "$here/server.properties.template" > "$dir/server.properties"
  local cp="$here/lib/*"
  local java_opts=(-Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true
    -Dkafka.logs.dir="$dir/logs" -Dlog4j2.configurationFile="$here/log4j2.properties")
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" \
      -c "$dir/server.properties" --standalone >"$dir/logs/format.log" 2>&1
  fi
  # setsid: the broker outlives the shell that started it and gets its own process group.
  setsid java "${java_opts[@]}" -cp "$cp" kafka.Kafka "$dir/server.properties" \
    >"$dir/logs/stdout.log" 2>&1 < /dev/null &
  echo $! > "$pid_file"
  if ! answers 90; then
    echo "kafka: the broker did not answer within 90 s; see $dir/logs" >&2
    tail -n 20 "$dir/logs/stdout.log" >&2 || true
    exit 1
  fi
  echo "kafka: listening on 127.0.0.1:$port (pid $(cat "$pid_file"))" >&2
}

stop() {
  local signal=${1:-TERM}
  if ! pid=$(running_pid); then rm -f "$pid_file"; echo "kafka: not running" >&2; return 0; fi
  kill -"$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; fi
  rm -f "$pid_file"
  echo "kafka: stopped" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop TERM ;;
  kill) stop KILL ;;
  status) answers 1 ;;
  *) echo "usage: $0 start|stop|kill|status" >&2; exit 2 ;;
esac
