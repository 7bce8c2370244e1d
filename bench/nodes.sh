#!/usr/bin/env bash
# Cross-node delivery (docs/benchmarks.md, "Several nodes"): three nodes of the packaged service on one
# PostgreSQL database, A and B telling each other of every change (LISTEN/NOTIFY) and L telling nobody
# (kefu.cluster.fan-out=local, the baseline); prints p50/p99 of a bot turn on L and on A, of a turn's reply
# reaching the shopper's second connection on the same node and on the other node, and of an agent's reply
# reaching a shopper on A when sent through A and through B.
# Usage: bash bench/nodes.sh   (env TURNS: turns per measurement, default 300)
# Runs itself inside .ci/with-postgres (a database made for the run and dropped after it; PostgreSQL on
# 127.0.0.1:5432 or Debian's, installed), which also makes the jar a PostgreSQL one. Stops the nodes at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
  exec bash .ci/with-postgres bash "$0" "$@"
fi

# always packaged, for PostgreSQL (QUARKUS_DATASOURCE_DB_KIND from with-postgres: the kind is fixed at build time)
./mvnw -B -q package -DskipTests
./mvnw -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java_home=$(bash -c '. .mvn/select-jdk.sh; echo "$JAVA_HOME"')
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# start_node NAME PORT [options...]: in demo mode, its own data folder, rate limits out of the way of sequential turns
start_node() {
  local name=$1 port=$2; shift 2
  "$java_home/bin/java" --add-modules jdk.incubator.vector -Dkefu.demo.enabled=true -Dquarkus.http.host=127.0.0.1 \
    -Dquarkus.http.port="$port" -Dkefu.data.dir="$work/$name" -Dkefu.chat.rate-per-second=1000 -Dkefu.chat.rate-burst=1000 \
    -Dkefu.rest.rate-burst=100000 -Dquarkus.log.level=WARN "$@" -jar target/quarkus-app/quarkus-run.jar >"$work/$name.log" 2>&1 &
  pids+=($!)
}
await_ready() {
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$1/q/health/ready" >/dev/null && return 0
    sleep 1
  done
  echo "node on port $1 did not start; its log:" >&2; cat "$work"/*.log >&2; exit 1
}
a=$(free_port); b=$(free_port); l=$(free_port)
start_node A "$a"; await_ready "$a" # first: it imports the knowledge base into the empty database
start_node B "$b"; start_node L "$l" -Dkefu.cluster.fan-out=local
await_ready "$b"; await_ready "$l"

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$java_home/bin/java" -version 2>&1 | head -1), PostgreSQL $(psql -tAc 'show server_version' -d postgres)"
"$java_home/bin/java" -cp "$cp" -Dnodes.a="http://127.0.0.1:$a" -Dnodes.b="http://127.0.0.1:$b" -Dnodes.local="http://127.0.0.1:$l" \
  -Dnodes.turns="${TURNS:-300}" shop.kefu.bench.NodesBench
