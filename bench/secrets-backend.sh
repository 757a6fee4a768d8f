#!/usr/bin/env bash
# Which Bitwarden backend for the secrets proxy? (a) `bw serve` on loopback (the real CLI, what the image would carry)
# against (b) the Java client in services-src/bitwarden, both against the contract fixture (FixtureMain: a generated
# account, PBKDF2 600,000 iterations as Bitwarden's default, ITEMS items), both logging in with the API key and the
# master password as a container would at start. Per run, interleaved: ms from process start to the first secret in
# hand (a: bw config + login --apikey + unlock + serve until GET /object/password answers; b: a fresh JVM with the
# image's flags until the first sync is decrypted), then READS more reads (a: GET /object/item, and POST /sync; b: a
# full sync + decrypt), median and p90; RSS of the serving process. Then what each adds to an image. QUOTA=1 runs both
# in the 0.25 vCPU cgroup of bench/pg.sh. Every run is listed, then medians.
# Usage: bench/secrets-backend.sh [RUNS] [READS] [ITEMS]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
RUNS="${1:-3}"; READS="${2:-20}"; ITEMS="${3:-50}"
JAVA="$(java21)"
command -v bw >/dev/null || { echo "bw not on PATH (npm install -g @bitwarden/cli)" >&2; exit 1; }
WORK="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
MAVEN_ARGS="${MAVEN_ARGS:-}" ../mvnw -q -f ../pom.xml -pl services-src/bitwarden test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
MOD=../services-src/bitwarden/target
CP="$MOD/classes:$MOD/test-classes:$(cat "$WORK/cp.txt")"
run() { if [ "${QUOTA:-0}" = 1 ]; then (CPU_GROUP=alai-bench-secrets quarter_cpu "$@"); else "$@"; fi; }
run_exec() { if [ "${QUOTA:-0}" = 1 ]; then CPU_GROUP=alai-bench-secrets quarter_cpu "$@"; else exec "$@"; fi; } # in a subshell: $! is bw

"$JAVA" -cp "$CP" com.alai.cloud.services.bitwarden.fixture.FixtureMain "$WORK/fixture" 0 "$ITEMS" > "$WORK/fixture.out" &
until grep -q ready "$WORK/fixture.out" 2>/dev/null; do sleep 0.2; done
ACCOUNT="$WORK/fixture/account.json"

URL="$(jq -r .url "$ACCOUNT")"
export NODE_EXTRA_CA_CERTS="$(jq -r .caFile "$ACCOUNT")"
stats() { sort -n | awk '{a[NR]=$1} END {n=int(NR*0.9); if (n<1) n=1; printf "%.1f/%.1f", a[int((NR+1)/2)], a[n]}'; }

bw_run() { # → "first_ms read_p50/p90 sync_p50/p90 rss_mib"
  local profile="$WORK/bw-$1" port=$((18700 + RANDOM % 1000)) t0 first pid
  mkdir -p "$profile"
  export BITWARDENCLI_APPDATA_DIR="$profile" HOME="$profile" BW_NOINTERACTION=true
  t0=$(now_ms)
  run bw config server "$URL" >/dev/null
  BW_CLIENTID="$(jq -r .clientId "$ACCOUNT")" BW_CLIENTSECRET="$(jq -r .clientSecret "$ACCOUNT")" run bw login --apikey >/dev/null
  BW_SESSION="$(BW_PASSWORD="$(jq -r .masterPassword "$ACCOUNT")" run bw unlock --passwordenv BW_PASSWORD --raw)"
  (BW_SESSION="$BW_SESSION" run_exec bw serve --hostname 127.0.0.1 --port "$port" >/dev/null 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/object/password/item-0"; do sleep 0.05; done
  first=$(( $(now_ms) - t0 ))
  reads=$(for _ in $(seq "$READS"); do curl -fs -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/object/item/item-0"; done \
    | awk '{print $1*1000}' | stats)
  syncs=$(for _ in $(seq "$READS"); do curl -fs -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$port/sync"; done \
    | awk '{print $1*1000}' | stats)
  rss=$(ps -o rss= -p "$pid" | awk '{s+=$1} END {printf "%d", s/1024}')
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  echo "$first $reads $syncs $rss"
}

java_run() { # → "first_ms sync_p50 sync_p90"
  run "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -XX:-UsePerfData -cp "$CP" \
    com.alai.cloud.services.bitwarden.client.ClientProbe "$ACCOUNT" item-0 "$READS" \
    | sed -E 's/.*first_secret_ms=([0-9]+) found=true sync_p50_ms=([0-9.]+) sync_p90_ms=([0-9.]+).*/\1 \2 \3/'
}

echo "run | bw: first secret ms, GET item p50/p90 ms, POST /sync p50/p90 ms, RSS MiB | java: first secret ms, sync+decrypt p50/p90 ms"
declare -a BWF JF BWR JS BWS BWM
for r in $(seq "$RUNS"); do
  read -r bf br bs bm <<<"$(bw_run "$r")"
  read -r jf js50 js90 <<<"$(java_run)"
  echo "$r | $bf, $br, $bs, $bm | $jf, $js50/$js90"
  BWF+=("$bf"); JF+=("$jf"); BWR+=("${br%%.*}"); JS+=("${js50%.*}"); BWS+=("${bs%%.*}"); BWM+=("$bm")
done
echo "median | bw first $(median "${BWF[@]}") ms, read $(median "${BWR[@]}") ms, sync $(median "${BWS[@]}") ms, RSS $(median "${BWM[@]}") MiB | java first $(median "${JF[@]}") ms, sync $(median "${JS[@]}") ms"
node_bin="$(readlink -f "$(command -v node)")"; cli="$(dirname "$(readlink -f "$(command -v bw)")")/.."
echo "image: (a) node $(du -m "$node_bin" | cut -f1) MiB + @bitwarden/cli $(du -sm "$cli" | cut -f1) MiB;" \
  "(b) bcprov $(du -k "$(tr ':' '\n' < "$WORK/cp.txt" | grep bcprov)" | cut -f1) KiB + bitwarden classes $(du -sk "$MOD/classes" | cut -f1) KiB"
