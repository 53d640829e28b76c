#!/usr/bin/env bash
# Benchmark: how many people per second can join the counselling line through the real page over HTTPS, and is the
# line still in order afterwards (numbers 1..N, each once)?
#   sqlite    (default) one instance on the embedded SQLite defaults (WAL, synchronous=FULL)
#   postgres  two instances on one PostgreSQL database (a throwaway cluster on loopback), each loaded by its own wrk
# Prints the figures. Loopback only; bounded in time.
# Usage: scripts/bench-counselling.sh [seconds] [connections] [sqlite|postgres]
set -euo pipefail
. "$(dirname "$0")/lib/example-municipality.sh"
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
engine=${3:-sqlite}

sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
command -v wrk >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk >/dev/null
if [ "$engine" = postgres ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql >/dev/null
fi

work=$(mktemp -d)
apps=()
pg_bin=""
cleanup() {
  for app in "${apps[@]}"; do kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; done
  if [ -n "$pg_bin" ]; then as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

dotnet publish src/Portal -c Release -o "$work/app" --nologo -v quiet >/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 -subj /CN=localhost 2>/dev/null

database=()
if [ "$engine" = postgres ]; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_port=$(free_port)
  mkdir -p "$work/pg"
  chmod 755 "$work"
  [ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$work/pg"
  as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c max_connections=200" start >/dev/null
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE bench" >/dev/null
  connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=bench;Maximum Pool Size=40"
  database=(Database__Provider=PostgreSQL "ConnectionStrings__Portal=$connection")
  instances=2
else
  instances=1
fi

ports=()
for index in $(seq 1 "$instances"); do
  port=$(free_port)
  ports+=("$port")
  env "${example_municipality[@]}" ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="https://127.0.0.1:$port" \
    Kestrel__Certificates__Default__Path="$work/cert.pem" \
    Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
    Security__HttpsPort="$port" \
    Portal__PublicBaseUrl="https://localhost:$port" \
    Database__DataFolder="$work/data$index" \
    Counselling__PermitsPerMinute=100000000 \
    Counselling__HousekeepingInterval=00:00:00 \
    Logging__LogLevel__Default=Warning \
    "${database[@]}" \
    dotnet "$work/app/Portal.dll" --contentRoot "$work/app" >"$work/app$index.log" 2>&1 &
  apps+=($!)
  # One at a time, so the first prepares the database and the second finds it ready.
  for _ in $(seq 1 150); do
    curl -ksf "https://127.0.0.1:$port/healthz/ready" >/dev/null 2>&1 && break
    sleep 0.2
  done
  curl -ksf "https://127.0.0.1:$port/healthz/ready" >/dev/null || { cat "$work/app$index.log"; exit 1; }
done

wrks=()
echo "Joining the counselling line for ${seconds}s with ${connections} connections on $instances instance(s), engine $engine (2 cores shared with wrk)..."
for index in $(seq 1 "$instances"); do
  port=${ports[$((index - 1))]}
  page=$(curl -ks -c "$work/jar$index" "https://127.0.0.1:$port/raadgivning")
  token=$(echo "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  cookie=$(awk '$6 ~ /Antiforgery/ { print $6 "=" $7 }' "$work/jar$index")
  BENCH_TOKEN=$token BENCH_COOKIE=$cookie wrk -t"$((2 / instances))" -c"$((connections / instances))" -d"${seconds}s" --latency -s bench/join.lua \
    "https://127.0.0.1:$port/raadgivning" >"$work/wrk$index.txt" &
  wrks+=($!)
done
for pid in "${wrks[@]}"; do wait "$pid"; done
cat "$work"/wrk*.txt

for app in "${apps[@]}"; do kill "$app"; wait "$app" 2>/dev/null || true; done
apps=()

if [ "$engine" = postgres ]; then
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d bench -At -F ' ' -c \
    'SELECT COUNT(*), MIN("QueueNumber"), MAX("QueueNumber"), COUNT(DISTINCT "QueueNumber"), SUM(CASE WHEN "LinePosition" <> "QueueNumber" THEN 1 ELSE 0 END) FROM "CounsellingRequests"' >"$work/line.txt"
else
  python3 - "$work/data1/portal.db" >"$work/line.txt" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*), MIN(QueueNumber), MAX(QueueNumber), COUNT(DISTINCT QueueNumber), SUM(LinePosition <> QueueNumber) FROM CounsellingRequests").fetchone()
print(" ".join(str(value or 0) for value in row))
PY
fi

python3 - "$work/line.txt" "$work"/wrk*.txt <<'PY'
import re, sys
count, low, high, distinct, misplaced = (int(value or 0) for value in open(sys.argv[1]).read().split())
rate = errors = 0
for name in sys.argv[2:]:
    text = open(name).read()
    rate += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors += int(found.group(1)) if found else 0
print(f"joins per second: {rate:.0f} (target 1000)")
print(f"requests stored: {count}; numbers {low}..{high}; distinct {distinct}; non-2xx/3xx responses: {errors}")
in_order = count > 0 and low == 1 and high == count and distinct == count and misplaced == 0
print("line in order: " + (f"yes, 1..{count} exactly once" if in_order else "NO"))
sys.exit(0 if in_order else 1)
PY
