# Sourced by the benchmarks that measure a node with the demo county (search.sh, board.sh, boot.sh's demo step).
# demo_node_unpack <folder> [readingDays]: a fresh unpack of the built distribution in <folder> that boots
# countygrid-demo as well (with readingDays, when given, in etc/org.countygrid.demo.cfg); sets H to its home.
# node_pid and node_stop act on the node in H (by its karaf.home, never by name).
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_VERSION=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$BENCH_ROOT/pom.xml" | head -1)

demo_node_unpack() {
    rm -rf "$1" && mkdir -p "$1" && tar -xzf "$BENCH_ROOT/assembly/target/countygrid-$BENCH_VERSION.tar.gz" -C "$1"
    H="$1/countygrid-$BENCH_VERSION"
    awk '/^featuresBoot *=/ {inboot=1} inboot && !/\\$/ {sub(/[ \t]*$/, ", countygrid-demo"); inboot=0} {print}' \
        "$H/etc/org.apache.karaf.features.cfg" > "$H/etc/features.cfg.new" \
        && mv "$H/etc/features.cfg.new" "$H/etc/org.apache.karaf.features.cfg"
    if [[ -n "${2:-}" ]]; then echo "readingDays = $2" > "$H/etc/org.countygrid.demo.cfg"; fi
}

node_pid() { pgrep -f "karaf.home=$H( |$)" | head -1; }

node_stop() {
    local pid; pid=$(node_pid)
    "$H/bin/stop"
    while [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

# waits until the demo's metering part has ended: meters, stock and open orders, and readings when readingDays > 0
await_demo_meters() {
    until grep -q "Demo metering for office .* complete in" "$H/data/log/karaf.log" 2>/dev/null; do sleep 1; done
}
