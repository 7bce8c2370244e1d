#!/usr/bin/env bash
# The managers' report over 1,000,000 stored events (docs/benchmarks.md).
# Usage: bash bench/report.sh [h2|pg]   (env: EVENTS=1000000 RUNS=30; KEEP=folder: h2 only, keep the filled
#   database in that folder and reuse it on the next run instead of filling again)
# h2: the default embedded H2 file database in a temporary folder.
# pg: the PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth), in a database this script creates
#     and drops. Packages the service (for pg with -Dquarkus.profile=pg), starts it once so Flyway
#     creates the schema, stops it, fills the tables in batched JDBC, starts it again and times the report.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
events=${EVENTS:-1000000}

profile=()
[ "$db" = pg ] && profile=(-Dquarkus.profile=pg)
./mvnw -B -q package -DskipTests "${profile[@]}"
./mvnw -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java_home=$(bash -c '. .mvn/select-jdk.sh; echo "$JAVA_HOME"')
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=${KEEP:-$(mktemp -d)}
mkdir -p "$data"
pgdb="kefu_bench_report_$$"
if [ "$db" = pg ]; then
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $pgdb"
  jdbc="jdbc:postgresql://127.0.0.1:5432/$pgdb"; user=postgres; password=""
  db_opts=(-Dquarkus.profile=pg -Dquarkus.datasource.jdbc.url="$jdbc")
else
  jdbc="jdbc:h2:file:$data/kefu"; user=kefu; password=kefu
  db_opts=()
fi
pid=
cleanup() {
  [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  [ "$db" = pg ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $pgdb"
  [ -n "${KEEP:-}" ] || rm -rf "$data"
}
trap cleanup EXIT

start() {
  "$java_home/bin/java" --add-modules jdk.incubator.vector -Dkefu.demo.enabled=true -Dkefu.data.dir="$data" \
    -Dkefu.rest.rate-burst=1000 -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
    "${db_opts[@]}" -jar target/quarkus-app/quarkus-run.jar >>"$data/service.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  cat "$data/service.log"; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$java_home/bin/java" -version 2>&1 | head -1), database: $db"
if [ ! -f "$data/filled" ]; then
  start; stop   # Flyway creates the schema
  "$java_home/bin/java" -cp "$cp" -Dbench.mode=fill -Dbench.jdbc="$jdbc" -Dbench.user="$user" -Dbench.password="$password" \
    -Dbench.events="$events" shop.kefu.bench.ReportBenchmark
  [ -n "${KEEP:-}" ] && touch "$data/filled"
fi
[ "$db" = pg ] && psql -q -h 127.0.0.1 -U postgres -d "$pgdb" -c "ANALYZE"
start
"$java_home/bin/java" -cp "$cp" -Dbench.mode=time -Dbench.url="http://127.0.0.1:$port" -Dbench.runs="${RUNS:-30}" \
  shop.kefu.bench.ReportBenchmark
