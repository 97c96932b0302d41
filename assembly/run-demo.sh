#!/usr/bin/env bash
# Builds CountyGrid if needed, unpacks the distribution to assembly/target/run/, and starts it on the embedded
# defaults (H2 under data/, single-member Hazelcast on 127.0.0.1) with the demo county installed.
# Usage: assembly/run-demo.sh [--rebuild]     Stop with: assembly/target/run/countygrid-*/bin/stop
#   --rebuild  builds again, stops the demo node if it runs and starts the new build from a fresh unpack (the demo
#              county is generated again from its seed: the same county)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$ROOT/pom.xml" | head -1)
DIST="$ROOT/assembly/target/countygrid-$VERSION.tar.gz"
RUN="$ROOT/assembly/target/run"
HOME_DIR="$RUN/countygrid-$VERSION"

if [[ ! -f "$DIST" || "${1:-}" == "--rebuild" ]]; then
    echo "Building CountyGrid (first build on a fresh machine takes a few minutes)..."
    (cd "$ROOT" && mvn -B -q install -DskipTests)
    if [[ -d "$HOME_DIR" ]]; then
        # the folder holds the previous build: stop its node and unpack the new one in its place
        if [[ -f "$HOME_DIR/data/port" ]] && "$HOME_DIR/bin/status" >/dev/null 2>&1; then
            echo "Stopping the demo node of the previous build..."
            "$HOME_DIR/bin/stop"
            for _ in $(seq 1 120); do "$HOME_DIR/bin/status" >/dev/null 2>&1 || break; sleep 1; done
            if "$HOME_DIR/bin/status" >/dev/null 2>&1; then
                echo "The demo node of the previous build is still stopping after 2 min; run this again once" \
                    "$HOME_DIR/bin/status says it is not running." >&2
                exit 1
            fi
        fi
        rm -rf "$HOME_DIR"
    fi
fi
if [[ ! -d "$HOME_DIR" ]]; then
    mkdir -p "$RUN" && tar -xzf "$DIST" -C "$RUN"
    # the demo county on top of the default office profile: appended to the last stage of featuresBoot
    awk '/^featuresBoot *=/ {inboot=1} inboot && !/\\$/ {sub(/[ \t]*$/, ", countygrid-demo"); inboot=0} {print}' \
        "$HOME_DIR/etc/org.apache.karaf.features.cfg" > "$HOME_DIR/etc/features.cfg.new" \
        && mv "$HOME_DIR/etc/features.cfg.new" "$HOME_DIR/etc/org.apache.karaf.features.cfg"
fi
if [[ -f "$HOME_DIR/data/port" ]] && "$HOME_DIR/bin/status" >/dev/null 2>&1; then
    echo "CountyGrid is already running from $HOME_DIR"
else
    "$HOME_DIR/bin/start"
fi
echo "Waiting for http://localhost:8181/api/health ..."
for _ in $(seq 1 180); do
    if curl -sf http://localhost:8181/api/health >/dev/null; then break; fi
    sleep 1
done
curl -s http://localhost:8181/api/health; echo
cat <<MSG

CountyGrid is running from $HOME_DIR
  Console:  http://localhost:8181/console      (user: admin)
  API:      http://localhost:8181/api/openapi.json
  Password: $(if [[ -n "${COUNTYGRID_ADMIN_PASSWORD:-}" ]]; then echo "the value of COUNTYGRID_ADMIN_PASSWORD"; else echo "cat $HOME_DIR/data/admin-password"; fi)
  Shell:    $HOME_DIR/bin/client -u admin      (SSH on 127.0.0.1:8101)
  Stop:     $HOME_DIR/bin/stop
The demo county (200,000 accounts) loads in the background within about half a minute of the first start.
MSG
