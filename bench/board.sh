#!/usr/bin/env bash
# Work order board benchmark: what a back-office clerk waits for when opening the metering panel's board in a county
# with years of work orders behind it. A fresh unpack of the distribution with countygrid-demo (meters and topology,
# no daily readings), stopped once the demo's meters are in; then ORDERS work orders of the office that holds the
# meters are written into its H2 file with H2's own shell (setup, not timed): 2 % cancelled, 500 under way
# (400 open, 100 suspended, one per account) and the rest completed, with the history steps and the four files
# (two photos, the signature, the form; 1 KB each, which the board never reads) of a completed order, given to 40
# field workers over three years — besides the demo county's own open orders (60 unassigned fault replacements since
# DemoStock; none in the runs of bench/README.md before it). Then the node is started again and each call is made RUNS times after one untimed
# call, median and slowest as curl's time_total:
#   - the board's four columns (GET /api/metering/orders?status=…&limit=50, what board.js asks for on opening),
#   - the next page of completed orders (…&before=<id of the 50th>, the column's "more" button),
#   - one worker's orders (…&worker=…, the board's worker filter).
# Usage: bench/board.sh [orders] [runs]   (build first: mvn -B install -DskipTests)
set -euo pipefail
ORDERS=${1:-60000}
RUNS=${2:-5}
WORK="$(cd "$(dirname "$0")" && pwd)/target/board"
export COUNTYGRID_ADMIN_PASSWORD=${COUNTYGRID_ADMIN_PASSWORD:-bench-$(date +%s)}
unset EXTRA_JAVA_OPTS
H2_JAR=$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
. "$(dirname "$0")/demo-node.sh"

demo_node_unpack "$WORK" 0
"$H/bin/start"
await_demo_meters
node_stop

sql() { java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$H/data/h2/countygrid" -user countygrid -password '' -sql "$1"; }
OFFICE=$(sql "SELECT office FROM mtr_meter WHERE account_number IS NOT NULL GROUP BY office ORDER BY COUNT(*) DESC LIMIT 1" \
    | sed -n 2p | tr -d ' ')
echo "office $OFFICE: writing $ORDERS work orders"
start=$(date +%s)
sql "INSERT INTO mtr_work_order (office, type, status, account_number, active_account, address, area_code, worker,
       old_meter, new_meter, final_total, created_at, created_by, completed_at, signed_by, version)
     SELECT m.office, CASE MOD(r.x, 10) WHEN 0 THEN 'INSTALL' WHEN 1 THEN 'REMOVE' ELSE 'REPLACE' END,
       CASE WHEN r.x > $ORDERS - 500 THEN CASE WHEN MOD(r.x, 5) = 0 THEN 'SUSPENDED' ELSE 'OPEN' END
            WHEN MOD(r.x, 50) = 0 THEN 'CANCELLED' ELSE 'COMPLETED' END,
       m.account_number, CASE WHEN r.x > $ORDERS - 500 THEN m.account_number END, '示范路 ' || r.x || ' 号', NULL,
       'field' || LPAD(CAST(MOD(r.x, 40) + 1 AS VARCHAR), 2, '0'),
       CASE WHEN MOD(r.x, 10) <> 0 THEN m.barcode END, CASE WHEN MOD(r.x, 10) NOT IN (1) THEN m.barcode END,
       CASE WHEN MOD(r.x, 10) <> 0 THEN 1000 * r.x END,
       DATEADD(MINUTE, r.x * 26, TIMESTAMP '2023-11-01 08:00:00'), 'clerk',
       CASE WHEN r.x <= $ORDERS - 500 AND MOD(r.x, 50) <> 0 THEN DATEADD(MINUTE, r.x * 26 + 180, TIMESTAMP '2023-11-01 08:00:00') END,
       CASE WHEN r.x <= $ORDERS - 500 AND MOD(r.x, 50) <> 0 THEN '户主' END, 3
     FROM (SELECT office, account_number, barcode, ROW_NUMBER() OVER (ORDER BY id) AS rn FROM mtr_meter
           WHERE account_number IS NOT NULL) m JOIN SYSTEM_RANGE(1, $ORDERS) r ON m.rn = r.x;
     INSERT INTO mtr_work_order_step (office, order_id, action, actor, happened_at, note)
     SELECT o.office, o.id, a.action, CASE WHEN a.n = 1 THEN 'clerk' ELSE o.worker END,
       DATEADD(MINUTE, a.n * 20, o.created_at), CASE WHEN a.n = 1 THEN '新建工单' END
     FROM mtr_work_order o JOIN (VALUES (1, 'created'), (2, 'meter-scanned'), (3, 'final-readings'),
       (4, 'infrared-reading'), (5, 'photo'), (6, 'photo'), (7, 'signed'), (8, 'completed'), (9, 'cancelled')) a(n, action)
       ON a.n = 1 OR o.status = 'COMPLETED' AND a.n BETWEEN 2 AND 8 OR o.status = 'CANCELLED' AND a.n = 9
          OR o.status IN ('OPEN', 'SUSPENDED') AND a.n = 2;
     INSERT INTO mtr_order_file (office, order_id, kind, barcode, meter_key, content_type, size_bytes, sha256, content,
       created_by, created_at)
     SELECT o.office, o.id, f.kind, CASE WHEN f.kind LIKE '%PHOTO' THEN o.new_meter END,
       CASE WHEN f.kind LIKE '%PHOTO' THEN COALESCE(o.new_meter, '') ELSE '' END, f.type, 1024,
       LPAD(TO_CHAR(o.id), 60, '0') || f.suffix, CAST(REPEAT('ab', 512) AS VARBINARY), o.worker, o.completed_at
     FROM mtr_work_order o JOIN (VALUES ('OLD_METER_PHOTO', 'image/jpeg', '0001'), ('NEW_METER_PHOTO', 'image/jpeg', '0002'),
       ('SIGNATURE', 'image/png', '0003'), ('FORM', 'application/pdf', '0004')) f(kind, type, suffix)
       ON o.status = 'COMPLETED'" > /dev/null
echo "written in $(( $(date +%s) - start )) s:" \
    "$(sql "SELECT status || ' ' || COUNT(*) FROM mtr_work_order GROUP BY status ORDER BY status" | sed -n '2,5p' | tr '\n' ' ')"

"$H/bin/start"
until curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8181/api/health 2>/dev/null | grep -q 200; do sleep 1; done
sleep 10   # the start's stragglers

timed() {   # label, url: untimed call, then RUNS timed calls; median and slowest, total of the answer
    local label=$1 url=$2 times=() sorted
    curl -s -o "$WORK/answer.json" -u "admin:$COUNTYGRID_ADMIN_PASSWORD" "$url" > /dev/null
    for _ in $(seq 1 "$RUNS"); do
        times+=("$(curl -s -o "$WORK/answer.json" -w '%{time_total}' -u "admin:$COUNTYGRID_ADMIN_PASSWORD" "$url" \
            | awk '{printf "%d", $1 * 1000}')")
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    printf '%-34s %8s %8s %10s %10s\n' "$label" "$(grep -o '"total":[0-9]*' "$WORK/answer.json" | cut -d: -f2)" \
        "$(grep -o '"id":[0-9]*,"type"' "$WORK/answer.json" | wc -l)" "${sorted[$((RUNS / 2))]}" "${sorted[$((RUNS - 1))]}"
}
API=http://127.0.0.1:8181/api/metering/orders
printf '%-34s %8s %8s %10s %10s\n' call total cards median_ms slowest_ms
for status in OPEN SUSPENDED COMPLETED CANCELLED; do timed "board column $status" "$API?status=$status&limit=50"; done
curl -s -o "$WORK/answer.json" -u "admin:$COUNTYGRID_ADMIN_PASSWORD" "$API?status=COMPLETED&limit=50"
last=$(grep -o '"id":[0-9]*,"type"' "$WORK/answer.json" | tail -1 | grep -o '[0-9]*')
timed "COMPLETED, next page (more)" "$API?status=COMPLETED&limit=50&before=$last"
timed "OPEN of worker field07" "$API?status=OPEN&worker=field07&limit=50"
timed "COMPLETED of worker field07" "$API?status=COMPLETED&worker=field07&limit=50"
node_stop
