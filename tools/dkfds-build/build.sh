#!/usr/bin/env bash
# Remakes src/Portal/wwwroot/lib/dkfds from the pinned npm packages (see build.mjs for what it keeps). Needs Node 20+.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
node build.mjs
