#!/usr/bin/env bash
# Benchmark: how long loading one child's plan takes as it grows (goals, interventions, evaluations, transitions and
# the family's own words, N of each), with the portal's own data setup on a SQLite file. Prints the figures.
# Usage: scripts/bench-plan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/PlanLoad --nologo -v quiet
