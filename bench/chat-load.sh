#!/usr/bin/env bash
# Chat benchmarks against the packaged service on loopback (docs/benchmarks.md):
#   start-up time to the first answered message, bot turns vs the plain echo at 1/50/500 shoppers,
#   and idle capacity (heap and RSS per open shopper connection).
# Usage: bash bench/chat-load.sh [startup|turns|idle|all]   (env: SECONDS_PER_RUN, CONNECTIONS, RATE,
#   SERVICE_OPTS: extra options for the service, e.g. -Dkefu.kb.question-cache=0 or -XX:NativeMemoryTracking=summary,
#   LOAD_OPTS: for the load generator, e.g. -Dload.histogram=true: heap growth by class in the idle run)
# Packages the service; starts the service in demo mode with the echo endpoint on a free port and
# its own data folder; stops it at the end. Bounded: each run is WARMUP (10 s) + SECONDS_PER_RUN (20 s).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}

# always packaged: a jar left over from before a code change would be measured instead of the code
./mvnw -B -q package -DskipTests
./mvnw -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java_home=$(bash -c '. .mvn/select-jdk.sh; echo "$JAVA_HOME"')
cp="target/test-classes:target/classes:$(cat target/bench.cp)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
log="$data/service.log"
started=$(date +%s%3N)
# The per-connection rate limit is raised so that 50 shoppers can share a total of 400 turns/s (8/s each).
"$java_home/bin/java" --add-modules jdk.incubator.vector -Dkefu.demo.enabled=true -Dkefu.bench.echo=true \
  -Dkefu.chat.rate-per-second=20 -Dkefu.chat.rate-burst=40 -Dkefu.data.dir="$data" \
  -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN ${SERVICE_OPTS:-} \
  -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT

load() {
  "$java_home/bin/java" -Xmx4g -cp "$cp" -Dload.url="http://127.0.0.1:$port" ${LOAD_OPTS:-} "$@" shop.kefu.bench.ChatLoad
}
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$java_home/bin/java" -version 2>&1 | head -1)"
load -Dload.mode=startup -Dload.started="$started"
# The service's own CPU time (user + system, from /proc) is steadier than latency on a shared machine.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat"; }
if [ "$what" = turns ] || [ "$what" = all ]; then
  cpu_before=$(cpu_seconds)
  load -Dload.mode=turns -Dload.seconds="${SECONDS_PER_RUN:-20}" -Dload.warmup="${WARMUP:-10}" -Dload.rate="${RATE:-400}"
  echo "Service CPU time during the turns runs: $(awk -v a="$cpu_before" -v b="$(cpu_seconds)" 'BEGIN {printf "%.1f", b - a}') s"
fi
if [ "$what" = idle ] || [ "$what" = all ]; then
  load -Dload.mode=idle -Dload.pid="$pid" -Dload.connections="${CONNECTIONS:-10000}"
fi
