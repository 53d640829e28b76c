#!/usr/bin/env bash
# Benchmark: the server's memory and speed under each garbage-collector setting, on the published portal over HTTPS
# with the demo data. For each setting: start, log in as the demo parent, crawl the family's pages, read the resident
# memory (RSS), then load the plan page with wrk and read the peak RSS (VmHWM) and requests/s. Prints one line each.
# Usage: scripts/bench-memory.sh [seconds] [connections]
set -euo pipefail
. "$(dirname "$0")/lib/example-municipality.sh"
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-16}
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"; DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk >/dev/null; }

work=$(mktemp -d)
app=""
cleanup() { [ -z "$app" ] || { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
rss() { awk -v key="$2" '$1 == key":" { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

dotnet publish src/Portal -c Release -o "$work/app" --nologo -v quiet >/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 1 -subj /CN=localhost 2>/dev/null

run() {
  local name=$1; shift
  local port; port=$(free_port)
  rm -rf "$work/data" "$work/jar"
  env "$@" "${example_municipality[@]}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="https://127.0.0.1:$port" \
    Kestrel__Certificates__Default__Path="$work/cert.pem" Kestrel__Certificates__Default__KeyPath="$work/key.pem" \
    Security__HttpsPort="$port" Portal__PublicBaseUrl="https://localhost:$port" Portal__SeedDemoData=true \
    Database__DataFolder="$work/data" RateLimits__AccountPermitsPerMinute=100000 Logging__LogLevel__Default=Warning \
    dotnet "$work/app/Portal.dll" --contentRoot "$work/app" >"$work/app.log" 2>&1 &
  app=$!
  local base="https://127.0.0.1:$port"
  for _ in $(seq 1 150); do curl -ksf "$base/healthz/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  local started; started=$(rss "$app" VmRSS)

  local token
  token=$(curl -ks -c "$work/jar" "$base/Identity/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  curl -ks -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "Input.Email=sofie@demo.familieportalen.dk" \
    --data-urlencode "Input.Password=Blaabaer-Cykel-Hjem-42" --data-urlencode "__RequestVerificationToken=$token" "$base/Identity/Account/Login"
  local plan; plan=$(curl -ks -b "$work/jar" "$base/" | grep -o 'href="/plan/[^"]*"' | head -n 1 | sed 's/href="//; s/"$//')
  [ -n "$plan" ] || { echo "$name: could not log in"; cat "$work/app.log"; return 1; }
  for _ in $(seq 1 20); do
    for page in / "$plan" "${plan/plan/samtykke}" /mine-data; do curl -ks -b "$work/jar" -o /dev/null "$base$page"; done
  done
  local crawled; crawled=$(rss "$app" VmRSS)
  local cookie; cookie=$(awk '$6 ~ /Familieportalen/ { print $6 "=" $7 }' "$work/jar" | paste -sd ';' -)
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "$base$plan" >"$work/wrk.txt"
  local peak; peak=$(rss "$app" VmHWM)
  local rate; rate=$(awk '/Requests\/sec/ { printf "%d", $2 }' "$work/wrk.txt")
  local p99; p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
  local bad; bad=$(awk '/Non-2xx/ { print $5 }' "$work/wrk.txt")
  printf '%-34s RSS started %4s MB, after crawl %4s MB, peak under load %4s MB; plan page %5s req/s, p99 %s%s\n' \
    "$name" "$started" "$crawled" "$peak" "$rate" "$p99" "${bad:+, $bad non-2xx}"
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
}

echo "Plan page as the demo parent, ${seconds}s, ${connections} connections, wrk on the same 2 cores:"
run "server GC (ASP.NET default)" DOTNET_gcServer=1
run "server GC without DATAS" DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0
run "workstation GC, concurrent" DOTNET_gcServer=0
run "workstation GC, not concurrent" DOTNET_gcServer=0 DOTNET_gcConcurrent=0
