#!/usr/bin/env bash
# Our services beside fair peers, in one run, written up as bench/report/REPORT.md (one markdown table per area, ours
# beside each peer with the ratio and the target) plus one PNG chart per area (gnuplot). The peers in bench/peers are
# yardsticks, not products. Every API runs in its own 0.25 vCPU / 512 MiB cgroup (lib.sh's quarter_cpu), one loaded at
# a time, on a private PostgreSQL 15 (Debian's, with pg_stat_statements); every run is listed; tables show medians.
# Areas (AREAS, default all):
#  api      mc-api vs Express 5 + pg vs Fastify 5 + pg: per run each API starts afresh, WARMUP s of load (half GET,
#           half POST), then GET /tasks?status=open and POST /tasks for DURATION s each (wrk -c2 -t1): req/s, p99, and
#           PostgreSQL's ms per GET (pg_stat_statements: planning + execution; and the CPU of every PostgreSQL process
#           per request). Responses are checked byte-for-byte against mc-api's before any timing.
#  start    from the same runs: process start → first /readyz 200, and RSS after 3 s idle. mc-api is the process with
#           its JDK AOT cache trained here (as the image ships it), not the image under podman.
#  hivemind two hivemind-api replicas vs two ws-peer replicas (each its own cgroup): LoadGen at 500 msg/s for 30 s
#           after 20 s of warm-up, 10 subscribers (p50/p99, loss), RUNS times; then the highest sustained rate of
#           RAMP (10 s each): every publish acknowledged at ≥ 95 % of the rate, nothing lost, delivery p99 ≤ 1 s.
#  migrate  bench/migrate.sh on the 1,000,000-task file: the verified run, its load and verify phases, vs pgloader.
# Usage: bench/report.sh [RUNS] [DURATION]   Env: AREAS, WARMUP (20), RAMP ("500 750 1000 1500 2000"), JFR=1 (also
# records a JFR profile of mc-api under its quota during the last GET run, to bench/report/mc-api-get.jfr).
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
source ./measure.sh
RUNS="${1:-3}"; DURATION="${2:-10}"; WARMUP="${WARMUP:-20}"
AREAS="${AREAS:-api start hivemind migrate}"
RAMP="${RAMP:-500 750 1000 1500 2000}"
ROOT="$(cd .. && pwd)"
JAVA="$(java21)"
OUT="$ROOT/bench/report"
mkdir -p "$OUT"
RAW="$OUT/runs.tsv"
# Areas not run this time keep their earlier figures (api and start come from the same runs).
touch "$RAW"
for area in $AREAS; do
  [[ $area == api || $area == start ]] && sed -i '/^api\t/d; /^start\t/d' "$RAW" || sed -i "/^$area\t/d" "$RAW"
done
[[ " $AREAS " != *" api "* && " $AREAS " != *" start "* ]] || rm -f "$OUT/checks.txt"
for tool in wrk gnuplot; do command -v "$tool" >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q "$tool" >/dev/null || apt-get install -y -q gnuplot-nox >/dev/null; }; done
[ -d peers/node_modules ] || (cd peers && npm ci --no-audit --no-fund >/dev/null)
(cd "$ROOT" && ./mvnw -q -pl services-src/mc-api,services-src/hivemind-api -am package -DskipTests >/dev/null)
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RAW"; } # area api run metric value
load1() { cut -d' ' -f1 /proc/loadavg; }

PIDS=()
cleanup() { stop_api; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; [ -z "${ISSUER_PID:-}" ] || kill "$ISSUER_PID"; private_pg_stop; }
trap cleanup EXIT
private_pg
bench_issuer 18990
ENV=(env OIDC_ISSUER="$OIDC_ISSUER" OIDC_AUDIENCE="api://alai-control-plane" DB_POOL_SIZE=2)
JVM=(-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Xss256k -XX:-UsePerfData -XX:TieredStopAtLevel=1)
AOT="$OUT/../.mc-api.aot"

api_command() { # name db → the command line of that API
  case "$1" in
    mc-api) echo "${ENV[*]} DATABASE_URL=$2 $JAVA ${JVM[*]} -XX:AOTCache=$AOT ${JFR_FLAGS:-} -jar $ROOT/services-src/mc-api/target/mc-api.jar" ;;
    express|fastify) echo "${ENV[*]} DATABASE_URL=$2 node peers/$1.mjs" ;;
  esac
}

if [[ " $AREAS " == *" api "* || " $AREAS " == *" start "* ]]; then
  DB="$(private_db mc)"
  # The schema, the data that made PostgreSQL walk the primary key, and mc-api's AOT cache trained on both routes.
  rm -f "$AOT"
  start_api mc-api 18081 "${ENV[@]}" DATABASE_URL="$DB" "$JAVA" "${JVM[@]}" -XX:AOTCacheOutput="$AOT" -jar "$ROOT/services-src/mc-api/target/mc-api.jar"
  psql -q "$DB" -f tasks-data.sql
  wrk -c2 -t1 -d3s -s get.lua "http://127.0.0.1:18081/tasks?status=open" >/dev/null
  wrk -c2 -t1 -d2s -s post.lua "http://127.0.0.1:18081/tasks" >/dev/null
  stop_api
  [ -s "$AOT" ] || { echo "no AOT cache written for mc-api" >&2; exit 1; }
  # Same bytes first: each peer beside an idle mc-api.
  start_api mc-api 18081 $(api_command mc-api "$DB"); MC_PID=$API_PID
  for peer in express fastify; do
    start_api "peer-$peer" 18082 $(api_command "$peer" "$DB")
    check_same "$peer" 18082 | tee -a "$OUT/checks.txt"
    stop_api
  done
  API_PID=$MC_PID; stop_api
  for run in $(seq "$RUNS"); do
    for api in mc-api express fastify; do
      [[ $api == mc-api && $run == "$RUNS" && -n "${JFR:-}" ]] && JFR_FLAGS="-XX:StartFlightRecording=filename=$OUT/mc-api-get.jfr,settings=profile,delay=$((WARMUP + 3))s,duration=${DURATION}s" || JFR_FLAGS=
      start_api "$api" 18085 $(api_command "$api" "$DB")
      record start "$api" "$run" start_ms "$START_MS"
      sleep 3
      record start "$api" "$run" rss_mib "$(rss_mib "$API_PID")"
      wrk -c2 -t1 -d"$((WARMUP / 2))s" -s get.lua "http://127.0.0.1:18085/tasks?status=open" >/dev/null
      wrk -c2 -t1 -d"$((WARMUP / 2))s" -s post.lua "http://127.0.0.1:18085/tasks" >/dev/null
      read -r rps p50 p99 stat cpu bad <<<"$(wrk_run get.lua "http://127.0.0.1:18085/tasks?status=open" "$DURATION" "$DB" SELECT)"
      record api "$api" "$run" get_rps "$rps"; record api "$api" "$run" get_p99_ms "$p99"
      record api "$api" "$run" pg_stat_ms_per_get "$stat"; record api "$api" "$run" pg_cpu_ms_per_get "$cpu"
      record api "$api" "$run" load_get "$(load1)"
      [ -z "${bad:-}" ] || echo "  $api GET: $bad"
      read -r rps p50 p99 stat cpu bad <<<"$(wrk_run post.lua "http://127.0.0.1:18085/tasks" "$DURATION" "$DB" INSERT)"
      record api "$api" "$run" post_rps "$rps"; record api "$api" "$run" post_p99_ms "$p99"
      record api "$api" "$run" pg_cpu_ms_per_post "$cpu"; record api "$api" "$run" load_post "$(load1)"
      [ -z "${bad:-}" ] || echo "  $api POST: $bad"
      stop_api
      echo "run $run $api: $(grep -P "\t$api\t$run\t" "$RAW" | cut -f4,5 | tr '\t\n' '= ' )"
    done
  done
fi

if [[ " $AREAS " == *" hivemind "* ]]; then
  HDB="$(private_db hivemind)"
  hm_command() { # kind replica → command
    case "$1" in
      hivemind-api) echo "${ENV[*]} DATABASE_URL=$HDB HIVEMIND_REPLICA=$2 $JAVA ${JVM[*]} -jar $ROOT/services-src/hivemind-api/target/hivemind-api.jar" ;;
      ws-peer) echo "${ENV[*]} DATABASE_URL=$HDB node peers/hivemind-ws.mjs" ;;
    esac
  }
  start_api hm-a 18091 $(hm_command hivemind-api a); stop_api   # migrates the schema both use
  loadgen() { # rate seconds warmup → LoadGen's output
    "$JAVA" hivemind/LoadGen.java http://127.0.0.1:18091 http://127.0.0.1:18092 "$TOKEN" "$1" "$2" 10 "$3" || true
  }
  field() { sed -n "s/.*$1 \([0-9.]*\).*/\1/p" <<<"$2" | head -1; }
  for kind in hivemind-api ws-peer; do
    start_api "$kind-a" 18091 $(hm_command "$kind" a); PIDS+=("$API_PID")
    start_api "$kind-b" 18092 $(hm_command "$kind" b); PIDS+=("$API_PID"); API_PID=
    for run in $(seq "$RUNS"); do
      out="$(loadgen 500 30 20)"
      record hivemind "$kind" "$run" p50_ms "$(field 'latency p50' "$out")"
      record hivemind "$kind" "$run" p99_ms "$(sed -n 's/.*ms, p99 \([0-9.]*\) ms, max.*/\1/p' <<<"$out")"
      record hivemind "$kind" "$run" missing "$(field 'missing' "$out" | tr -d ,)"
      record hivemind "$kind" "$run" load "$(load1)"
      echo "run $run $kind at 500 msg/s:"; sed 's/^/  /' <<<"$out"
    done
    best=0
    for rate in $RAMP; do
      out="$(loadgen "$rate" 10 5)"
      acked="$(sed -n 's/^published \([0-9]*\)\/\([0-9]*\) acknowledged in [0-9.]* s (\([0-9]*\) msg\/s).*/\1 \2 \3/p' <<<"$out")"
      read -r ok total achieved <<<"${acked:-0 1 0}"
      p99="$(sed -n 's/.*ms, p99 \([0-9.]*\) ms, max.*/\1/p' <<<"$out")"
      missing="$(field 'missing' "$out" | tr -d ,)"
      echo "  ramp $kind $rate msg/s: acknowledged $ok/$total at $achieved msg/s, missing ${missing:-?}, p99 ${p99:-?} ms"
      if [[ "$ok" == "$total" && "${missing:-1}" == 0 ]] && awk "BEGIN {exit !($achieved >= 0.95 * $rate && ${p99:-1e9} <= 1000)}"; then best=$rate; else break; fi
    done
    record hivemind "$kind" 1 max_rate "$best"
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done; PIDS=()
  done
fi

if [[ " $AREAS " == *" migrate "* ]]; then
  out="$(./migrate.sh 1 "${MIGRATE_RUNS:-1}")"
  echo "$out"
  line="$(grep '^large' <<<"$out")"
  record migrate ours 1 verified_ms "$(sed -n 's/.*ours *\([0-9]*\) ms.*/\1/p' <<<"$line")"
  record migrate ours 1 load_ms "$(sed -n 's/.*: load \([0-9]*\) ms, verify.*/\1/p' <<<"$line")"
  record migrate ours 1 verify_ms "$(sed -n 's/.*, verify \([0-9]*\) ms).*/\1/p' <<<"$line")"
  record migrate pgloader 1 load_ms "$(sed -n 's/.*pgloader *\([0-9]*\) ms.*/\1/p' <<<"$line")"
  record migrate ours 1 load "$(load1)"
fi

./report-write.sh "$RAW" "$OUT" "$RUNS" "$DURATION" "$WARMUP"
echo "wrote $OUT/REPORT.md"
