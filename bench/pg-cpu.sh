#!/usr/bin/env bash
# PostgreSQL's cost per GET /tasks?status=open, on the data that once made it walk the primary key (tasks-data.sql:
# 8,378 mostly closed tasks, then 70,000 open ones with the highest ids), in a private Debian PostgreSQL with
# pg_stat_statements:
#  1. the database alone (pgbench -M prepared, 2 clients, DURATION s): the plain statement (status = $1 ORDER BY id)
#     beside the one mc-api sends (TaskQuery), ms of planning + execution per call, and the plan each gets;
#  2. through mc-api under 0.25 vCPU / 512 MiB (20 s warm-up, RUNS wrk runs, each listed, then medians): req/s,
#     p99, pg_stat_statements ms per call and the CPU ms of every PostgreSQL process per request.
# Target: GET ≤ 0.2 ms of PostgreSQL CPU per request. Usage: bench/pg-cpu.sh [RUNS] [DURATION]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
source ./measure.sh
RUNS="${1:-3}"; DURATION="${2:-10}"
ROOT="$(cd .. && pwd)"
JAVA="$(java21)"
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }
[ -f "$ROOT/services-src/mc-api/target/mc-api.jar" ] || (cd "$ROOT" && ./mvnw -q -pl services-src/mc-api -am package -DskipTests >/dev/null)
private_pg
trap 'stop_api; [ -z "${ISSUER_PID:-}" ] || kill "$ISSUER_PID"; private_pg_stop' EXIT
DB="$(private_db mc)"
bench_issuer 18990
MC=(env DATABASE_URL="$DB" OIDC_ISSUER="$OIDC_ISSUER" OIDC_AUDIENCE="api://alai-control-plane" DB_POOL_SIZE=2
  "$JAVA" -XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Xss256k -XX:-UsePerfData -XX:TieredStopAtLevel=1
  -jar "$ROOT/services-src/mc-api/target/mc-api.jar")
start_api mc-api 18081 "${MC[@]}"; stop_api      # migrates the empty schema
psql -q "$DB" -f tasks-data.sql
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

COLS="id, title, description, status, assignee, tags, priority, created_at, updated_at, closed_at, archived, version, extra::text"
echo "SELECT $COLS FROM tasks WHERE id > 0 AND status = 'open' ORDER BY id LIMIT 51;" > /tmp/alai-bench-plain.sql
echo "SELECT $COLS FROM tasks WHERE id > 0 AND status = ANY('{open}') ORDER BY status, id LIMIT 51;" > /tmp/alai-bench-shaped.sql
echo "1. the database alone (pgbench -M prepared -c2 -T$DURATION):"
for shape in plain shaped; do
  pgstat_reset "$DB"
  tps="$(pgbench -n -M prepared -c2 -j1 -T"$DURATION" -f "/tmp/alai-bench-$shape.sql" "$DB" 2>/dev/null | awk '/^tps/ {printf "%d", $3; exit}')"
  plan="$(psql -qtA "$DB" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $(cat "/tmp/alai-bench-$shape.sql")" \
    | grep -E 'Scan|Removed' | sed 's/^ *//; s/-> *//' | paste -sd';')"
  printf '  %-6s %6s tps, %s ms per call (pg_stat_statements); plan: %s\n' "$shape" "$tps" "$(pgstat_ms "$DB" SELECT)" "$plan"
done

echo "2. through mc-api (0.25 vCPU, wrk -c2 -t1 -d${DURATION}s, after 20 s warm-up): req/s p50 p99 pgstat-ms/call pg-cpu-ms/req"
start_api mc-api 18081 "${MC[@]}"
wrk -c2 -t1 -d20s -s get.lua "http://127.0.0.1:18081/tasks?status=open" >/dev/null
rows=()
for run in $(seq "$RUNS"); do
  rows+=("$(wrk_run get.lua "http://127.0.0.1:18081/tasks?status=open" "$DURATION" "$DB" SELECT)")
  echo "  run $run: ${rows[-1]}   (load $(cut -d' ' -f1 /proc/loadavg))"
done
col() { printf '%s\n' "${rows[@]}" | awk -v c="$1" '{print $c}' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "  median: $(col 1) req/s, p99 $(col 3) ms, pg_stat_statements $(col 4) ms/call, PostgreSQL CPU $(col 5) ms/request (target ≤ 0.2)"
