#!/usr/bin/env bash
# Builds the real Pulumi engine the tests drive: the Pulumi CLI and the Java language host, from their Go modules at
# the versions pinned in cli/go.mod and language-java/go.mod (go.sum verifies every module).
#
#   tests/pulumi/build-engine.sh [BIN_DIR]     # prints the directory holding `pulumi` and `pulumi-language-java`
#
# The binaries are cached by the hash of the pins (~/.cache/alai-cloud/pulumi/<hash>/bin, or $ALAI_ENGINE_CACHE), so
# only a fresh machine pays for the build (about 10 minutes on 2 cores); the build time is printed. With BIN_DIR,
# the cached binaries are also linked there. A Go toolchain at the pinned version is taken from the Go module proxy
# when the machine's own `go` is missing or older.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GO_VERSION=1.26.8                       # >= the `go` line of the modules built
CACHE_ROOT="${ALAI_ENGINE_CACHE:-$HOME/.cache/alai-cloud/pulumi}"

key="$(cat "$HERE"/cli/go.mod "$HERE"/cli/go.sum "$HERE"/language-java/go.mod "$HERE"/language-java/go.sum "$0" \
  | sha256sum | cut -c1-16)"
out="$CACHE_ROOT/$key"
log() { echo "build-engine: $*" >&2; }

go_ok() { # the `go` in $1 is at least GO_VERSION
  local v
  v="$("$1" env GOVERSION 2>/dev/null)" || return 1
  v="${v#go}"
  [[ "$(printf '%s\n%s\n' "$GO_VERSION" "$v" | sort -V | head -1)" == "$GO_VERSION" ]]
}

find_go() {
  local candidate
  for candidate in "$(command -v go || true)" /usr/local/go/bin/go "$CACHE_ROOT/go$GO_VERSION/bin/go"; do
    [[ -n "$candidate" && -x "$candidate" ]] && go_ok "$candidate" && { echo "$candidate"; return; }
  done
  # The same archive GOTOOLCHAIN=go$GO_VERSION would fetch: the toolchain as a module from the Go module proxy.
  local arch zip dest
  case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64|arm64) arch=arm64 ;; *) log "unsupported CPU $(uname -m)"; exit 2 ;; esac
  dest="$CACHE_ROOT/go$GO_VERSION"
  zip="$(mktemp)"
  log "no Go >= $GO_VERSION here; fetching go$GO_VERSION from the Go module proxy"
  local url="${GOPROXY_BASE:-https://proxy.golang.org}/golang.org/toolchain/@v/v0.0.1-go$GO_VERSION.$(uname -s | tr A-Z a-z)-$arch.zip"
  if command -v curl >/dev/null; then curl -fsSL --retry 3 -o "$zip" "$url"; else wget -q -O "$zip" "$url"; fi
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
  # unzip where there is one, else the JDK's own jar tool (which drops the executable bits).
  if command -v unzip >/dev/null; then
    (cd "$dest.tmp" && unzip -q "$zip")
  else
    (cd "$dest.tmp" && jar xf "$zip" && chmod -R u+x golang.org/toolchain@*/bin golang.org/toolchain@*/pkg/tool)
  fi
  rm -f "$zip"
  rm -rf "$dest" && mv "$dest.tmp"/golang.org/toolchain@*/ "$dest" && rm -rf "$dest.tmp"
  echo "$dest/bin/go"
}

built() { [[ -x "$out/bin/pulumi" && -x "$out/bin/pulumi-language-java" ]]; }

if ! built; then
  # Several builds on one machine (CI beside a developer's test run) share the cache: one builds, the others wait
  # for it rather than deleting each other's half-built directory.
  mkdir -p "$CACHE_ROOT"
  exec 9>"$CACHE_ROOT/build.lock"
  if ! flock -n 9; then log "another build of the engine is running; waiting for it"; flock 9; fi
fi
if ! built; then
  GO="$(find_go)"
  log "building the Pulumi CLI and the Java language host with $("$GO" env GOVERSION) (cached in $out) ..."
  start=$SECONDS
  rm -rf "$out.tmp" && mkdir -p "$out.tmp/bin"
  # -mod=readonly: go.sum must already vouch for every module; nothing is resolved anew.
    export GOFLAGS=-mod=readonly GOTOOLCHAIN=local CGO_ENABLED=0
  # The version is stamped by the linker, as Pulumi's own release build does; the Automation API checks it.
  cli_version="$(cd "$HERE/cli" && "$GO" list -m -f '{{.Version}}' github.com/pulumi/pulumi/pkg/v3)"
  java_version="$(cd "$HERE/language-java" && "$GO" list -m -f '{{.Version}}' github.com/pulumi/pulumi-java/pkg)"
  (cd "$HERE/cli" && "$GO" build -trimpath -o "$out.tmp/bin/pulumi" \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$cli_version" \
    github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
  log "  pulumi built after $((SECONDS - start)) s"
  (cd "$HERE/language-java" && "$GO" build -trimpath -o "$out.tmp/bin/pulumi-language-java" \
    -ldflags "-X github.com/pulumi/pulumi-java/pkg/version.Version=$java_version" \
    github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java)
  rm -rf "$out" && mv "$out.tmp" "$out"
  log "built in $((SECONDS - start)) s: $("$out/bin/pulumi" version)"
fi

if [[ $# -ge 1 ]]; then
  mkdir -p "$1"
  ln -sfn "$out/bin/pulumi" "$1/pulumi"
  ln -sfn "$out/bin/pulumi-language-java" "$1/pulumi-language-java"
fi
echo "$out/bin"
