#!/usr/bin/env bash
# Runs every test: domain unit tests, integration tests (on SQLite, then on PostgreSQL), browser tests (with axe and the
# W3C Nu HTML checker), and mutation testing of the domain (Stryker.NET).
# Installs what the tests need when it is missing (Debian's Chromium headless shell, the aiosmtpd SMTP server,
# PostgreSQL, Java, and the Nu HTML checker from npm),
# then prints one closing line "tests: N passed, M failed" counted from the test results.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# The browser tests drive Chromium's headless shell (the same Blink as Debian's chromium, without the desktop browser).
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing+=(python3-aiosmtpd)
# PostgreSQL: the tests start a throwaway cluster of their own on loopback (tests/Portal.TestSupport/PostgresServer.cs).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# The W3C Nu HTML checker, which the browser tests run over every page they check, is Java; npm brings it.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# vnu.jar, at the version pinned in tools/html-checker/package-lock.json; its install script (a Java download) is not needed.
if [ ! -f tools/html-checker/node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --prefix tools/html-checker --ignore-scripts --no-audit --no-fund --loglevel=error
fi

results=TestResults
rm -rf "$results"
set +e
dotnet test Portal.sln --logger trx --results-directory "$results"
status=$?

# The integration tests again on PostgreSQL, the engine for several instances (a throwaway cluster the tests start).
PORTAL_TEST_DATABASE=PostgreSQL dotnet test tests/Portal.Tests --no-build --logger "trx;LogFileName=postgresql.trx" --results-directory "$results" \
  || status=$?

# The code style is part of the build's promise: the build already fails on any analyzer or style warning
# (TreatWarningsAsErrors, EnforceCodeStyleInBuild), so what is left to check is the layout of the code.
if ! dotnet format whitespace Portal.sln --verify-no-changes; then
  echo "dotnet format found differences: run 'dotnet format Portal.sln' and commit."
  [ "$status" -ne 0 ] || status=1
fi

# Mutation testing of the domain: Stryker.NET breaks the domain's rules one at a time and runs the domain tests
# against each; a broken rule that no test notices survives. Fewer than 85 % caught fails the run (the threshold is
# in tests/Portal.Domain.Tests/stryker-config.json); the report is in $results/mutation.
mutation_log="$results/mutation.log"
dotnet tool restore > /dev/null
(cd tests/Portal.Domain.Tests && dotnet stryker --output "../../$results/mutation") > "$mutation_log" 2>&1
mutation_status=$?
score=$(grep -o 'The final mutation score is [0-9.]* %' "$mutation_log" | grep -o '[0-9.]*' | tail -n 1)
grep -E 'mutants (got status|will be tested)' "$mutation_log" | sed 's/^\[[^]]*\] */  /'
echo "mutation score of Portal.Domain: ${score:-none} % (the run fails below 85 %)"
if [ "$mutation_status" -ne 0 ] || [ -z "$score" ]; then
  tail -n 30 "$mutation_log"
  [ "$status" -ne 0 ] || status=1
fi
set -e

passed=0; failed=0; total=0; executed=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$((total + $(value total)))
  executed=$((executed + $(value executed)))
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
done
skipped=$((total - executed))

# One result file per test project, and one more for the PostgreSQL run of the integration tests.
projects=$(( $(grep -l '<IsTestProject>true</IsTestProject>' tests/*/*.csproj | wc -l) + 1 ))
if [ "$files" -lt "$projects" ]; then
  echo "Only $files of $projects test runs reported results."
  [ "$status" -ne 0 ] || status=1
fi

if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
exit "$status"
