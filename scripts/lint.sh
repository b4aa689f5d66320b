#!/usr/bin/env bash
# npm run lint: ESLint (type-aware, the slow part), the import-layer rules and Prettier's check,
# side by side; fails if any of them fails.
set -u
cd "$(dirname "$0")/.."
npx eslint . --max-warnings 0 --cache --cache-location node_modules/.cache/eslint/ & eslint=$!
npm run --silent lint:layers & layers=$!
npm run --silent lint:format & format=$!
status=0
for pid in $eslint $layers $format; do wait "$pid" || status=1; done
exit $status
