#!/usr/bin/env bash
# Benchmark: how many people per second can join the counselling line, on the embedded SQLite defaults
# (WAL, synchronous=FULL), through the real page over HTTPS, and is the line still in order afterwards?
# Prints the figures. Loopback only; bounded in time. Usage: scripts/bench-counselling.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk >/dev/null
fi

work=$(mktemp -d)
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

dotnet publish src/Portal -c Release -o "$work/app" --nologo -v quiet >/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 -subj /CN=localhost 2>/dev/null

ASPNETCORE_ENVIRONMENT=Production \
ASPNETCORE_URLS="https://127.0.0.1:$port" \
Kestrel__Certificates__Default__Path="$work/cert.pem" \
Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
Security__HttpsPort="$port" \
Database__DataFolder="$work/data" \
Counselling__PermitsPerMinute=100000000 \
Counselling__HousekeepingInterval=00:00:00 \
Logging__LogLevel__Default=Warning \
  dotnet "$work/app/Portal.dll" >"$work/app.log" 2>&1 &
app=$!

for _ in $(seq 1 100); do
  curl -ksf "https://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

page=$(curl -ks -c "$work/jar" "https://127.0.0.1:$port/raadgivning")
export BENCH_TOKEN
BENCH_TOKEN=$(echo "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
export BENCH_COOKIE
BENCH_COOKIE=$(awk '$6 ~ /Antiforgery/ { print $6 "=" $7 }' "$work/jar")

echo "Joining the counselling line for ${seconds}s with ${connections} connections (2 wrk threads, 2 cores shared with the portal)..."
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/join.lua "https://127.0.0.1:$port/raadgivning" | tee "$work/wrk.txt"

kill "$app"; wait "$app" 2>/dev/null || true
python3 - "$work/data/portal.db" "$work/wrk.txt" <<'PY'
import re, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
count, low, high, distinct = db.execute("SELECT COUNT(*), MIN(QueueNumber), MAX(QueueNumber), COUNT(DISTINCT QueueNumber) FROM CounsellingRequests").fetchone()
lines = db.execute("SELECT COUNT(*) FROM CounsellingRequests WHERE LinePosition <> QueueNumber").fetchone()[0]
wrk = open(sys.argv[2]).read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", wrk).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
print(f"joins per second: {rate:.0f} (target 1000)")
print(f"requests stored: {count}; numbers {low}..{high}; distinct {distinct}; non-2xx/3xx responses: {errors.group(1) if errors else 0}")
in_order = count > 0 and low == 1 and high == count and distinct == count and lines == 0
print("line in order: " + ("yes, 1.." + str(count) + " exactly once" if in_order else "NO"))
sys.exit(0 if in_order else 1)
PY
