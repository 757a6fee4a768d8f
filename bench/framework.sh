#!/usr/bin/env bash
# Which HTTP stack for the services? Javalin 7, Helidon SE 4 and the JDK's built-in server (the floor), each serving
# one endpoint that reads Postgres through a 2-connection pool, each under a 0.25 vCPU cgroup. Measures time from
# process start to the first 200 and RSS after 3 s idle; medians of RUNS. Usage: bench/framework.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
RUNS="${1:-5}"
JAVA="$(java21)"
bench_pg
psql -q "$BENCH_PG" -c "CREATE TABLE IF NOT EXISTS tasks (id bigint, status text)" -c "TRUNCATE tasks" \
  -c "INSERT INTO tasks SELECT g, CASE WHEN g % 66 = 0 THEN 'open' ELSE 'done' END FROM generate_series(1, 8378) g"
(cd framework && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" mvn -q package -DskipTests >/dev/null)
export BENCH_DB="$BENCH_JDBC" PORT=18080
FLAGS=(-XX:+UseSerialGC -Xss256k -XX:MaxRAMPercentage=75 -XX:TieredStopAtLevel=1 -Xshare:auto)

measure() { # main class → "startup_ms rss_kib"
  local t0 pid ms rss
  t0=$(now_ms)
  (quarter_cpu "$JAVA" "${FLAGS[@]}" -cp "framework/target/classes:framework/target/lib/*" "$1" >/dev/null 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/db"; do sleep 0.01; done
  ms=$(( $(now_ms) - t0 ))
  sleep 3
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

printf '%-10s %16s %14s\n' server "start→200 (ms)" "idle RSS (MiB)"
for server in JdkMain JavalinMain HelidonMain; do
  starts=(); rsss=()
  for _ in $(seq "$RUNS"); do
    read -r ms rss < <(measure "bench.$server")
    starts+=("$ms"); rsss+=("$rss")
  done
  printf '%-10s %16s %14s\n' "${server%Main}" "$(median "${starts[@]}")" "$(( $(median "${rsss[@]}") / 1024 ))"
done
