#!/usr/bin/env bash
# Full-text search over the large data set (`quorate demo --scale large`:
# 100,000 papers, 20,000 decisions, 200,000 actions, 5,000 agenda items, all
# indexed): median and p95 of 200 searches each, as the public and as
# person0000 (author or sponsor of some of the papers, so they find those),
# for words that match one paper (one of theirs), two words that match a
# few hundred records, and a word in every paper. SQLite by
# default; DB_URL=postgres://postgres@127.0.0.1:5432/quorate_search (an
# empty database) for PostgreSQL. Loopback only; bounded in time.
#   bash benches/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x target/release/quorate ] || cargo build --release
PORT=${PORT:-8184}
DATA=$(mktemp -d)
export QUORATE_DATA_DIR="$DATA" QUORATE_BIND="127.0.0.1:$PORT" QUORATE_BASE_URL="http://127.0.0.1:$PORT" QUORATE_LOG=warn
if [ -n "${DB_URL:-}" ]; then export QUORATE_DATABASE_URL="$DB_URL"; fi
PID=""
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$DATA"' EXIT
echo "== loading the large data set"
/usr/bin/time -f "%e s, peak %M kB" target/release/quorate demo --reset --scale large --no-serve
TOKEN=$(target/release/quorate admin token --email person0000@large.example)
target/release/quorate serve --no-worker >"$DATA/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
timing() { # path [token]
  local auth=()
  [ -n "${2:-}" ] && auth=(-H "Authorization: Bearer $2")
  for _ in $(seq 1 200); do
    curl -s -o /dev/null -w '%{time_total}\n' "${auth[@]}" "http://127.0.0.1:$PORT$1"
  done | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, p95 %.1f ms, max %.1f ms\n", a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
}
for q in "q=Paper+400+meeting+0" "q=meeting+42" "q=proposal"; do
  echo "== /api/v1/search?$q&limit=20, public";  timing "/api/v1/search?$q&limit=20"
  echo "== /api/v1/search?$q&limit=20, person0000";  timing "/api/v1/search?$q&limit=20" "$TOKEN"
done
echo "== /search?q=meeting+42 (the page), public"; timing "/search?q=meeting+42"
