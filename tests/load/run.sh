#!/usr/bin/env bash
# Load test on loopback: a fresh SQLite database with the demo, gunicorn on
# 127.0.0.1, locust headless for a bounded time; prints and writes p50/p95/errors.
#   tests/load/run.sh                      # 20 users, 60 s, demo of 600 people
#   USERS=50 DURATION=120s PEOPLE=3000 tests/load/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

USERS=${USERS:-20}
DURATION=${DURATION:-60s}
PEOPLE=${PEOPLE:-600}
PORT=${PORT:-8765}
WORKERS=${WORKERS:-3}
OUT=${OUT:-var/loadtest}
WORK=$(mktemp -d)
mkdir -p "$OUT"

export DATABASE_URL="sqlite:///$WORK/load.sqlite3"
export QSDP_MEDIA_ROOT="$WORK/media"
export QSDP_DEMO_PASSWORD=${QSDP_DEMO_PASSWORD:-"Tai-tai-$(date +%s)-Bac-Kan"}
PY=.venv/bin/python

cleanup() { [ -n "${SERVER:-}" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "==> demo database ($PEOPLE people) in $WORK"
$PY manage.py migrate -v0
$PY manage.py load_demo --people "$PEOPLE" >/dev/null
# An API token for the leader (the API's Bearer tokens), if the API is installed.
QSDP_LOAD_TOKEN=$($PY manage.py shell -v0 -c "
from qsdp.accounts.models import User
try:
    from qsdp.api.services import api_token_create
except ImportError:
    print('')
else:
    print(api_token_create(actor=User.objects.get(username='lanhdao.thanhpho'), name='load')[1])
" | tail -n1)
export QSDP_LOAD_TOKEN

echo "==> gunicorn ($WORKERS workers) on 127.0.0.1:$PORT"
.venv/bin/gunicorn config.wsgi -w "$WORKERS" -b "127.0.0.1:$PORT" --log-level warning &
SERVER=$!
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

echo "==> locust: $USERS users for $DURATION"
.venv/bin/locust -f tests/load/locustfile.py --headless --only-summary -u "$USERS" -r 5 \
    -t "$DURATION" --host "http://127.0.0.1:$PORT" --csv "$OUT/load" >"$OUT/locust.log" 2>&1 || true

$PY - "$OUT/load_stats.csv" "$USERS" "$DURATION" "$PEOPLE" <<'PYEOF' | tee "$OUT/summary.txt"
import csv, sys
path, users, duration, people = sys.argv[1:]
rows = list(csv.DictReader(open(path, encoding="utf-8")))
print(f"{users} users, {duration}, demo of {people} people, gunicorn on loopback")
print(f"{'request':40} {'count':>7} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7}")
for row in rows:
    print(f"{row['Name'][:40]:40} {row['Request Count']:>7} {row['Failure Count']:>5} "
          f"{row['50%']:>7} {row['95%']:>7}")
total = next(r for r in rows if r["Name"] == "Aggregated")
sys.exit(1 if int(total["Failure Count"]) else 0)
PYEOF
