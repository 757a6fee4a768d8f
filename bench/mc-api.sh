#!/usr/bin/env bash
# mc-api under a 0.25 vCPU cgroup with a 2-connection pool, on Debian's PostgreSQL loaded with the 8,378-task sample:
#  - GET /tasks?status=open and POST /tasks: throughput and p50/p99 (wrk, 2 connections, DURATION s), beside pgbench
#    running the same SQL with 2 connections on the same database (the raw floor), as a ratio;
#  - POST 201 → row visible on another connection: p50/p99 over 500 posts;
#  - cold start to the first 200 and idle RSS, without and with a CDS archive; medians of RUNS.
# Usage: bench/mc-api.sh [RUNS] [DURATION]
# Env: API_JIT (default -XX:TieredStopAtLevel=1, the image's), WARMUP seconds of load before each measurement (default 0).
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
RUNS="${1:-5}"; DURATION="${2:-10}"
ROOT="$(cd .. && pwd)"
JAVA="$(java21)"
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
bench_pg
(cd "$ROOT" && ./mvnw -q -pl services-src/mc-api -am package -DskipTests >/dev/null)
(cd framework && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" mvn -q package -DskipTests >/dev/null)

# A fresh mission_control schema holding the migrated sample.
psql -q "$BENCH_PG" -c "DROP TABLE IF EXISTS tasks CASCADE" -c "DROP TABLE IF EXISTS flyway_schema_history"
SAMPLE="$(mktemp -d)/mission-control.db"
"$ROOT/alai-deploy" migrate sample --out "$SAMPLE" >/dev/null
"$ROOT/alai-deploy" migrate mc --from "$SAMPLE" --to "$BENCH_PG" >/dev/null

# The issuer and a token come from the local environment (mock-oauth2-server).
eval "$("$ROOT/alai-deploy" local up dev-phase2 2>/dev/null | grep '^export OIDC_ISSUER\|^export TOKEN')"
export TOKEN
JAR="$ROOT/services-src/mc-api/target/mc-api.jar"
CDS="$(mktemp -d)/mc-api.jsa"
start_api() { # extra JVM flags… → pid; waits for the first 200 and prints ms on fd 3
  local t0; t0=$(now_ms)
  (PORT=18081 DATABASE_URL="$BENCH_PG" OIDC_ISSUER="$OIDC_ISSUER" OIDC_AUDIENCE="api://alai-control-plane" DB_POOL_SIZE=2 \
    quarter_cpu "$JAVA" -XX:+UseSerialGC -Xss256k -XX:MaxRAMPercentage=75 ${API_JIT--XX:TieredStopAtLevel=1} "$@" -jar "$JAR" >/dev/null 2>&1) &
  API_PID=$!
  until curl -fs -o /dev/null http://127.0.0.1:18081/readyz; do sleep 0.01; done
  START_MS=$(( $(now_ms) - t0 ))
}
stop_api() { kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; }

# Train the CDS archive once (a real run that serves requests).
start_api -XX:ArchiveClassesAtExit="$CDS"; curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18081/tasks?status=open"; stop_api; sleep 1

for mode in plain cds; do
  starts=(); rsss=()
  for _ in $(seq "$RUNS"); do
    if [[ $mode == cds ]]; then start_api -XX:SharedArchiveFile="$CDS"; else start_api; fi
    starts+=("$START_MS"); sleep 3
    rsss+=("$(awk '/VmRSS/ {print $2}' "/proc/$API_PID/status")"); stop_api
  done
  echo "cold start ($mode): median $(median "${starts[@]}") ms to first 200; idle RSS median $(( $(median "${rsss[@]}") / 1024 )) MiB"
done

start_api -XX:SharedArchiveFile="$CDS"
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18081/tasks?status=open"
WARMUP="${WARMUP:-0}"
if [[ "$WARMUP" -gt 0 ]]; then
  wrk -c2 -t1 -d"${WARMUP}s" -s get.lua "http://127.0.0.1:18081/tasks?status=open" >/dev/null
  wrk -c2 -t1 -d"${WARMUP}s" -s post.lua "http://127.0.0.1:18081/tasks" >/dev/null
fi
measure() { # label lua url → RUNS wrk runs, each listed, then the median req/s
  local rates=() out
  echo "$1 (wrk -c2 -t1 -d${DURATION}s ×$RUNS, after ${WARMUP}s of warm-up; JIT ${API_JIT--XX:TieredStopAtLevel=1}):"
  for _ in $(seq "$RUNS"); do
    out="$(wrk -c2 -t1 -d"${DURATION}s" --latency -s "$2" "$3")"
    rates+=("$(awk '/Requests\/sec/ {printf "%d", $2}' <<<"$out")")
    echo "  $(awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} END {print r " req/s, p50 " p50 ", p99 " p99}' <<<"$out")"
  done
  echo "  median $(median "${rates[@]}") req/s"
}
measure "GET /tasks?status=open" get.lua "http://127.0.0.1:18081/tasks?status=open"
measure "POST /tasks" post.lua "http://127.0.0.1:18081/tasks"
echo "POST 201 → visible on another connection (p50 p99 max, ms):"
"$JAVA" -cp "framework/target/classes:framework/target/lib/*" bench.Visibility http://127.0.0.1:18081 "$TOKEN" "$BENCH_JDBC" 500
stop_api

cat > /tmp/pgb-get.sql <<'SQL'
SELECT id, title, description, status, assignee, tags, priority, created_at, updated_at, closed_at, archived, version, extra::text FROM tasks WHERE id > 0 AND status = 'open' ORDER BY id LIMIT 51;
SQL
cat > /tmp/pgb-post.sql <<'SQL'
INSERT INTO tasks (title, description, status, assignee, tags, priority, closed_at) VALUES ('bench task', NULL, 'open', NULL, '{bench}', 1, NULL) RETURNING id, title, description, status, assignee, tags, priority, created_at, updated_at, closed_at, archived, version, extra::text;
SQL
echo "pgbench, same SQL, 2 connections:"
for kind in get post; do
  tps=()
  for _ in $(seq "$RUNS"); do
    tps+=("$(pgbench -n -c2 -j1 -T"$DURATION" -f "/tmp/pgb-$kind.sql" "$BENCH_PG" 2>/dev/null | awk '/^tps/ {printf "%d", $3; exit}')")
  done
  echo "  $kind: ${tps[*]} tps; median $(median "${tps[@]}")"
done
"$ROOT/alai-deploy" local down dev-phase2 >/dev/null
