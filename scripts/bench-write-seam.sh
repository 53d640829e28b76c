#!/usr/bin/env bash
# Benchmark: concurrent SQLite writers queued in the process against SQLite's busy retry, on the same disk.
# Prints transactions/s and latency for each way. Usage: scripts/bench-write-seam.sh [writers] [transactions]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/WriteSeam -v quiet -- "${1:-16}" "${2:-3000}"
