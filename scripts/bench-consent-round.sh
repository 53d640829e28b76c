#!/usr/bin/env bash
# Benchmark: what the consent reminder round costs an instance at start on a municipality's worth of consents. Fills a
# SQLite data folder through the portal's migrations and domain (bench/ConsentRound: CHILDREN children, two parents
# each, four consents each, every yes given on a day in the past year), then starts the published portal on it three
# times: the first start's round sends the reminders that are due, the second finds nothing new, the third has the
# rounds turned off. For each it prints the time to the first page, the peak resident memory (VmHWM) and the CPU the
# process used in its first 30 seconds, while the login page is fetched five times a second, and how many reminders the
# start sent; it stops each instance once their mail is out.
# Usage: scripts/bench-consent-round.sh [children]
set -euo pipefail
. "$(dirname "$0")/lib/example-municipality.sh"
cd "$(dirname "$0")/.."
children=${1:-20000}

work=$(mktemp -d)
app=""
cleanup() { [ -z "$app" ] || { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }
count() { python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$work/data/portal.db" "$1"; }

dotnet publish src/Portal -c Release -o "$work/app" --nologo -v quiet >/dev/null
began=$(now_ms)
dotnet run -c Release --project bench/ConsentRound -v quiet -- "$work/data" "$children"
echo "made in $(( ($(now_ms) - began) / 1000 )) s; the database file: $(du -m "$work/data/portal.db" | cut -f1) MB"

run() {
  local name=$1; shift
  local port; port=$(free_port)
  local base="http://127.0.0.1:$port"
  local before; before=$(count "SELECT COUNT(*) FROM ConsentReminders")
  began=$(now_ms)
  env "$@" "${example_municipality[@]}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 Portal__PublicBaseUrl="https://localhost:$port" \
    Database__DataFolder="$work/data" Logging__LogLevel__Default=Warning \
    dotnet "$work/app/Portal.dll" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
  app=$!
  until curl -sf -o /dev/null -H "X-Forwarded-Proto: https" "$base/Identity/Account/Login"; do
    kill -0 "$app" 2>/dev/null || { echo "$name: the portal stopped"; cat "$work/app.log"; return 1; }
    sleep 0.01
  done
  local first=$(( $(now_ms) - began ))
  local slowest=0
  while [ $(( $(now_ms) - began )) -lt 30000 ]; do
    local took; took=$(curl -sf -o /dev/null -w '%{time_total}' -H "X-Forwarded-Proto: https" "$base/Identity/Account/Login")
    slowest=$(python3 -c "print(max($slowest, round($took * 1000)))")
    sleep 0.2
  done
  local peak; peak=$(awk '$1 == "VmHWM:" { printf "%d", $2 / 1024 }' "/proc/$app/status")
  local cpu; cpu=$(awk -v tick="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / tick }' "/proc/$app/stat")
  # The reminders' mail goes out through the outbox (to a folder here); the next start begins once it has.
  local waited=30
  while [ "$(count "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL AND GaveUpAt IS NULL")" -gt 0 ] && [ $waited -lt 300 ]; do
    sleep 1; waited=$((waited + 1))
  done
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
  local reminded; reminded=$(count "SELECT COUNT(*) FROM ConsentReminders")
  printf '%-32s first page %5d ms, slowest login page after it %4d ms, peak RSS %4d MB, CPU in 30 s %5s s; reminders %5d new (mail out by %d s)\n' \
    "$name" "$first" "$slowest" "$peak" "$cpu" "$((reminded - before))" "$waited"
}

run "start, round sends what is due"
run "start again, nothing new is due"
run "start, rounds off" Portal__ConsentReminderInterval=00:00:00
