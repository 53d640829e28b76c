#!/usr/bin/env bash
# The portal's speed, in one run, the way #11 asks for it. Starts the published portal (Release, Production settings,
# SQLite, demo data) on loopback as it runs behind the TLS proxy: plain http from a trusted proxy address with
# X-Forwarded-Proto: https, so the figures are the portal's own and not TLS's. Logs in as the demo parent through the
# real login form, runs Lighthouse (mobile) on the start, plan, consent and counselling pages, then measures with wrk
# (greatest rate) and hey (latency at a fixed 100 requests/s, one every 10 ms, and the same rate in bursts of ten): a
# static file (the fingerprinted site.css, without and with the login cookie a signed-in browser sends with it), the
# start page and a plan page; then, as writes change what those pages show, a consent given and withdrawn and joining the
# counselling line; each against the static file. Then checks that the line is in order, reads the server's memory,
# compares the joins with a plain SQLite commit loop on the same disk and times a cold start. While the plan page is
# loaded, dotnet-counters follows the garbage collector (how often it ran, how long it paused the process). Last, it
# measures the floor the same way: bench/Floor, the least a signed-in page on the same stack does (its static file and
# its page, its memory and its collector), so each target can be read against what the stack itself reaches on this
# machine. Installs wrk, hey and Chromium (Debian), Lighthouse (npm, pinned in bench/lighthouse) and dotnet-counters
# (dotnet-tools.json) when missing. Loopback only; every load is bounded in time.
# Usage: bench/run.sh [seconds per load] [connections]      BENCH_LIGHTHOUSE=0 skips Lighthouse, BENCH_FLOOR=0 the floor.
# The portal and the floor inherit the environment, so a runtime setting can be tried on both, for example
# DOTNET_GCgen0size=0x1000000 bench/run.sh (see README, Performance).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/example-municipality.sh
seconds=${1:-10}
connections=${2:-16}
lighthouse=${BENCH_LIGHTHOUSE:-1}
floor=${BENCH_FLOOR:-1}

sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v hey >/dev/null || missing+=(hey)
[ "$lighthouse" = 0 ] || command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null
fi
dotnet tool restore >/dev/null
if [ "$lighthouse" != 0 ]; then
  npm ci --prefix bench/lighthouse --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
fi

work=$(mktemp -d)
app=""
stop_app() { [ -z "$app" ] || { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; app=""; }
trap 'stop_app; rm -rf "$work"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
rss() { awk -v key="$1:" '$1 == key { printf "%d", $2 / 1024 }' "/proc/$app/status"; }
now_ms() { date +%s%3N; }

echo "Publishing (Release, ahead-of-time compiled for linux-x64)..."
dotnet publish src/Portal -c Release -r linux-x64 --self-contained false -o "$work/app" --nologo -v quiet >/dev/null
[ "$floor" = 0 ] || dotnet publish bench/Floor -c Release -r linux-x64 --self-contained false -o "$work/floor" --nologo -v quiet >/dev/null
port=$(free_port)
base="http://localhost:$port"
proxied=(-H "X-Forwarded-Proto: https" -H "X-Forwarded-For: 198.51.100.7")

# Waits up to 15 s for an address to answer (curl's arguments), as a program just launched starts listening.
wait_for() {
  for _ in $(seq 1 1500); do
    curl -sf -o /dev/null "$@" && return 0
    sleep 0.01
  done
  return 1
}

# Starts the portal and waits for the login page; startup_ms is the time from launch to that first page.
startup_ms=0
start_app() {
  local began; began=$(now_ms)
  env "${example_municipality[@]}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 Portal__PublicBaseUrl="https://localhost:$port" Portal__SeedDemoData=true \
    Database__DataFolder="$work/data" RateLimits__AccountPermitsPerMinute=100000000 RateLimits__LinkPermitsPerMinute=100000000 \
    Counselling__PermitsPerMinute=100000000 Logging__LogLevel__Default=Warning \
    dotnet "$work/app/Portal.dll" --contentRoot "$work/app" >>"$work/app.log" 2>&1 &
  app=$!
  if wait_for "${proxied[@]}" "$base/Identity/Account/Login"; then
    startup_ms=$(($(now_ms) - began))
    return 0
  fi
  cat "$work/app.log" >&2
  return 1
}

# The cookies a response set, as one Cookie header (the later value of a name wins).
cookies_from() { python3 - "$@" <<'PY'
import sys
jar = {}
for name in sys.argv[1:]:
    for line in open(name, encoding="latin-1"):
        if line.lower().startswith("set-cookie:"):
            pair = line.split(":", 1)[1].strip().split(";", 1)[0]
            key, _, value = pair.partition("=")
            if value:
                jar[key] = value
            else:
                jar.pop(key, None)
print("; ".join(f"{key}={value}" for key, value in jar.items()))
PY
}
token_in() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$1" | head -n 1 | sed 's/.*value="//; s/"$//'; }

echo "Starting the portal on a new database (migrations and demo data)..."
start_app
first_start=$startup_ms
stop_app
restarts=()
for _ in 1 2 3; do start_app; restarts+=("$startup_ms"); stop_app; done
start_app
rss_started=$(rss VmRSS)

# Log in as the demo parent through the real form.
curl -s "${proxied[@]}" -D "$work/h1" -o "$work/login.html" "$base/Identity/Account/Login"
curl -s "${proxied[@]}" -D "$work/h2" -o /dev/null -H "Cookie: $(cookies_from "$work/h1")" \
  --data-urlencode "Input.Email=sofie@demo.familieportalen.dk" --data-urlencode "Input.Password=Blaabaer-Cykel-Hjem-42" \
  --data-urlencode "__RequestVerificationToken=$(token_in "$work/login.html")" "$base/Identity/Account/Login"
cookie=$(cookies_from "$work/h1" "$work/h2")
signed_in=(-H "Cookie: $cookie")
curl -s "${proxied[@]}" "${signed_in[@]}" -o "$work/start.html" "$base/"
plan=$(grep -o 'href="/plan/[^"/]*"' "$work/start.html" | tail -n 1 | sed 's/href="//; s/"$//')
[ -n "$plan" ] || { echo "Could not log in as the demo parent." >&2; cat "$work/app.log" >&2; exit 1; }
consents=${plan/plan/samtykke}
static=$(grep -o 'href="/css/site[^"]*\.css"' "$work/start.html" | sed 's/href="//; s/"$//')

# A consent the parent can give and withdraw: the first "give" on the youngest child's consent page.
curl -s "${proxied[@]}" "${signed_in[@]}" -o "$work/consents.html" "$base$consents"
give=$(grep -o 'href="/samtykke/[^"]*/giv"' "$work/consents.html" | head -n 1 | sed 's/href="//; s/"$//')
curl -s "${proxied[@]}" "${signed_in[@]}" -D "$work/h3" -o "$work/give.html" "$base$give"
consent_cookie="$cookie; $(cookies_from "$work/h3")"
consent_token=$(token_in "$work/give.html")

# The anonymous counselling form, as a visitor's browser has it.
curl -s "${proxied[@]}" -D "$work/h4" -o "$work/counselling.html" "$base/raadgivning"
join_cookie=$(cookies_from "$work/h4")
join_token=$(token_in "$work/counselling.html")

# A short crawl of the family's pages, then the memory after it.
for _ in $(seq 1 20); do
  for page in / "$plan" "$consents" /mine-data; do curl -s -o /dev/null "${proxied[@]}" "${signed_in[@]}" "$base$page"; done
done
rss_crawled=$(rss VmRSS)

lighthouse_report=""
if [ "$lighthouse" != 0 ]; then
  echo "Lighthouse (mobile) on the start, plan, consent and counselling pages, before any load changes the data..."
  python3 -c 'import json, sys; print(json.dumps({"Cookie": sys.argv[1], "X-Forwarded-Proto": "https"}))' "$cookie" >"$work/signed-in.json"
  echo '{"X-Forwarded-Proto": "https"}' >"$work/anonymous.json"
  for page in "start /" "plan $plan" "consent $consents" "counselling /raadgivning"; do
    set -- $page
    headers="$work/signed-in.json"; [ "$1" = counselling ] && headers="$work/anonymous.json"
    # Lighthouse now and then fails to record a trace (NO_NAVSTART); such a run is tried again, up to three times.
    for attempt in 1 2 3; do
      CHROME_PATH=$(command -v chromium) node bench/lighthouse/node_modules/lighthouse/cli/index.js "$base$2" --quiet \
        --only-categories=performance,accessibility --extra-headers="$headers" --output=json --output-path="$work/lh-$1.json" \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>"$work/lh-$1.log" || true
      python3 -c 'import json, sys; sys.exit(0 if "runtimeError" not in json.load(open(sys.argv[1])) else 1)' "$work/lh-$1.json" 2>/dev/null && break
      [ "$attempt" -lt 3 ] || { echo "Lighthouse failed on $2:" >&2; cat "$work/lh-$1.log" >&2; exit 1; }
    done
  done
  lighthouse_report="$work/lh-"
fi

cat >"$work/consent.lua" <<EOF
-- Gives and withdraws the same consent, turn about, as one parent's browser would.
local paths = { "$give", "${give%/giv}/traek-tilbage" }
local turn = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$consent_cookie"
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.body = "__RequestVerificationToken=$consent_token"
request = function()
  turn = turn + 1
  return wrk.format(nil, paths[turn % 2 + 1])
end
EOF
cat >"$work/join.lua" <<EOF
-- Every request joins the counselling line with the same antiforgery pair, as one browser would.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$join_cookie"
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.body = "__RequestVerificationToken=$join_token&Input.Topic=Grief&Input.Form=Either"
EOF

# name, then wrk's arguments after the connection settings
load() {
  local name=$1; shift
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" >"$work/wrk-$name.txt"
}
# A fixed 100 requests/s, one every 10 ms from one connection: the latency a page has at that rate. hey sends on a
# ticker and skips a tick while a response is late, so the rate it reports shows whether the pace held.
steady() {
  local name=$1; shift
  hey -z "${seconds}s" -c 1 -q 100 "$@" >"$work/hey-$name.txt"
}
# The same 100 requests/s as ten connections at 10/s each: hey starts their tickers together, so ten requests arrive at
# once, ten times a second, and the last of them waits for the nine before it.
bursts() {
  local name=$1; shift
  hey -z "${seconds}s" -c 10 -q 10 "$@" >"$work/hey-bursts-$name.txt"
}
# Runs a load (the arguments) while dotnet-counters (a local tool, dotnet-tools.json) samples the process every second;
# the report sums its rates: the collections of each generation, the time the process was paused for them, bytes
# allocated. It attaches a second before the load and stops two after, when the rates are about nothing.
with_collector() {
  local name=$1; shift
  local span=$((seconds + 3))
  dotnet tool run dotnet-counters collect -p "$app" --counters System.Runtime --format csv -o "$work/gc-$name.csv" \
    --refresh-interval 1 --duration "$(printf '00:00:%02d:%02d' $((span / 60)) $((span % 60)))" </dev/null >/dev/null 2>&1 &
  local counters=$!
  sleep 1
  "$@"
  wait "$counters" || { echo "dotnet-counters could not follow the process." >&2; exit 1; }
}
# The runtime compiles a method again, optimised, after its first calls: a static file measured cold was half as fast.
echo "Warming up the static file, the start page and the plan page, 3s each..."
for url in "$static" / "$plan"; do
  wrk -t2 -c"$connections" -d3s -H "X-Forwarded-Proto: https" -H "Cookie: $cookie" "$base$url" >/dev/null
done
echo "Reading each for ${seconds}s with $connections connections (wrk and the portal share the 2 cores)..."
load static -H "X-Forwarded-Proto: https" "$base$static"
# A signed-in browser sends its login cookie with the styles too; the portal answers files before it reads the login.
load static-signed-in -H "X-Forwarded-Proto: https" -H "Cookie: $cookie" "$base$static"
load start -H "X-Forwarded-Proto: https" -H "Cookie: $cookie" "$base/"
with_collector plan load plan -H "X-Forwarded-Proto: https" -H "Cookie: $cookie" "$base$plan"
echo "Latency at a fixed 100 requests/s, one every 10 ms and then in bursts of ten, ${seconds}s each..."
for measure in steady bursts; do
  $measure static -H "X-Forwarded-Proto: https" "$base$static"
  $measure start -H "X-Forwarded-Proto: https" -H "Cookie: $cookie" "$base/"
  $measure plan -H "X-Forwarded-Proto: https" -H "Cookie: $cookie" "$base$plan"
done
rss_read=$(rss VmHWM)
# The writes last: they change what the pages above show.
echo "Giving and withdrawing a consent, then joining the counselling line, ${seconds}s each..."
load consent -s "$work/consent.lua" "$base/"
# Each tap owes its person a receipt by mail. The outbox sends them in the background; the line is joined once they are
# sent, so the joins are measured on their own, and the time the receipts took is reported.
mail_began=$(now_ms)
for _ in $(seq 1 1200); do
  unsent=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL AND GaveUpAt IS NULL").fetchone()[0])' "$work/data/portal.db")
  [ "$unsent" -gt 0 ] || break
  sleep 0.1
done
mail_ms=$(($(now_ms) - mail_began))
load join -s "$work/join.lua" "$base/raadgivning"
rss_peak=$(rss VmHWM)
stop_app

# The floor: bench/Floor on its own, on the same port, with the same loads as the portal's static file and plan page.
floor_memory="0 0"
if [ "$floor" != 0 ]; then
  echo "The floor (bench/Floor): its static file and its signed-in page, ${seconds}s each..."
  mkdir "$work/floor-data"
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" DataFolder="$work/floor-data" \
    dotnet "$work/floor/Floor.dll" --contentRoot "$work/floor" >>"$work/floor.log" 2>&1 &
  app=$!
  wait_for -D "$work/floor-h" "$base/sign-in" || { echo "The floor did not start." >&2; cat "$work/floor.log" >&2; exit 1; }
  floor_cookie=$(cookies_from "$work/floor-h")
  floor_page=$(grep -i '^location:' "$work/floor-h" | sed 's/^[^:]*: *//' | tr -d '\r')
  floor_static=$(curl -s -H "Cookie: $floor_cookie" "$base$floor_page" | grep -o 'href="/css/site[^"]*\.css"' | sed 's/href="//; s/"$//')
  [ -n "$floor_static" ] || { echo "The floor's page names no site.css." >&2; cat "$work/floor.log" >&2; exit 1; }
  floor_started=$(rss VmRSS)
  # Warmed up as long as the portal's pages were, all told (the crawl, Lighthouse and the start page share their code),
  # so the runtime has compiled its methods again, optimised, before the loads.
  wrk -t2 -c"$connections" -d3s "$base$floor_static" >/dev/null
  wrk -t2 -c"$connections" -d10s -H "Cookie: $floor_cookie" "$base$floor_page" >/dev/null
  load floor-static "$base$floor_static"
  with_collector floor-page load floor-page -H "Cookie: $floor_cookie" "$base$floor_page"
  floor_memory="$floor_started $(rss VmHWM)"
  # The floor must do what it claims: with its user's security stamp changed, the same cookie no longer signs in.
  python3 -c 'import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute("UPDATE AspNetUsers SET SecurityStamp = ?", ("changed",)); db.commit()' "$work/floor-data/floor.db"
  refused=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $floor_cookie" "$base$floor_page")
  case "$refused" in 302*/Account/Login*) ;; *) echo "The floor served its page after the stamp changed ($refused)." >&2; exit 1 ;; esac
  stop_app
fi

# The line after the joins: numbers 1..N, each once, each at its place.
python3 - "$work/data/portal.db" >"$work/line.txt" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*), MIN(QueueNumber), MAX(QueueNumber), COUNT(DISTINCT QueueNumber), SUM(LinePosition <> QueueNumber) FROM CounsellingRequests").fetchone()
print(" ".join(str(value or 0) for value in row))
PY
decisions=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM ConsentDecisions").fetchone()[0])' "$work/data/portal.db")

# A plain commit loop on the same disk, with the portal's settings (WAL, synchronous=FULL), for three seconds.
commit_loop=$(python3 - "$work/commits.db" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, at REAL)")
count, began = 0, time.monotonic()
while time.monotonic() - began < 3:
    db.execute("BEGIN IMMEDIATE"); db.execute("INSERT INTO t (at) VALUES (?)", (time.time(),)); db.execute("COMMIT")
    count += 1
print(round(count / (time.monotonic() - began)))
PY
)


python3 - "$work" "$first_start" "${restarts[*]}" "$rss_started" "$rss_crawled" "$rss_peak" "$commit_loop" "$lighthouse_report" "$decisions" "$mail_ms" "$unsent" "$rss_read" "$floor_memory" "$seconds" <<'PY'
import json, os, re, sys
work, first_start, restarts, rss_started, rss_crawled, rss_peak, commit_loop, lighthouse, decisions, mail_ms, unsent, rss_read, floor_memory, seconds = sys.argv[1:15]

def wrk(name):
    text = open(f"{work}/wrk-{name}.txt").read()
    def ms(label):
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    return {"rate": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), "p50": ms(50), "p99": ms(99),
            "requests": int(re.search(r"(\d+) requests in", text).group(1)),
            "bad": int(bad.group(1)) if bad else 0, "socket": errors.group(1) if errors else ""}

def collector(name):
    # dotnet-counters' rates, one row a second, summed over the load of the same name (see with_collector).
    import csv
    collections = {"gen0": 0.0, "gen1": 0.0, "gen2": 0.0}
    paused = allocated = 0.0
    for row in csv.DictReader(open(f"{work}/gc-{name}.csv")):
        counter, value = row["Counter Name"], float(row["Mean/Increment"] or 0)
        generation = re.search(r"generation=(gen\d)", counter)
        if counter.startswith("dotnet.gc.collections") and generation:
            collections[generation.group(1)] += value
        elif counter.startswith("dotnet.gc.pause.time"):
            paused += value
        elif counter.startswith("dotnet.gc.heap.total_allocated"):
            allocated += value
    requests = wrk(name)["requests"]
    count = sum(collections.values())
    return (f"{count / int(seconds):.0f} collections/s ({', '.join(f'{int(n)} of {gen}' for gen, n in collections.items())}),"
            f" paused {100 * paused / int(seconds):.1f} % of the time, {allocated / requests / 1024:.0f} KB allocated per page,"
            f" a collection every {allocated / count / 2**20 if count else 0:.1f} MB allocated")

def hey(name):
    text = open(f"{work}/hey-{name}.txt").read()
    found = dict(re.findall(r"^\s+(\d+)%+ in ([\d.]+) secs", text, re.M))
    codes = re.findall(r"\[(\d{3})\]\s+(\d+) responses", text)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    return {"rate": rate, "p50": float(found["50"]) * 1000, "p95": float(found["95"]) * 1000, "codes": codes}

loads = {name: wrk(name) for name in ["static", "static-signed-in", "start", "plan", "consent", "join"]}
plan_share = loads["plan"]["rate"] / loads["static"]["rate"]
steady = {name: hey(name) for name in ["static", "start", "plan"]}
bursts = {name: hey(f"bursts-{name}") for name in ["static", "start", "plan"]}
static = loads["static"]
print()
print(f"Greatest rate (wrk, {os.cpu_count()} cores shared with the portal): requests/s, and as a share of the static file's")
print(f"{'what':<28}{'req/s':>9}{'÷ static':>10}{'p50 ms':>9}{'p99 ms':>9}  errors")
labels = {"static": "static file (site.css)", "static-signed-in": "the same, with login cookie", "start": "start page (parent)", "plan": "plan page (parent)",
          "consent": "consent give / withdraw", "join": "join counselling line"}
for name, result in loads.items():
    errors = f"{result['bad']} non-2xx/3xx" if result["bad"] else "none"
    if result["socket"]:
        errors += f"; socket {result['socket']}"
    print(f"{labels[name]:<28}{result['rate']:>9.0f}{result['rate'] / static['rate']:>10.2f}{result['p50']:>9.2f}{result['p99']:>9.2f}  {errors}")

for title, results in [("At a fixed 100 requests/s, one every 10 ms (hey, 1 connection)", steady),
                       ("The same rate in bursts: 10 connections at 10/s each, sent together", bursts)]:
    print()
    print(f"{title}: latency, and p95 as a multiple of the static file's")
    print(f"{'what':<28}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p95 ÷ static':>14}  status codes")
    for name, result in results.items():
        codes = ", ".join(f"{code}: {count}" for code, count in result["codes"])
        print(f"{labels[name]:<28}{result['rate']:>9.1f}{result['p50']:>9.2f}{result['p95']:>9.2f}"
              f"{result['p95'] / results['static']['p95']:>14.1f}  {codes}")

count, low, high, distinct, misplaced = (int(value or 0) for value in open(f"{work}/line.txt").read().split())
in_order = count > 0 and low == 1 and high == count and distinct == count and misplaced == 0
print()
print(f"Counselling line: {loads['join']['rate']:.0f} joins/s against a plain SQLite commit loop on the same disk at {commit_loop}/s"
      f" = {loads['join']['rate'] / int(commit_loop):.2f}; {count} stored, "
      + (f"in order (1..{count}, each once)" if in_order else "NOT IN ORDER"))
starts = [int(value) for value in restarts.split()]
print(f"Consent decisions on record at the end: {decisions} (each give or withdraw adds one; a tap reads each person's latest)")
print(f"Their receipts were all sent {int(mail_ms) / 1000:.1f} s after the last tap" if int(unsent) == 0 else f"{unsent} receipts were still unsent {int(mail_ms) / 1000:.0f} s after the last tap")
print(f"Cold start to the login page: {first_start} ms on a new database (migrations and demo data); "
      f"{', '.join(map(str, starts))} ms on the existing one")
print(f"Server memory (RSS): {rss_started} MB started, {rss_crawled} MB after a short crawl, {rss_read} MB at peak after the reads,"
      f" {rss_peak} MB at peak after the writes too")
print(f"The garbage collector during the plan page's load (dotnet-counters): {collector('plan')}")

floor_started, floor_peak = floor_memory.split()
floor = {}
if floor_peak != "0":
    # The same measures for bench/Floor: a signed-in Razor Page that checks its login's stamp and reads one row
    # through EF Core from SQLite, with a small layout; no localization, no portal. What the stack reaches here.
    floor = {name: wrk(f"floor-{name}") for name in ["static", "page"]}
    print()
    print("The floor (bench/Floor, the least a signed-in page on the same stack does), loaded the same way just after")
    print(f"{'what':<28}{'req/s':>9}{'÷ static':>10}{'p50 ms':>9}{'p99 ms':>9}  errors")
    for name, label in [("static", "its static file (site.css)"), ("page", "its signed-in page")]:
        result = floor[name]
        errors = f"{result['bad']} non-2xx/3xx" if result["bad"] else "none"
        print(f"{label:<28}{result['rate']:>9.0f}{result['rate'] / floor['static']['rate']:>10.2f}{result['p50']:>9.2f}{result['p99']:>9.2f}  {errors}")
    print(f"Its memory (RSS): {floor_started} MB started, {floor_peak} MB at peak after the reads"
          f" (the portal: {plan_share:.2f} of its static file, {rss_read} MB after its reads)")
    print(f"Its garbage collector during its page's load: {collector('floor-page')}")

if lighthouse:
    print()
    print("Lighthouse 12 (mobile, simulated slow 4G and a 4× slower CPU): scores, and bytes on a first and a repeat visit")
    print(f"{'page':<14}{'performance':>12}{'accessibility':>15}{'first visit':>13}{'repeat visit':>14}")
    for name in ["start", "plan", "consent", "counselling"]:
        report = json.load(open(f"{lighthouse}{name}.json"))
        scores = {key: round(category["score"] * 100) for key, category in report["categories"].items()}
        requests = report["audits"]["network-requests"]["details"]["items"]
        first = sum(item.get("transferSize", 0) for item in requests)
        # A repeat visit fetches again what may not be kept: the page itself (no-store) and anything cached for less
        # than a year (Lighthouse's own list of those).
        short = {item["url"] for item in report["audits"]["uses-long-cache-ttl"].get("details", {}).get("items", [])}
        repeat = sum(item.get("transferSize", 0) for item in requests if item.get("resourceType") == "Document" or item["url"] in short)
        print(f"{name:<14}{scores['performance']:>12}{scores['accessibility']:>15}{first / 1024:>10.1f} KB{repeat / 1024:>11.1f} KB")
sys.exit(0 if in_order and all(result["bad"] == 0 for result in [*loads.values(), *floor.values()]) else 1)
PY
