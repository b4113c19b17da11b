#!/usr/bin/env bash
# `npm test`: every check, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian's chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
echo "== typecheck"; npm run --silent typecheck
echo "== lint"; npm run --silent lint
R=$(mktemp -d)  # machine-readable results, for the closing line
echo "== unit and component tests"; npx vitest run --reporter=default --reporter=json --outputFile.json="$R/vitest.json"
echo "== build"; npm run --silent build
# the first load of index.html and embed.html against their budgets: over it, the build step fails here
echo "== first-load size"; npm run --silent size
echo "== browser tests"; PLAYWRIGHT_JSON_OUTPUT_NAME="$R/e2e.json" npx playwright test --config test/e2e/playwright.config.ts --reporter=list,json
# One plain closing line for whoever reads the log: every test run above, counted.
R="$R" node -e '
const fs = require("fs");
const v = JSON.parse(fs.readFileSync(process.env.R + "/vitest.json", "utf8"));
const e = JSON.parse(fs.readFileSync(process.env.R + "/e2e.json", "utf8")).stats;
const passed = v.numPassedTests + e.expected + e.flaky, failed = v.numFailedTests + e.unexpected, skipped = v.numPendingTests + v.numTodoTests + e.skipped;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
'
