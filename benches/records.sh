#!/usr/bin/env bash
# Follow-through figures on the large data set (`quorate demo --scale large`):
# the filtered actions tracker (p95), the follow-through aggregate for the
# largest body, the decisions register, and the CSV import rate. SQLite by default; set
# DB_URL=postgres://postgres@127.0.0.1:5432/quorate_bench (an empty database)
# to measure PostgreSQL. Loopback only; bounded in time.
#   bash benches/records.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x target/release/quorate ] || cargo build --release
PORT=${PORT:-8182}
DATA=$(mktemp -d)
export QUORATE_DATA_DIR="$DATA" QUORATE_BIND="127.0.0.1:$PORT" QUORATE_BASE_URL="http://127.0.0.1:$PORT" QUORATE_LOG=warn
if [ -n "${DB_URL:-}" ]; then export QUORATE_DATABASE_URL="$DB_URL"; fi
PID=""
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
echo "== loading the large data set"
/usr/bin/time -f "%e s, peak %M kB" target/release/quorate demo --scale large --no-serve
TOKEN=$(target/release/quorate admin token --email person0000@large.example)
target/release/quorate serve --no-worker >"$DATA/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
timing() {
  for _ in $(seq 1 200); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1"
  done | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, p95 %.1f ms, max %.1f ms\n", a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
}
echo "== tracker: one body's open actions";  timing "/api/v1/actions?body=large-00&status=open&limit=50"
echo "== tracker: one body's overdue actions"; timing "/api/v1/actions?body=large-07&overdue=true&limit=50"
echo "== tracker: one organisation, due within 30 days"; timing "/api/v1/actions?body=large-03&organisation=large-org-0000003&due_within_days=30&limit=50"
echo "== follow-through of the largest body"; timing "/api/v1/bodies/large-00/follow-through"
echo "== decisions register page, every body (500 rows)"; timing "/decisions"
echo "== decisions register API, one body, 100 rows"; timing "/api/v1/decisions?body=large-00&limit=100"
echo "== CSV import, 40,000 rows"
awk 'BEGIN { print "Action,Owner email,Due date,Status,Progress";
  for (i = 0; i < 40000; i++) printf "Imported action %d,person%04d@large.example,2027-%02d-%02d,%s,Note %d\n", i, i % 400, 1 + i % 12, 1 + i % 28, (i % 3 ? "Open" : "Done"), i }' > "$DATA/import.csv"
target/release/quorate import actions "$DATA/import.csv" --body large-01
