#!/usr/bin/env bash
# HTTP load and memory figures for docs/performance.md, all in one run.
# Needs wrk (apt-get install wrk). Loopback only; bounded in time.
#   bash benches/load.sh            # uses target/release/quorate (built if missing)
#   SERVER_BIN=/path/to/quorate bash benches/load.sh   # another build
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
BIN=${SERVER_BIN:-target/release/quorate}
[ -x "$BIN" ] || cargo build --release
PORT=${PORT:-8181}
DATA=$(mktemp -d)
export QUORATE_DATA_DIR="$DATA" QUORATE_BIND="127.0.0.1:$PORT" QUORATE_BASE_URL="http://127.0.0.1:$PORT" QUORATE_LOG=warn
"$BIN" demo >"$DATA/demo.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$PID/status"; }
sleep 2
echo "idle RSS after start: $(rss)"
# The demo's past Board meeting has a published agenda: its public page.
AGENDA=$(curl -sf "http://127.0.0.1:$PORT/bodies/northshire-psb/feed.atom" | grep -o '/meetings/[^"<]*/agenda/versions/1' | head -1)
MEETING=$(echo "$AGENDA" | cut -d/ -f3)
for path in /healthz /bodies/northshire-psb /api/v1/bodies/northshire-psb "$AGENDA" /bodies/northshire-psb/meetings.ics; do
  echo "== $path"
  wrk -t2 -c50 -d10s "http://127.0.0.1:$PORT$path" | grep -E 'Requests/sec|Latency|Non-2xx'
done
echo "RSS after load: $(rss)"
echo "== print pack /meetings/$MEETING/pack, 10 in a row"
for _ in $(seq 1 10); do curl -sf -o /dev/null -w '%{time_total}s ' "http://127.0.0.1:$PORT/meetings/$MEETING/pack"; done; echo
echo "RSS after 10 packs: $(rss)"
sleep 5
echo "RSS 5 s after load: $(rss)"
