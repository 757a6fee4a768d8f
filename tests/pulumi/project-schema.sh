#!/usr/bin/env bash
# Prints the path of Pulumi's own project schema (sdk/go/common/workspace/project.json, the file the CLI embeds to
# validate Pulumi.yaml) and its version, from the Go module the pinned CLI is built from (cli/go.mod), so the schema
# the tests check against is exactly the engine's and no copy of it lives in this repository.
#
#   tests/pulumi/project-schema.sh      # -> "<path> <version>"
#
# Run tests/pulumi/build-engine.sh first: it puts the module in the Go module cache (nothing is fetched anew here).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE_ROOT="${ALAI_ENGINE_CACHE:-$HOME/.cache/alai-cloud/pulumi}"
for candidate in "$(command -v go || true)" /usr/local/go/bin/go "$CACHE_ROOT"/go*/bin/go; do
  [[ -n "$candidate" && -x "$candidate" ]] && { GO="$candidate"; break; }
done
[[ -n "${GO:-}" ]] || { echo "project-schema: no Go toolchain; run tests/pulumi/build-engine.sh" >&2; exit 2; }

cd "$HERE/cli"
json="$(GOFLAGS=-mod=readonly GOTOOLCHAIN=local GOPROXY=off "$GO" mod download -json github.com/pulumi/pulumi/sdk/v3)"
dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$json")"
version="$(sed -n 's/^[[:space:]]*"Version": "\(.*\)",$/\1/p' <<<"$json")"
schema="$dir/go/common/workspace/project.json"
[[ -f "$schema" ]] || { echo "project-schema: $schema not found (module sdk/v3 $version)" >&2; exit 2; }
echo "$schema $version"
