# Sourced by bench scripts: an API under its own 0.25 vCPU / 512 MiB cgroup, a real OIDC issuer, and one wrk run
# measured on both sides: req/s, p50/p99 from wrk, and PostgreSQL's cost per request from pg_stat_statements
# (planning + execution of the statement) and from the CPU time of every process of the private cluster.

# Starts mock-oauth2-server on 127.0.0.1:$1 (classpath from mc-api's tests); exports OIDC_ISSUER, TOKEN, ISSUER_PID.
bench_issuer() {
  local out; out="$(mktemp)"
  [ -s /tmp/alai-bench-test-cp ] || (cd "$ROOT" && ./mvnw -q -pl services-src/mc-api dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/alai-bench-test-cp >/dev/null)
  "$JAVA" -cp "$(cat /tmp/alai-bench-test-cp)" "$ROOT/bench/issuer/Issuer.java" "$1" >"$out" 2>/dev/null &
  ISSUER_PID=$!
  until grep -q '^export TOKEN' "$out"; do sleep 0.2; done
  eval "$(cat "$out")"; export OIDC_ISSUER TOKEN
}

# start_api NAME PORT command… : runs the command in cgroup alai-bench-NAME (0.25 vCPU, 512 MiB), waits for
# /readyz 200; sets API_PID and START_MS (process start → first /readyz 200).
start_api() {
  local name="$1" port="$2" t0; shift 2
  t0=$(now_ms)
  (CPU_GROUP="alai-bench-$name" MEM_MIB=512 PORT="$port" quarter_cpu "$@" >"/tmp/alai-bench-$name.log" 2>&1) &
  API_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/readyz"; do
    kill -0 "$API_PID" 2>/dev/null || { echo "$name died at start:"; tail -5 "/tmp/alai-bench-$name.log"; return 1; }
    sleep 0.01
  done
  START_MS=$(( $(now_ms) - t0 ))
}
stop_api() { [ -z "${API_PID:-}" ] || { kill "$API_PID" 2>/dev/null; wait "$API_PID" 2>/dev/null || true; }; API_PID=; }
rss_mib() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }

# CPU ticks (1/CLK_TCK s) used so far by every process of the private cluster.
pg_ticks() {
  local master; master="$(head -1 "$PRIVATE_PG_DIR/postmaster.pid")"
  { echo "$master"; pgrep -P "$master"; } | while read -r p; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null; done \
    | awk '{s += $1} END {print s + 0}'
}
pgstat_reset() { psql -qtA "$1" -c "SELECT pg_stat_statements_reset()" >/dev/null; }
# Planning + execution ms per call of the statements on tasks whose text starts with $2 (e.g. 'SELECT id' or 'INSERT').
pgstat_ms() {
  psql -qtA "$1" -c "SELECT coalesce(round((sum(total_plan_time + total_exec_time) / nullif(sum(calls), 0))::numeric, 3), 0)
    FROM pg_stat_statements WHERE query LIKE '$2%' AND query LIKE '%tasks%'"
}

# wrk_run LUA URL DURATION DB_URL STATEMENT_PREFIX → one line: req/s p50_ms p99_ms pg_stat_ms_per_call pg_cpu_ms_per_request
wrk_run() {
  local out t0 t1 reqs
  pgstat_reset "$4"; t0=$(pg_ticks)
  out="$(wrk -c2 -t1 -d"$3s" --latency -s "$1" "$2")"
  t1=$(pg_ticks)
  reqs="$(awk '/requests in/ {print $1}' <<<"$out")"
  awk -v reqs="$reqs" -v ticks=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v stat="$(pgstat_ms "$4" "$5")" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ {r = $2} / 50%/ {p50 = ms($2)} / 99%/ {p99 = ms($2)} /Non-2xx/ {bad = $NF}
    END {printf "%d %.2f %.2f %.3f %.3f%s\n", r, p50, p99, stat, ticks * 1000 / hz / reqs, bad ? " NON-2xx:" bad : ""}' <<<"$out"
}

# check_same NAME PORT: the API on PORT answers GET /tasks?status=open with the bytes mc-api (on 18081) answers, and
# its POST /tasks body is the bytes mc-api answers for GET /tasks/{that id}. Prints the verdict; fails when they differ.
check_same() {
  local ours theirs id
  ours="$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18081/tasks?status=open")"
  theirs="$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$2/tasks?status=open")"
  [[ -n "$ours" && "$ours" == "$theirs" ]] || { echo "$1: GET /tasks?status=open differs from mc-api's"; diff <(echo "$ours") <(echo "$theirs") | head -c 600; return 1; }
  theirs="$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"same bytes ✓","description":"a \"quoted\"\nline","tags":["bench","b"],"priority":3,"assignee":"kim"}' "http://127.0.0.1:$2/tasks")"
  id="$(sed 's/^{"id":\([0-9]*\),.*/\1/' <<<"$theirs")"
  ours="$(curl -fs -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:18081/tasks/$id")"
  [[ -n "$ours" && "$ours" == "$theirs" ]] || { echo "$1: POST /tasks body differs from mc-api's GET of task $id"; diff <(echo "$ours") <(echo "$theirs") | head -c 600; return 1; }
  echo "$1: byte-identical to mc-api (GET /tasks?status=open, and a POST /tasks body beside mc-api's GET of it)"
}
