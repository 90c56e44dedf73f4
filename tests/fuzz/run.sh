#!/usr/bin/env bash
# API fuzzing with schemathesis (from PyPI) against the demo, on the database
# at $1 (a sqlite:// or postgres:// URL; default: SQLite in a temp folder).
# Runs as the public and as the Board's secretariat, each with a fixed seed
# and a time budget (FUZZ_SECONDS, default 100), and fails on any
# 5xx, any status code or content type the OpenAPI document does not
# declare, and any response that does not match its declared schema.
#
#   tests/fuzz/run.sh                      # SQLite
#   tests/fuzz/run.sh postgres://postgres@127.0.0.1:5432/postgres
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_EACH="${FUZZ_SECONDS:-100}"
VENV=target/fuzz-venv
BIN=target/debug/quorate
PORT="${FUZZ_PORT:-18181}"
[ -x "$BIN" ] || cargo build --bin quorate
if ! [ -x "$VENV/bin/schemathesis" ]; then
  echo "== installing schemathesis into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==4.32.5"
fi

DATA="$(mktemp -d)"
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$DATA"' EXIT
DB_URL="${1:-sqlite://$DATA/quorate.db}"
if [[ "$DB_URL" == postgres* ]]; then
  # A database of its own, made afresh.
  ADMIN_URL="$DB_URL"
  NAME="quorate_fuzz_$$"
  psql -q "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $NAME" -c "CREATE DATABASE $NAME"
  DB_URL="${ADMIN_URL%/*}/$NAME"
  trap 'kill "${SERVER:-0}" 2>/dev/null || true; sleep 1; psql -q "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $NAME WITH (FORCE)" || true; rm -rf "$DATA"' EXIT
fi
export QUORATE_DATABASE_URL="$DB_URL" QUORATE_DATA_DIR="$DATA" \
  QUORATE_BASE_URL="http://127.0.0.1:$PORT" QUORATE_LOG=warn

# Whether the server answers /healthz (bash's own sockets: no curl needed).
healthy() {
  { exec 3<>"/dev/tcp/127.0.0.1/$PORT" \
    && printf 'GET /healthz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 \
    && grep -q '"status":"ok"' <&3; } 2>/dev/null
  local ok=$?
  exec 3>&- 3<&- 2>/dev/null || true
  return $ok
}

"$BIN" demo --bind "127.0.0.1:$PORT" >"$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do
  healthy && break
  sleep 1
done
healthy || { cat "$DATA/server.log"; exit 1; }
TOKEN="$("$BIN" admin token --email sam.clarke@northshire.example | tail -n 1)"

status=0
for who in public secretariat; do
  auth=()
  [ "$who" = secretariat ] && auth=(-H "Authorization: Bearer $TOKEN")
  echo "== schemathesis as $who on ${DB_URL%%:*} (seed 1, ${SECONDS_EACH}s)"
  "$VENV/bin/schemathesis" run "http://127.0.0.1:$PORT/api/v1/openapi.json" "${auth[@]}" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing --seed 1 -n 25 --max-time "$SECONDS_EACH" \
    --workers 1 --no-color --warnings off >"$DATA/fuzz-$who.txt" 2>&1 || status=1
  grep -E "^ +[0-9]+ generated|Tested:|^Seed|Errors:|Failures:" "$DATA/fuzz-$who.txt" | cut -c1-200 | tail -n 6
  if [ $status -ne 0 ]; then
    sed -n '/FAILURES/,$p' "$DATA/fuzz-$who.txt" | cut -c1-300 | head -n 200
  fi
done
if grep -qE "panicked|internal error" "$DATA/server.log"; then
  echo "the server logged an internal error while fuzzed:"
  grep -E "panicked|internal error" "$DATA/server.log" | head -n 20
  status=1
fi
exit $status
