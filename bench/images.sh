#!/usr/bin/env bash
# Images of services-src: unpacked size per service, build time of every image cold (empty caches) and after a
# one-line code change, and — for mc-api, plain and with its trained AOT cache — time from `podman run` to the first
# 200 of /healthz (liveness) and of /readyz (database migrated) with --cpu-quota 25000 (0.25 vCPU) and --memory 512m
# (a Container App's 0.5 GiB), and idle RSS in the container; medians of RUNS. The floor, measured in the same run: a
# JDK HttpServer that answers 200 at once, in the same jlink'd runtime, started the same way.
# Usage: bench/images.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
RUNS="${1:-3}"
ROOT="$(cd .. && pwd)"
P=(podman --runtime runc --cgroup-manager cgroupfs --storage-driver vfs)
(cd "$ROOT" && ./mvnw -q install -DskipTests >/dev/null)
REG="$(mktemp -d)"; printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:5077\n' "$REG/data" > "$REG/config.yml"
docker-registry serve "$REG/config.yml" >/dev/null 2>&1 & REGPID=$!
trap 'kill $REGPID 2>/dev/null; "${P[@]}" rm -f --ignore alai-bench >/dev/null 2>&1; "$ROOT/alai-deploy" local down dev-phase2 >/dev/null 2>&1' EXIT
sleep 1

cold=(); warm=()
for _ in $(seq "$([[ -n "${SKIP_BUILDS:-}" ]] && echo 0 || echo "$RUNS")"); do
  rm -rf "$ROOT/.alai/images"
  cold+=("$(time_ms "$ROOT/alai-deploy" images build)")
  # A one-line change: mc-api's jar gains an entry; runtimes and dependency layers come from the cache.
  jar="$ROOT/services-src/mc-api/target/mc-api.jar"; cp "$jar" "$jar.orig"
  (cd "$(mktemp -d)" && echo "$RANDOM" > change.txt && jar uf "$jar" change.txt 2>/dev/null || zip -q "$jar" change.txt)
  warm+=("$(time_ms "$ROOT/alai-deploy" images build)")
  mv "$jar.orig" "$jar"
done
[[ -n "${SKIP_BUILDS:-}" ]] || echo "build all images (mc-api, hivemind-api, backup-job): cold median $(median "${cold[@]}") ms, after a one-line change median $(median "${warm[@]}") ms"

eval "$("$ROOT/alai-deploy" local up dev-phase2 2>/dev/null | grep '^export DATABASE_URL\|^export OIDC_ISSUER')"
DB="$(echo "$DATABASE_URL" | sed 's#jdbc:postgresql://#postgres://postgres:@#; s#?user=postgres##')"
declare -A REF
while read -r service ref; do REF[$service]="$ref"; done < <("$ROOT/alai-deploy" images push --registry 127.0.0.1:5077 --insecure 2>/dev/null)
REF[mc-api-aot]="$("$ROOT/alai-deploy" images push mc-api --aot --registry 127.0.0.1:5077/aot --insecure 2>/dev/null | awk '{print $2}')"
for name in mc-api hivemind-api backup-job mc-api-aot; do
  "${P[@]}" pull -q --tls-verify=false "${REF[$name]}" >/dev/null
  echo "unpacked size $name: $(( $("${P[@]}" image inspect --format '{{.Size}}' "${REF[$name]}") / 1000000 )) MB"
done

# The floor: the same runtime layer with a one-class server, run the same way.
FLOOR="$(mktemp -d)"
cat > "$FLOOR/Floor.java" <<'JAVA'
public class Floor {
    public static void main(String[] a) throws Exception {
        var s = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 128);
        s.createContext("/", e -> { e.sendResponseHeaders(200, -1); e.close(); });
        s.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        s.start();
    }
}
JAVA
JAVA="$(java21)"; "$(dirname "$JAVA")/javac" -d "$FLOOR" "$FLOOR/Floor.java"; "$(dirname "$JAVA")/jar" cf "$FLOOR/floor.jar" -C "$FLOOR" Floor.class
chmod -R a+rX "$FLOOR"  # the container runs as uid 10001

CMD=()  # a command after the image (the floor's), empty for the services' own entrypoints
start_once() { # probe-path image [podman args…] → ms to the first 200 of probe-path; leaves the container running
  local probe="$1" image="$2"; shift 2
  local t0; t0=$(now_ms)
  "${P[@]}" run -d --name alai-bench --cpu-quota 25000 --cpu-period 100000 --memory 512m --ulimit nofile=4096:4096 \
    --ulimit nproc=4096:4096 --network host -e PORT=18098 -e DATABASE_URL="$DB" -e OIDC_ISSUER="$OIDC_ISSUER" \
    -e OIDC_AUDIENCE=api://alai-control-plane "$@" "$image" "${CMD[@]}" >/dev/null
  local polls=0
  until curl -fs -o /dev/null "http://127.0.0.1:18098$probe"; do
    # Seldom: a podman call costs CPU the container under test would miss.
    if (( ++polls % 200 == 0 )) && [[ "$("${P[@]}" inspect --format '{{.State.Running}}' alai-bench)" != true ]]; then
      echo "alai-bench exited: $("${P[@]}" logs alai-bench 2>&1 | tail -3)" >&2; return 1
    fi
    sleep 0.01
  done
  local t1; t1=$(now_ms)
  # When the container's process started (podman's own set-up before it — creating the vfs copy — excluded).
  local started; started=$(date -d "$("${P[@]}" inspect --format '{{.State.StartedAt}}' alai-bench | sed 's/ +0000 UTC//')" +%s%3N)
  echo "$(( t1 - t0 )) $(( t1 - started ))"
}
measure() { # label image [podman args…]
  local label="$1" image="$2"; shift 2
  local live=() inside=() ready=() rss=() t
  for _ in $(seq "$RUNS"); do
    t=($(start_once /healthz "$image" "$@")); live+=("${t[0]}"); inside+=("${t[1]}"); "${P[@]}" rm -f alai-bench >/dev/null
    t=($(start_once /readyz "$image" "$@")); ready+=("${t[0]}"); sleep 3
    rss+=("$(awk '/VmRSS/ {print $2}' "/proc/$("${P[@]}" inspect --format '{{.State.Pid}}' alai-bench)/status")")
    "${P[@]}" rm -f alai-bench >/dev/null
  done
  echo "$label: podman run → first 200 /healthz median $(median "${live[@]}") ms (process start → 200: $(median "${inside[@]}") ms), /readyz median $(median "${ready[@]}") ms; idle RSS median $(( $(median "${rss[@]}") / 1024 )) MiB"
}
floor=(); floor_inside=()
CMD=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp /floor/floor.jar Floor)
for _ in $(seq "$RUNS"); do
  t=($(start_once /healthz "${REF[mc-api]}" -v "$FLOOR:/floor:ro" --entrypoint /opt/java/bin/java)); floor+=("${t[0]}"); floor_inside+=("${t[1]}")
  "${P[@]}" rm -f alai-bench >/dev/null
done
CMD=()
echo "floor (one-class JDK server, same runtime, no cache): podman run → first 200 median $(median "${floor[@]}") ms (process start → 200: $(median "${floor_inside[@]}") ms)"
measure "mc-api" "${REF[mc-api]}"
measure "mc-api with AOT cache" "${REF[mc-api-aot]}"
