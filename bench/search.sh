#!/usr/bin/env bash
# Search benchmark: what an office clerk waits for when searching the demo county's 200,000 accounts.
# A fresh unpack of the distribution with countygrid-demo (meters and topology, no daily readings, so the node is
# idle while measured), then GET /api/customers/accounts?q=…&limit=20 (the console's search: one page and the
# total) for each query, RUNS times after one untimed warm-up call, median and slowest, as curl's time_total.
# Then the list without text page by page (the customers panel's first view), and the metering panel's topology of
# a transformer area (GET /api/metering/areas/<code>/topology): the first view of each of six areas, as a clerk opens
# them one after the other.
# Usage: bench/search.sh [runs]   (build first: mvn -B install -DskipTests)
set -euo pipefail
RUNS=${1:-5}
WORK="$(cd "$(dirname "$0")" && pwd)/target/search"
export COUNTYGRID_ADMIN_PASSWORD=${COUNTYGRID_ADMIN_PASSWORD:-bench-$(date +%s)}
unset EXTRA_JAVA_OPTS
QUERIES=(王 王伟 城关镇 人民路 县人民医院 3 31 310100 3101000077 1 13 1370 0736)
AREAS=(CG-T001 QS-T002 BS-T003 CG-T010 LX-T001 XT-T005)   # the metering panel's topology of an area, first view each
. "$(dirname "$0")/demo-node.sh"

demo_node_unpack "$WORK" 0
"$H/bin/start"
await_demo_meters
sleep 10   # the start's stragglers (the heap compaction)

printf '%-12s %8s %10s %10s\n' query total median_ms slowest_ms
for q in "${QUERIES[@]}"; do
    call() { curl -s -o "$WORK/answer.json" -w '%{time_total}' -u "admin:$COUNTYGRID_ADMIN_PASSWORD" -G \
        --data-urlencode "q=$q" -d limit=20 http://127.0.0.1:8181/api/customers/accounts; }
    call > /dev/null
    times=()
    for _ in $(seq 1 "$RUNS"); do times+=("$(call | awk '{printf "%d", $1 * 1000}')"); done
    total=$(grep -o '"total":[0-9]*' "$WORK/answer.json" | cut -d: -f2)
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    printf '%-12s %8s %10s %10s\n' "$q" "$total" "${sorted[$((RUNS / 2))]}" "${sorted[$((RUNS - 1))]}"
done
# the list without search text (the customers panel's first view, then deeper pages), each page once: a page asked
# again can come from H2's cache of the last result, so every call here is a page of its own
printf '%-12s %8s %10s\n' offset total first_ms
for offset in 0 20 40 100000 199980; do
    t=$(curl -s -o "$WORK/answer.json" -w '%{time_total}' -u "admin:$COUNTYGRID_ADMIN_PASSWORD" \
        "http://127.0.0.1:8181/api/customers/accounts?offset=$offset&limit=20" | awk '{printf "%d", $1 * 1000}')
    printf '%-12s %8s %10s\n' "$offset" "$(grep -o '"total":[0-9]*' "$WORK/answer.json" | cut -d: -f2)" "$t"
done
printf '%-12s %8s %10s\n' area barcodes first_ms
for a in "${AREAS[@]}"; do
    t=$(curl -s -o "$WORK/answer.json" -w '%{time_total}' -u "admin:$COUNTYGRID_ADMIN_PASSWORD" \
        "http://127.0.0.1:8181/api/metering/areas/$a/topology" | awk '{printf "%d", $1 * 1000}')
    printf '%-12s %8s %10s\n' "$a" "$(grep -o '"barcode"' "$WORK/answer.json" | wc -l)" "$t"
done
node_stop
