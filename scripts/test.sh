#!/usr/bin/env bash
# The whole test suite: build, type-check, lint, then vitest. Prints the
# closing line CI reads ("Tests: N passed, N failed") from vitest's JSON
# report, and exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1

echo "== build"; npx tsc -b packages/cli
echo "== web app"; npm run build -w @tieup/web
echo "== typecheck (tests included)"; npx tsc -p tsconfig.test.json
npx tsc -p packages/web/tsconfig.json # the web app: DOM lib and JSX
echo "== lint"; npx biome check .
echo "== tests"
mkdir -p test-output
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-output/vitest.json", "utf8"));
  const failed = r.numFailedTests + (r.numFailedTestSuites ?? 0);
  console.log(`Tests: ${r.numPassedTests} passed, ${failed} failed`);
  if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' || status=1
exit "$status"
