#!/usr/bin/env bash
# End-to-end tests of the packaged service, seven files: agent-console.test.mjs and consoles.test.mjs (the
# agent workspace and the editor console in a browser), shopper-page.test.mjs (the shopper page in a
# browser, at a phone and a desktop size; these two write the README's screenshots to docs/screenshots/),
# login-expiry.test.mjs (the consoles and the shopper page when a login expires, about 70 s),
# miniprogram.test.mjs (the WeChat mini-program's chat logic, wx stubbed), restart.test.mjs (kill -9
# mid-conversation and mid after-sales request) and
# db-outage.test.mjs (the database killed mid-chat and restarted). Installs what it needs (Debian's
# chromium, npm packages), starts the packaged service in demo mode on a free port with its own data
# folder for the two browser tests (the other two start their own instances), and stops it. Run from
# anywhere: bash e2e/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# chromium, and a Chinese font so that the screenshots show the text (not empty boxes)
if ! command -v chromium >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/wqy ]; then
  echo "e2e: installing Debian's chromium and fonts-wqy-microhei"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
(cd e2e && npm ci --no-audit --no-fund --loglevel=error)

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q package -DskipTests
fi
java_home=$(bash -c '. .mvn/select-jdk.sh; echo "$JAVA_HOME"')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
data=$(mktemp -d)
log="$data/service.log"
"$java_home/bin/java" --add-modules jdk.incubator.vector -Dkefu.demo.enabled=true -Dkefu.data.dir="$data" \
  -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/q/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $pid 2>/dev/null; then echo "e2e: the service did not start"; cat "$log"; exit 1; fi
  sleep 1
done
echo "e2e: service up on port $port"
cd e2e
KEFU_URL="http://127.0.0.1:$port" node --test agent-console.test.mjs consoles.test.mjs login-expiry.test.mjs || { echo "e2e: service log:"; tail -50 "$log"; exit 1; }
KEFU_URL="http://127.0.0.1:$port" node --test shopper-page.test.mjs || { echo "e2e: service log:"; tail -50 "$log"; exit 1; }
# the WeChat mini-program's chat logic (clients/miniprogram/lib) against the same service, wx stubbed
KEFU_URL="http://127.0.0.1:$port" node --test miniprogram.test.mjs || { echo "e2e: service log:"; tail -50 "$log"; exit 1; }
# restart.test.mjs starts (and kills) its own service instances on their own data folder
JAVA="$java_home/bin/java" JAR="$root/target/quarkus-app/quarkus-run.jar" node --test restart.test.mjs
# db-outage.test.mjs runs the database as an H2 server process (the H2 jar Maven already downloaded) and kills it
h2_jar=$(find "${HOME}/.m2/repository/com/h2database/h2" -name 'h2-*.jar' | sort -V | tail -1)
[ -n "$h2_jar" ] || { echo "e2e: no H2 jar in ~/.m2 (run ./mvnw verify first)"; exit 1; }
JAVA="$java_home/bin/java" JAR="$root/target/quarkus-app/quarkus-run.jar" H2_JAR="$h2_jar" node --test db-outage.test.mjs
