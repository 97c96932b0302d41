#!/usr/bin/env bash
# What GET /api/health answers during a first start: a fresh unpack of the distribution is started and health is
# polled every 50 ms until it answers 200; each change of status is printed with the milliseconds since bin/start.
# Expected: 000 (no port yet), a short 404 (Jetty up, pax-web's whiteboard not yet), 503 (platform-gate, then
# platform-web until ready), 200. Usage: bench/health-window.sh   (build first: mvn -B install -DskipTests)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$ROOT/pom.xml" | head -1)
WORK="$ROOT/bench/target/health-window"
rm -rf "$WORK" && mkdir -p "$WORK"
tar -xzf "$ROOT/assembly/target/countygrid-$VERSION.tar.gz" -C "$WORK"
H="$WORK/countygrid-$VERSION"
export COUNTYGRID_ADMIN_PASSWORD=${COUNTYGRID_ADMIN_PASSWORD:-bench-$(date +%s)}
unset EXTRA_JAVA_OPTS
t0=$(date +%s%3N)
"$H/bin/start"
last=""
while true; do
    code=$(curl -s -o /dev/null -w "%{http_code}" --max-time 2 http://127.0.0.1:8181/api/health || true)
    if [[ $code != "$last" ]]; then
        echo "$(( $(date +%s%3N) - t0 )) ms: $code"
        last=$code
    fi
    [[ $code == 200 ]] && break
    sleep 0.05
done
pid=$(pgrep -f "karaf.home=$H( |$)" | head -1)
"$H/bin/stop"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
