#!/usr/bin/env bash
# Dynamic pages against /healthz, all in one run: requests per second (wrk
# -t2 -c50 for 10 s), the ratio to /healthz, p99 latency, and the server's
# peak RSS after each path. Public pages and API lists as the public;
# signed-in pages with a member's session cookie, seen again (kept for the
# session) and seen first (rendered). Needs wrk. Loopback only;
# bounded in time (about 20 paths x 10 s).
#   bash benches/pages.sh                         # SQLite, demo data
#   DB_URL=postgres://postgres@127.0.0.1:5432/quorate_pages bash benches/pages.sh
#   SECONDS_EACH=5 bash benches/pages.sh          # shorter runs
#   SERVER_BIN=/tmp/quorate-before bash benches/pages.sh   # another build, for before and after
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
BIN=${SERVER_BIN:-target/release/quorate}
[ -x "$BIN" ] || cargo build --release
PORT=${PORT:-8183}
EACH=${SECONDS_EACH:-10}
DATA=$(mktemp -d)
export QUORATE_DATA_DIR="$DATA" QUORATE_BIND="127.0.0.1:$PORT" QUORATE_BASE_URL="http://127.0.0.1:$PORT" QUORATE_LOG=warn
if [ -n "${DB_URL:-}" ]; then export QUORATE_DATABASE_URL="$DB_URL"; fi
BASE="http://127.0.0.1:$PORT"
"$BIN" demo --reset >"$DATA/demo.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 150); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done

# A member's session: the login form's token and cookie, then the POST.
JAR="$DATA/cookies"
TOKEN=$(curl -sf -c "$JAR" "$BASE/login" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -sf -b "$JAR" -c "$JAR" -o /dev/null -H "Origin: $BASE" \
  --data-urlencode "csrf_token=$TOKEN" --data-urlencode "email=priya.shah@ashby.example" \
  --data-urlencode "password=northshire-demo" "$BASE/login"
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '$0 !~ /^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')
curl -sf -o /dev/null -H "Cookie: $COOKIE" "$BASE/my/actions" || { echo "the member's session did not work" >&2; exit 1; }

# The demo's meetings: the last one held (agenda published, decisions
# taken) and the next one to come (agenda not yet published).
MEETINGS=$(curl -sf "$BASE/api/v1/bodies/northshire-psb/meetings")
PAST=$(echo "$MEETINGS" | python3 -c 'import json,sys; print(next(m["id"] for m in json.load(sys.stdin) if m["minutes_url"] or m["agenda_version"]))')
NEXT=$(echo "$MEETINGS" | python3 -c 'import json,sys; print([m["id"] for m in json.load(sys.stdin) if not m["agenda_version"]][-1])')

peak() { awk '/VmHWM/ {print $2}' "/proc/$PID/status"; }
BASELINE=""
printf '| path | who | req/s | ratio to /healthz | p99 | peak RSS |\n|---|---|--:|--:|--:|--:|\n'
# The member's API token, for the API as a client program uses it.
API_TOKEN=$("$BIN" admin token --email priya.shah@ashby.example 2>/dev/null | tail -1)

measure() { # path who [cookie, or "token"] [fresh]
  local out rate p99
  local args=(-t2 -c50 -d"${EACH}s" --latency)
  if [ "${3:-}" = token ]; then
    args+=(-H "Authorization: Bearer $API_TOKEN")
  elif [ -n "${3:-}" ]; then
    args+=(-H "Cookie: $3")
  fi
  # A conditional request is never answered from the kept pages: each one
  # is rendered, as a first view is.
  [ -n "${4:-}" ] && args+=(-H 'If-None-Match: "first-view"')
  out=$(wrk "${args[@]}" "$BASE$1")
  if echo "$out" | grep -q 'Non-2xx'; then echo "$1 answered errors:" >&2; echo "$out" >&2; fi
  rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  [ -z "$BASELINE" ] && BASELINE=$rate
  printf '| `%s` | %s | %.0f | %.2f | %s | %d MB |\n' "$1" "$2" "$rate" "$(awk -v a="$rate" -v b="$BASELINE" 'BEGIN {print a / b}')" "$p99" "$(( $(peak) / 1024 ))"
}
measure /healthz public
measure "/meetings/$PAST" public
measure "/meetings/$NEXT" public
measure /bodies/northshire-psb public
measure / public
measure /decisions public
measure "/search?q=memory+cafes" public
measure /outcomes public
measure /bodies/northshire-psb/forward-plan public
measure /bodies/northshire-psb/follow-through public
measure /bodies/northshire-psb/meetings.ics public
measure /api/v1/decisions public
measure "/api/v1/search?q=memory+cafes" public
measure /api/v1/bodies/northshire-psb/meetings public
measure / member "$COOKIE"
measure /my/actions member "$COOKIE"
measure "/actions?body=northshire-psb" member "$COOKIE"
measure "/meetings/$NEXT" member "$COOKIE"
# The same pages seen for the first time (not kept): rendered each time.
measure / "member, first view" "$COOKIE" fresh
measure /my/actions "member, first view" "$COOKIE" fresh
measure "/actions?body=northshire-psb" "member, first view" "$COOKIE" fresh
measure "/meetings/$NEXT" "member, first view" "$COOKIE" fresh
measure "/api/v1/actions?body=northshire-psb" "member's API token" token
measure "/api/v1/actions?body=northshire-psb" "member's API token, first view" token fresh
