#!/usr/bin/env bash
# Where mc-api's CPU goes under its quota: mc-api (image flags, AOT cache if report.sh trained one) in its 0.25 vCPU
# cgroup on the private PostgreSQL holding tasks-data.sql, WARMUP s of load, then a JFR recording (settings=profile)
# while wrk drives ROUTE (get | post) for DURATION s. Prints JFR's hot methods and the top frames by package.
# Usage: bench/profile.sh [get|post] [DURATION] [WARMUP]   Leaves bench/report/mc-api-ROUTE.jfr.
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
source ./measure.sh
ROUTE="${1:-get}"; DURATION="${2:-20}"; WARMUP="${3:-20}"
ROOT="$(cd .. && pwd)"
JAVA="$(java21)"; JFR_TOOL="$(dirname "$JAVA")/jfr"
OUT="$ROOT/bench/report"; mkdir -p "$OUT"
JFR_FILE="$OUT/mc-api-$ROUTE.jfr"
private_pg
trap 'stop_api; [ -z "${ISSUER_PID:-}" ] || kill "$ISSUER_PID"; private_pg_stop' EXIT
DB="$(private_db mc)"
bench_issuer 18990
AOT="$ROOT/bench/.mc-api.aot"
MC=(env DATABASE_URL="$DB" OIDC_ISSUER="$OIDC_ISSUER" OIDC_AUDIENCE="api://alai-control-plane" DB_POOL_SIZE=2
  "$JAVA" -XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Xss256k -XX:-UsePerfData -XX:TieredStopAtLevel=1)
[ -s "$AOT" ] && MC+=(-XX:AOTCache="$AOT")
start_api mc-api 18081 "${MC[@]}" -jar "$ROOT/services-src/mc-api/target/mc-api.jar"; stop_api
psql -q "$DB" -f tasks-data.sql
rm -f "$JFR_FILE"
start_api mc-api 18081 "${MC[@]}" -XX:StartFlightRecording=filename="$JFR_FILE",settings=profile,delay=$((WARMUP + 2))s,duration=${DURATION}s \
  -jar "$ROOT/services-src/mc-api/target/mc-api.jar"
LUA=$([[ $ROUTE == get ]] && echo get.lua || echo post.lua)
URL=$([[ $ROUTE == get ]] && echo "http://127.0.0.1:18081/tasks?status=open" || echo "http://127.0.0.1:18081/tasks")
wrk -c2 -t1 -d"${WARMUP}s" -s "$LUA" "$URL" >/dev/null
echo "profiled $ROUTE: $(wrk_run "$LUA" "$URL" "$((DURATION + 2))" "$DB" "$([[ $ROUTE == get ]] && echo SELECT || echo INSERT)") (req/s p50 p99 pgstat pgcpu), load $(cut -d' ' -f1-3 /proc/loadavg)"
sleep 2; stop_api
"$JFR_TOOL" view --width 160 hot-methods "$JFR_FILE" | head -40
echo "share of CPU samples whose stack includes each part of the request path (inclusive; a sample may count twice):"
"$JFR_TOOL" print --events jdk.ExecutionSample --stack-depth 128 "$JFR_FILE" | awk '
  BEGIN {
    split("jackson=com.fasterxml.jackson|jdbc (pgjdbc)=org.postgresql|pool (Hikari)=com.zaxxer.hikari|helidon http=io.helidon|jwt (nimbus)=com.nimbusds|logging (logback, JsonLog)=ch.qos.logback|json log=common.log.|regex=java.util.regex|time formatting=java.time.format|dispatcher=common.http.Dispatcher|mc-api code=services.mc.|TaskRepository.task (row to record)=TaskRepository.task|TaskFilter.from=TaskFilter.from|GC/JIT/other threads (no java frame)=@none", parts, "|")
    for (i in parts) {split(parts[i], kv, "="); name[i] = kv[1]; pat[i] = kv[2]}
  }
  /stackTrace = \[/ {inside = 1; stack = ""; next}
  inside && /^[ \t]*\]/ {inside = 0; n++; for (i in pat) if (index(stack, pat[i])) hit[i]++; next}
  inside {stack = stack " " $1}
  END {for (i in pat) if (hit[i]) printf "%6.1f%%  %s\n", 100 * hit[i] / n, name[i]; printf "%6d   samples in all\n", n}' | sort -rn
