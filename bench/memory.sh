#!/usr/bin/env bash
# JVM memory (docs/benchmarks.md, "JVM memory"): the packaged service (H2, demo mode) under the chat load
# of bench/chat-load.sh at several heap settings; per setting prints the load's p50/p99 and errors, the
# most heap still used after a GC during the load (from the GC log), the heap live after a full GC at
# the end (jcmd), the peak resident set (VmHWM) and the GC time.
# Usage: bash bench/memory.sh ["-Xmx256m" "-XX:MaxRAMPercentage=25" ...]   (env SECONDS_PER_RUN: 20,
#   SHOPPERS: 500, RATE: 200 turns/s)
set -euo pipefail
cd "$(dirname "$0")/.."
settings=("$@")
[ ${#settings[@]} -gt 0 ] || settings=("-Xmx192m" "-Xmx256m" "-Xmx512m" "-Xmx1g")

./mvnw -B -q package -DskipTests
./mvnw -B -q -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
java_home=$(bash -c '. .mvn/select-jdk.sh; echo "$JAVA_HOME"')
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $("$java_home/bin/java" -version 2>&1 | head -1)"
echo "| setting | max heap | p50 ms | p99 ms | errors | heap after GC, most during load | live after full GC | peak RSS | GC time |"
echo "|---|---|---|---|---|---|---|---|---|"
for setting in "${settings[@]}"; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  data="$work/data-$port"; gclog="$work/gc-$port.log"
  # shellcheck disable=SC2086
  "$java_home/bin/java" --add-modules jdk.incubator.vector $setting -Xlog:gc:file="$gclog" -Dkefu.demo.enabled=true \
    -Dkefu.chat.rate-per-second=20 -Dkefu.chat.rate-burst=40 -Dkefu.data.dir="$data" -Dkefu.bench.echo=true \
    -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
    -jar target/quarkus-app/quarkus-run.jar >"$work/service-$port.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
  out=$("$java_home/bin/java" -Xmx2g -cp "$cp" -Dload.url="http://127.0.0.1:$port" -Dload.mode=turns \
    -Dload.shoppers="${SHOPPERS:-500}" -Dload.rate="${RATE:-200}" -Dload.seconds="${SECONDS_PER_RUN:-20}" -Dload.warmup=5 \
    -Dload.jit-warmup=10 shop.kefu.bench.ChatLoad 2>&1 || true)
  bot=$(echo "$out" | awk -F'|' '$3 ~ /^ bot $/ {print $5 "|" $6 "|" $8}' | tail -1)
  max_heap=$("$java_home/bin/jcmd" "$pid" VM.flags 2>/dev/null | tr ' ' '\n' | awk -F= '/MaxHeapSize/ {printf "%d MiB", $2/1048576; exit}')
  most_after=$(grep -o '[0-9]*M->[0-9]*M' "$gclog" | awk -F'->' '{sub("M","",$2); if ($2+0 > m) m = $2+0} END {print m " MiB"}')
  gc_ms=$(grep -o 'M([0-9]*M) [0-9.]*ms' "$gclog" | awk '{sub("ms","",$2); t += $2} END {printf "%.0f ms in %d GCs", t, NR}')
  "$java_home/bin/jcmd" "$pid" GC.run >/dev/null 2>&1 || true
  sleep 1
  live=$(grep -o '[0-9]*M->[0-9]*M' "$gclog" | tail -1 | awk -F'->' '{print $2}' | sed 's/M/ MiB/')
  rss=$(awk '/VmHWM/ {printf "%d MiB", $2/1024}' "/proc/$pid/status")
  echo "| \`$setting\` | $max_heap | ${bot%%|*} | $(echo "$bot" | cut -d'|' -f2) | $(echo "$bot" | cut -d'|' -f3) | $most_after | $live | $rss | $gc_ms |"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
