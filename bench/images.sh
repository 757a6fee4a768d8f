#!/usr/bin/env bash
# Images of services-src: unpacked size, build time cold (empty caches) and after a one-line code change, time from
# `podman run` to the first 200 with --cpu-quota 25000 (0.25 vCPU), and idle RSS in the container; medians of RUNS.
# Usage: bench/images.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
RUNS="${1:-3}"
ROOT="$(cd .. && pwd)"
P=(podman --runtime runc --cgroup-manager cgroupfs --storage-driver vfs)
(cd "$ROOT" && ./mvnw -q -pl services-src/mc-api,orchestrator -am install -DskipTests >/dev/null)
REG="$(mktemp -d)"; printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:5077\n' "$REG/data" > "$REG/config.yml"
docker-registry serve "$REG/config.yml" >/dev/null 2>&1 & REGPID=$!
trap 'kill $REGPID 2>/dev/null; "${P[@]}" rm -f alai-bench >/dev/null 2>&1; "$ROOT/alai-deploy" local down dev-phase2 >/dev/null 2>&1' EXIT
sleep 1

cold=(); warm=()
for _ in $(seq "$RUNS"); do
  rm -rf "$ROOT/.alai/images"
  cold+=("$(time_ms "$ROOT/alai-deploy" images build mc-api)")
  # A one-line change: the service jar gains an entry; the runtime and dependency layers come from the cache.
  jar="$ROOT/services-src/mc-api/target/mc-api.jar"; cp "$jar" "$jar.orig"
  (cd "$(mktemp -d)" && echo "$RANDOM" > change.txt && jar uf "$jar" change.txt 2>/dev/null || zip -q "$jar" change.txt)
  warm+=("$(time_ms "$ROOT/alai-deploy" images build mc-api)")
  mv "$jar.orig" "$jar"
done
echo "build mc-api: cold median $(median "${cold[@]}") ms, after a one-line change median $(median "${warm[@]}") ms"

ref="$("$ROOT/alai-deploy" images push mc-api --registry 127.0.0.1:5077 --insecure 2>/dev/null | awk '{print $2}')"
"${P[@]}" pull -q --tls-verify=false "$ref" >/dev/null
echo "unpacked size: $(( $("${P[@]}" image inspect --format '{{.Size}}' "$ref") / 1000000 )) MB"
eval "$("$ROOT/alai-deploy" local up dev-phase2 2>/dev/null | grep '^export DATABASE_URL\|^export OIDC_ISSUER')"
DB="$(echo "$DATABASE_URL" | sed 's#jdbc:postgresql://#postgres://postgres:@#; s#?user=postgres##')"
starts=(); rss=()
for _ in $(seq "$RUNS"); do
  t0=$(now_ms)
  "${P[@]}" run -d --name alai-bench --cpu-quota 25000 --cpu-period 100000 --ulimit nofile=4096:4096 --ulimit nproc=4096:4096 \
    --network host -e PORT=18098 -e DATABASE_URL="$DB" -e OIDC_ISSUER="$OIDC_ISSUER" -e OIDC_AUDIENCE=api://alai-control-plane \
    "$ref" >/dev/null
  until curl -fs -o /dev/null http://127.0.0.1:18098/healthz; do sleep 0.02; done
  starts+=("$(( $(now_ms) - t0 ))"); sleep 3
  pid="$("${P[@]}" inspect --format '{{.State.Pid}}' alai-bench)"
  rss+=("$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")")
  "${P[@]}" rm -f alai-bench >/dev/null
done
echo "podman run → first 200 at 0.25 vCPU: median $(median "${starts[@]}") ms; idle RSS median $(( $(median "${rss[@]}") / 1024 )) MiB"
