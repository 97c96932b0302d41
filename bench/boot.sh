#!/usr/bin/env bash
# Boot benchmark: CountyGrid (start until GET /api/health is 200) and a plain Apache Karaf 4.4.10 (start until
# its SSH port answers), each from a fresh unpack ("first": features resolved and installed, schema created,
# first admin) and then restarted ("restart": the usual start of a node), N runs each, in the same run;
# resident memory (VmRSS) of the JVM 15 s after it is ready; and the demo county load time from the log.
# Usage: bench/boot.sh [runs]   (build first: mvn -B install -DskipTests)
set -euo pipefail
RUNS=${1:-3}
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$ROOT/pom.xml" | head -1)
WORK="$ROOT/bench/target"
KARAF_TGZ="$HOME/.m2/repository/org/apache/karaf/apache-karaf/4.4.10/apache-karaf-4.4.10.tar.gz"
[[ -f "$KARAF_TGZ" ]] || mvn -B -q dependency:get -Dartifact=org.apache.karaf:apache-karaf:4.4.10:tar.gz -Dtransitive=false
export COUNTYGRID_ADMIN_PASSWORD=${COUNTYGRID_ADMIN_PASSWORD:-bench-$(date +%s)}
unset EXTRA_JAVA_OPTS   # each distribution uses its own bin/setenv (plain Karaf: the JVM defaults)

ms() { date +%s%3N; }
port_open() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
jvm_pid() { pgrep -f "karaf.home=$1( |$)" | head -1; }   # the JVM of the unpacked folder we started, by its path
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }

boot() {  # $1 = kind (countygrid|karaf), $2 = home, $3 = first|restart
    local home=$2 t0 t1 pid
    t0=$(ms)
    "$home/bin/start"
    if [[ $1 == countygrid ]]; then
        until curl -sf -o /dev/null http://127.0.0.1:8181/api/health; do sleep 0.1; done
    else
        until port_open 8101; do sleep 0.1; done
    fi
    t1=$(ms)
    pid=$(jvm_pid "$home")
    sleep 15
    echo "$1 $3 boot_ms=$((t1 - t0)) rss_mb=$(rss_mb "$pid")"
    "$home/bin/stop"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

rm -rf "$WORK" && mkdir -p "$WORK"
for i in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/cg" "$WORK/karaf" && mkdir -p "$WORK/cg" "$WORK/karaf"
    tar -xzf "$ROOT/assembly/target/countygrid-$VERSION.tar.gz" -C "$WORK/cg"
    tar -xzf "$KARAF_TGZ" -C "$WORK/karaf"
    for start in first restart; do
        boot countygrid "$WORK/cg/countygrid-$VERSION" $start | tee -a "$WORK/results.txt"
        boot karaf "$WORK/karaf/apache-karaf-4.4.10" $start | tee -a "$WORK/results.txt"
    done
done

# demo county: a fresh unpack with countygrid-demo, load time as logged by the demo bundle
. "$(dirname "$0")/demo-node.sh"
demo_node_unpack "$WORK/demo"
"$H/bin/start"
until grep -q "Demo county for office .* accounts in" "$H/data/log/karaf.log" 2>/dev/null; do sleep 1; done
grep "Demo county for office" "$H/data/log/karaf.log" | tail -1 | sed 's/^.*Demo county/demo: Demo county/' | tee -a "$WORK/results.txt"
node_stop

echo "--- summary (median of $RUNS)"
for kind in countygrid karaf; do
    for start in first restart; do
        b=$(grep "^$kind $start " "$WORK/results.txt" | sed 's/.*boot_ms=\([0-9]*\).*/\1/' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
        r=$(grep "^$kind $start " "$WORK/results.txt" | sed 's/.*rss_mb=\([0-9]*\).*/\1/' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
        echo "$kind $start boot_ms=$b rss_mb=$r"
    done
done
