#!/usr/bin/env bash
# Contract lint, run by `mvn verify` (exec-maven-plugin, verify phase) after the tests wrote
# target/openapi.json and openapi-generator wrote the TypeScript client. See docs/api.md, "Lint".
#   1. installs the pinned tools (package-lock.json) when they are missing or the lock file changed;
#   2. Redocly CLI (recommended + stricter rules, redocly.yaml) - fails on any error or warning;
#   3. Spectral (spectral:oas, all rules, .spectral.yaml) - fails on any warning;
#   4. tsc on the generated TypeScript client and a small program that uses it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
spec="$root/target/openapi.json"
cd "$here"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "api-lint: Node.js and npm are needed (or skip with -Dapi-lint.skip=true)" >&2
  exit 1
fi
if [ ! -f "$spec" ]; then
  echo "api-lint: $spec is missing; OpenApiContractTests writes it (run the tests first)" >&2
  exit 1
fi
if [ ! -d "$root/target/generated-sources/openapi-typescript" ]; then
  echo "api-lint: the TypeScript client is missing; openapi-generator writes it in generate-test-sources" >&2
  exit 1
fi

# Telemetry and update checks would only wait on a network this build does not need.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_UPDATE_NOTIFIER=1 npm_config_update_notifier=false
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f node_modules/.installed-from ] || [ "$(cat node_modules/.installed-from)" != "$lock_sum" ]; then
  echo "api-lint: npm ci (pinned versions from package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.installed-from
fi

echo "api-lint: Redocly $(npx --no-install redocly --version 2>/dev/null | tail -1) on target/openapi.json"
report="$(npx --no-install redocly lint --config redocly.yaml "$spec" --format=json 2>/dev/null || true)"
node -e '
  const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const t = r.totals;
  for (const p of r.problems) {
    const at = (p.location || []).map(l => l.pointer).join(", ");
    console.log(`  ${p.severity} ${p.ruleId}: ${p.message} ${at}`);
  }
  console.log(`api-lint: Redocly ${t.errors} errors, ${t.warnings} warnings, ${t.ignored} accepted (.redocly.lint-ignore.yaml)`);
  process.exit(t.errors + t.warnings > 0 ? 1 : 0);
' <<<"$report"

echo "api-lint: Spectral $(npx --no-install spectral --version) on target/openapi.json"
npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity hint "$spec"

echo "api-lint: tsc $(npx --no-install tsc --version) on the generated TypeScript client"
npx --no-install tsc -p tsconfig.json
echo "api-lint: TypeScript client compiled"
