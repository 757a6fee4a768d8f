#!/usr/bin/env bash
# HiveMind across two replicas, each in its own 0.25 vCPU cgroup, on Debian's PostgreSQL: RATE msg/s published
# (alternating replicas) for SECONDS after a warm-up, with SUBSCRIBERS WebSocket subscribers (half on each replica)
# acking as they go. Reports publish→deliver latency p50/p99 and counts what every subscriber received against what
# the API acknowledged (missing / duplicates / out of order). Medians over RUNS (each run a fresh topic).
# JVM flags are the image's, with -XX:MaxRAM=512m standing in for a Container App's 0.5 GiB (HIVEMIND_JVM_FLAGS
# replaces them, e.g. to try C2). Publish errors are counted separately for the warm-up.
# Usage: bench/hivemind.sh [RUNS] [RATE] [SECONDS] [SUBSCRIBERS]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
RUNS="${1:-3}"; RATE="${2:-500}"; SECONDS_="${3:-30}"; SUBS="${4:-10}"
ROOT="$(cd .. && pwd)"
JAVA="$(java21)"
bench_pg
(cd "$ROOT" && ./mvnw -q -pl services-src/hivemind-api -am package -DskipTests >/dev/null)
psql -q "$BENCH_PG" -c "DROP DATABASE IF EXISTS hivemind_bench" -c "CREATE DATABASE hivemind_bench"
eval "$("$ROOT/alai-deploy" local up dev-phase2 2>/dev/null | grep '^export OIDC_ISSUER\|^export TOKEN')"
JAR="$ROOT/services-src/hivemind-api/target/hivemind-api.jar"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
start_replica() { # name port
  (CPU_GROUP="alai-bench-$1" PORT="$2" HIVEMIND_REPLICA="$1" DB_POOL_SIZE=2 OIDC_AUDIENCE="api://alai-control-plane" \
    OIDC_ISSUER="$OIDC_ISSUER" DATABASE_URL="postgres://bench:bench@127.0.0.1:5432/hivemind_bench" \
    quarter_cpu "$JAVA" ${HIVEMIND_JVM_FLAGS:--XX:+UseSerialGC -Xss256k -XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -XX:-UsePerfData} \
    -jar "$JAR" >/dev/null 2>&1) &
  PIDS+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$2/readyz"; do sleep 0.05; done
}
start_replica a 18091
start_replica b 18092
echo "2 replicas × 0.25 vCPU, $RATE msg/s for ${SECONDS_}s (after a 20 s warm-up), $SUBS subscribers"
p50s=(); p99s=(); fails=0
for run in $(seq "$RUNS"); do
  out="$("$JAVA" hivemind/LoadGen.java http://127.0.0.1:18091 http://127.0.0.1:18092 "$TOKEN" "$RATE" "$SECONDS_" "$SUBS" 20)" || fails=$((fails + 1))
  echo "run $run:"; echo "$out" | sed 's/^/  /'
  p50s+=("$(echo "$out" | sed -n 's/.*latency p50 \([0-9.]*\) ms.*/\1/p' | awk '{printf "%d", $1 * 1000}')")
  p99s+=("$(echo "$out" | sed -n 's/.*ms, p99 \([0-9.]*\) ms, max.*/\1/p' | awk '{printf "%d", $1 * 1000}')")
done
printf 'median over %s runs: publish→deliver p50 %s ms, p99 %s ms; runs with loss or reordering: %s\n' "$RUNS" \
  "$(awk "BEGIN{printf \"%.1f\", $(median "${p50s[@]}")/1000}")" "$(awk "BEGIN{printf \"%.1f\", $(median "${p99s[@]}")/1000}")" "$fails"
for pid in "${PIDS[@]}"; do echo "RSS after the runs, replica pid $pid: $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) / 1024 )) MiB"; done
