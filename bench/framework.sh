#!/usr/bin/env bash
# Which HTTP stack for every service? Helidon SE 4 and the JDK's built-in server, each serving the same code (a
# 2-connection pool opened after the server listens; GET /tasks: 50 open rows as JSON through Jackson), each with its
# own JDK 25 AOT cache trained on this workload, each under a 0.25 vCPU cgroup with a 512 MiB memory limit and the
# image's JVM flags. Per run, servers interleaved: ms from process start to /healthz 200 (liveness) and /readyz 200
# (readiness), RSS after 3 s idle, GET /tasks req/s (wrk, 2 connections, DURATION s after WARMUP s). Every run is
# listed, then medians and the Helidon/JDK ratio. Also prints what each answers, before our code, to a malformed query.
# Usage: bench/framework.sh [RUNS] [DURATION] [WARMUP]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
RUNS="${1:-5}"; DURATION="${2:-10}"; WARMUP="${3:-10}"
JAVA="$(java21)"
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
bench_pg
psql -q "$BENCH_PG" -c "DROP TABLE IF EXISTS tasks CASCADE" \
  -c "CREATE TABLE tasks (id bigint PRIMARY KEY, title text, status text, description text)" \
  -c "INSERT INTO tasks SELECT g, 'task ' || g, CASE WHEN g % 4 = 0 THEN 'open' ELSE 'done' END, repeat('words ', 50) FROM generate_series(1, 8378) g"
(cd framework && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" mvn -q package -DskipTests >/dev/null)
export BENCH_DB="$BENCH_JDBC" PORT=18080 MEM_MIB=512
FLAGS=(-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Xss256k -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:MaxRAM=512m)
URL="http://127.0.0.1:$PORT"
CP="framework/target/framework-bench-1.jar:framework/target/lib/*"

train() { # main class → an AOT cache trained on start, readiness and GET /tasks (as images/AotTrainer does)
  local aot="framework/target/$1.aot" pid
  rm -f "$aot"
  "$JAVA" "${FLAGS[@]}" -XX:AOTCacheOutput="$aot" -cp "$CP" "bench.$1" >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "$URL/readyz"; do sleep 0.05; done
  wrk -t1 -c2 -d3s "$URL/tasks" >/dev/null
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  [ -s "$aot" ] || { echo "no AOT cache written for $1" >&2; exit 1; }
}

measure() { # main class → "live_ms ready_ms rss_mib req_per_s"
  local t0 pid live ready rss rps
  t0=$(now_ms)
  (quarter_cpu "$JAVA" "${FLAGS[@]}" -XX:AOTCache="framework/target/$1.aot" -cp "$CP" "bench.$1" >/dev/null 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "$URL/healthz"; do sleep 0.01; done
  live=$(( $(now_ms) - t0 ))
  until curl -fs -o /dev/null "$URL/readyz"; do sleep 0.01; done
  ready=$(( $(now_ms) - t0 ))
  sleep 3
  rss=$(( $(awk '/VmRSS/ {print $2}' "/proc/$(pgrep -P "$pid" java || echo "$pid")/status") / 1024 ))
  wrk -t1 -c2 -d"${WARMUP}s" "$URL/tasks" >/dev/null
  rps=$(wrk -t1 -c2 -d"${DURATION}s" "$URL/tasks" | awk '/Requests\/sec/ {printf "%d", $2}')
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pkill -P "$pid" 2>/dev/null || true
  echo "$live $ready $rss $rps"
}

SERVERS=(JdkMain HelidonMain)
for server in "${SERVERS[@]}"; do
  train "$server"
  "$JAVA" -cp "$CP" "bench.$server" >/dev/null 2>&1 & pid=$!
  until curl -fs -o /dev/null "$URL/readyz"; do sleep 0.05; done
  echo "${server%Main} answers GET /tasks?cursor=%%%garbage before our code with:"
  curl -s -D - -o /tmp/framework-garbage.$$ "$URL/tasks?cursor=%%%garbage" | head -1 | sed 's/^/  /'
  head -c 200 /tmp/framework-garbage.$$ | sed 's/^/  body: /'; echo
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
rm -f /tmp/framework-garbage.$$

declare -A LIVE READY RSS RPS
printf '%-4s %-8s %9s %10s %9s %9s\n' run server "live ms" "ready ms" "RSS MiB" "GET req/s"
for run in $(seq "$RUNS"); do
  for server in "${SERVERS[@]}"; do
    read -r live ready rss rps < <(measure "$server")
    LIVE[$server]+="$live "; READY[$server]+="$ready "; RSS[$server]+="$rss "; RPS[$server]+="$rps "
    printf '%-4s %-8s %9s %10s %9s %9s\n' "$run" "${server%Main}" "$live" "$ready" "$rss" "$rps"
  done
done
echo "medians of $RUNS runs:"
for server in "${SERVERS[@]}"; do
  # shellcheck disable=SC2086
  printf '%-4s %-8s %9s %10s %9s %9s\n' "" "${server%Main}" "$(median ${LIVE[$server]})" "$(median ${READY[$server]})" \
    "$(median ${RSS[$server]})" "$(median ${RPS[$server]})"
done
# shellcheck disable=SC2086
awk -v hl="$(median ${LIVE[HelidonMain]})" -v jl="$(median ${LIVE[JdkMain]})" -v hr="$(median ${READY[HelidonMain]})" \
  -v jr="$(median ${READY[JdkMain]})" -v hm="$(median ${RSS[HelidonMain]})" -v jm="$(median ${RSS[JdkMain]})" \
  -v hq="$(median ${RPS[HelidonMain]})" -v jq="$(median ${RPS[JdkMain]})" \
  'BEGIN { printf "Helidon / JDK: liveness %.2f×, readiness %.2f×, idle RSS %.2f×, GET /tasks %.2f×\n", hl/jl, hr/jr, hm/jm, hq/jq }'
