#!/usr/bin/env bash
# Writes REPORT.md and one PNG chart per area from report.sh's runs.tsv (area, api, run, metric, value per line):
# medians per API and measure, ours beside each peer with the ratio, the target and whether it is met, and every run.
# Usage: bench/report-write.sh RUNS_TSV OUT_DIR RUNS DURATION WARMUP
set -euo pipefail
RAW="$1"; OUT="$2"; RUNS="$3"; DURATION="$4"; WARMUP="$5"
MD="$OUT/REPORT.md"
DERIVED="$OUT/.derived.tsv"
: > "$DERIVED"
trap 'rm -f "$DERIVED"' EXIT

values() { awk -F'\t' -v a="$1" -v p="$2" -v m="$3" '$1 == a && $2 == p && $4 == m && $5 != "" {print $5}' "$RAW" "$DERIVED"; }
med() { values "$@" | sort -g | awk '{v[NR] = $1} END {if (NR) print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2); else print "–"}'; }
runs() { values "$@" | paste -sd, | sed 's/,/, /g'; }
has() { [ -n "$(values "$@")" ]; }
div() { awk -v a="$1" -v b="$2" 'BEGIN {if (a + 0 == 0 && b + 0 == 0 || b + 0 == 0 || a == "–" || b == "–") print "–"; else printf "%.2f", a / b}'; }
better() { # higher|lower a b → the better of the two
  awk -v d="$1" -v a="$2" -v b="$3" 'BEGIN {print (d == "higher" ? (a + 0 >= b + 0 ? a : b) : (a + 0 <= b + 0 ? a : b))}'; }
met() { # value op limit → yes/NO
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {if (v == "–") {print "–"; exit} ok = (op == ">=" ? v + 0 >= l : op == ">" ? v + 0 > l : v + 0 <= l); print ok ? "yes" : "**no**"}'; }

# chart NAME TITLE AREA "api:label ..." "metric:title ..." → OUT/NAME.png, one panel per measure, a bar per API.
chart() {
  local name="$1" title="$2" area="$3" apis="$4" metrics="$5" dat="$OUT/$1.dat" i=0 n titles=""
  : > "$dat"
  for m in $metrics; do
    for a in $apis; do label="${a#*:}"; echo "\"${label//_/ }\" $(med "$area" "${a%%:*}" "${m%%:*}" | sed 's/–/0/')" >> "$dat"; done
    printf '\n\n' >> "$dat"
    titles="$titles \"${m#*:}\""
  done
  n=$(wc -w <<<"$metrics")
  gnuplot <<EOF
set terminal pngcairo size $((320 * n)),360 font "sans,10"
set output "$OUT/$name.png"
set multiplot layout 1,$n title "$title" font "sans,12"
set style fill solid 0.8 border -1
set boxwidth 0.6
set yrange [0:*]
set offsets 0.3, 0.3, graph 0.15, 0
unset key
set grid ytics
array T[$n] = [$(sed 's/^ //; s/" "/", "/g' <<<"$titles" | sed 's/_/ /g')]
do for [i=1:$n] {
  set title T[i]
  plot "$dat" index (i-1) using 0:2:(\$0+1):xtic(1) with boxes lc variable, "" index (i-1) using 0:2:(sprintf("%g", \$2)) with labels offset 0,0.8
}
unset multiplot
EOF
  rm -f "$dat"
}

{
  echo "# Performance beside fair peers"
  echo
  echo "Written by \`bench/report.sh $RUNS $DURATION\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores shared with other work"
  echo "(the load average at each measurement is in the tables). Every API ran alone under load in its own cgroup of 0.25 vCPU"
  echo "and 512 MiB, against a private PostgreSQL 15 on the same machine. Medians of $RUNS runs; every run is listed under"
  echo "its table. The Node services in \`bench/peers\` are yardsticks, not products: the seed's planned design doing the"
  echo "same work (same SQL, JSON bytes, JWT checks, 2-connection pool)."
  echo
  if has api mc-api get_rps; then
    echo "## mc-api beside Express 5 + pg and Fastify 5 + pg"
    echo
    echo "${WARMUP} s of warm-up, then \`wrk -c2 -t1 -d${DURATION}s\` per measure; data: tasks-data.sql (70,000 open tasks with the highest ids)."
    echo "$(cat "$OUT/checks.txt" 2>/dev/null | paste -sd';' | sed 's/;/; /g')."
    echo
    echo "| measure | mc-api | Express | Fastify | mc-api ÷ better peer | target | met |"
    echo "|---|---|---|---|---|---|---|"
    for row in "get_rps:GET /tasks?status=open, req/s:higher:>=:1.5" "get_p99_ms:GET p99, ms:lower:<=:1" \
               "post_rps:POST /tasks, req/s:higher:>=:1.5" "post_p99_ms:POST p99, ms:lower:<=:1"; do
      IFS=: read -r m label dir op limit <<<"$row"
      o=$(med api mc-api "$m"); e=$(med api express "$m"); f=$(med api fastify "$m")
      r=$(div "$o" "$(better "$dir" "$e" "$f")")
      echo "| $label | $o | $e | $f | $r | $([[ $op == ">=" ]] && echo "≥" || echo "≤") ${limit}× | $(met "$r" "$op" "$limit") |"
    done
    for row in "pg_stat_ms_per_get:PostgreSQL ms per GET (pg_stat_statements)" "pg_cpu_ms_per_get:PostgreSQL CPU ms per GET (all its processes)" \
               "pg_cpu_ms_per_post:PostgreSQL CPU ms per POST (all its processes)"; do
      IFS=: read -r m label <<<"$row"
      o=$(med api mc-api "$m")
      target=$([[ $m == pg_stat_ms_per_get ]] && echo "≤ 0.2 ms | $(met "$o" "<=" 0.2)" || echo "– | –")
      echo "| $label | $o | $(med api express "$m") | $(med api fastify "$m") | $(div "$o" "$(better lower "$(med api express "$m")" "$(med api fastify "$m")")") | $target |"
    done
    echo "| load average (1 min) during GET / POST | $(med api mc-api load_get) / $(med api mc-api load_post) | $(med api express load_get) / $(med api express load_post) | $(med api fastify load_get) / $(med api fastify load_post) | | | |"
    echo
    echo "![mc-api beside the Node peers](api.png)"
    echo
    echo "Every run:"
    for m in get_rps get_p99_ms post_rps post_p99_ms pg_stat_ms_per_get pg_cpu_ms_per_get; do
      echo "- $m: mc-api $(runs api mc-api $m) · Express $(runs api express $m) · Fastify $(runs api fastify $m)"
    done
    echo
    chart api "mc-api (AOT cache) beside Express 5 and Fastify 5, each at 0.25 vCPU" api \
      "mc-api:mc-api express:Express fastify:Fastify" \
      "get_rps:GET_req/s get_p99_ms:GET_p99_ms post_rps:POST_req/s post_p99_ms:POST_p99_ms pg_stat_ms_per_get:PostgreSQL_ms/GET"
  fi
  if has start mc-api start_ms; then
    echo "## Start → readiness and idle memory"
    echo
    echo "Process start → first \`/readyz\` 200 under 0.25 vCPU, and RSS after 3 s idle, at every start of the runs above. mc-api is the"
    echo "process with the JDK AOT cache trained in this run (as the image ships it), not the image under podman."
    echo
    echo "| measure | mc-api | Express | Fastify | mc-api ÷ Express | target | met |"
    echo "|---|---|---|---|---|---|---|"
    o=$(med start mc-api start_ms); e=$(med start express start_ms)
    echo "| start → readiness, ms | $o | $e | $(med start fastify start_ms) | $(div "$o" "$e") | ≤ 1,000 ms and ≤ Express | $(met "$o" "<=" 1000) / $(met "$o" "<=" "$e") |"
    o=$(med start mc-api rss_mib); e=$(med start express rss_mib)
    echo "| idle RSS, MiB | $o | $e | $(med start fastify rss_mib) | $(div "$o" "$e") | ≤ 64 MiB | $(met "$o" "<=" 64) |"
    echo
    echo "![start and memory](start.png)"
    echo
    echo "Every run: start ms: mc-api $(runs start mc-api start_ms) · Express $(runs start express start_ms) · Fastify $(runs start fastify start_ms);"
    echo "RSS MiB: mc-api $(runs start mc-api rss_mib) · Express $(runs start express rss_mib) · Fastify $(runs start fastify rss_mib)."
    echo
    chart start "Start to readiness and idle RSS at 0.25 vCPU" start "mc-api:mc-api express:Express fastify:Fastify" \
      "start_ms:start_to_/readyz,_ms rss_mib:idle_RSS,_MiB"
  fi
  if has hivemind hivemind-api p99_ms; then
    echo "## HiveMind publish → deliver beside ws + pg LISTEN/NOTIFY"
    echo
    echo "Two replicas each, every replica in its own 0.25 vCPU cgroup; \`bench/hivemind/LoadGen.java\`: 500 msg/s alternating"
    echo "between the replicas for 30 s after 20 s of warm-up, 10 WebSocket subscribers acking; maximum rate: the highest of"
    echo "RAMP sustained for 10 s with every publish acknowledged at ≥ 95 % of the rate, nothing lost and p99 ≤ 1 s."
    echo
    echo "| measure | hivemind-api | ws peer | ours ÷ peer | target | met |"
    echo "|---|---|---|---|---|---|"
    for row in "p50_ms:publish → deliver p50, ms" "p99_ms:publish → deliver p99, ms"; do
      IFS=: read -r m label <<<"$row"; o=$(med hivemind hivemind-api "$m"); p=$(med hivemind ws-peer "$m")
      echo "| $label | $o | $p | $(div "$o" "$p") | $([[ $m == p99_ms ]] && echo "≤ 1× | $(met "$(div "$o" "$p")" "<=" 1)" || echo "– | –") |"
    done
    o=$(values hivemind hivemind-api missing | paste -sd+ | bc); p=$(values hivemind ws-peer missing | paste -sd+ | bc)
    echo "| deliveries missing (all runs) | $o | $p | | 0 | $(met "$o" "<=" 0) |"
    o=$(med hivemind hivemind-api max_rate); p=$(med hivemind ws-peer max_rate)
    echo "| maximum sustained rate, msg/s | $o | $p | $(div "$o" "$p") | > 1× | $(met "$(div "$o" "$p")" ">" 1) |"
    echo "| load average (1 min) | $(med hivemind hivemind-api load) | $(med hivemind ws-peer load) | | | |"
    echo
    echo "![HiveMind beside the ws peer](hivemind.png)"
    echo
    echo "Every run: p99 ms: ours $(runs hivemind hivemind-api p99_ms) · peer $(runs hivemind ws-peer p99_ms); p50 ms: ours $(runs hivemind hivemind-api p50_ms) · peer $(runs hivemind ws-peer p50_ms)."
    echo
    chart hivemind "HiveMind (2 replicas x 0.25 vCPU) beside ws + LISTEN/NOTIFY" hivemind "hivemind-api:hivemind-api ws-peer:ws_peer" \
      "p50_ms:p50_ms p99_ms:p99_ms max_rate:max_sustained_msg/s"
  fi
  if has migrate ours verified_ms; then
    v=$(med migrate ours verified_ms); l=$(med migrate ours load_ms); c=$(med migrate ours verify_ms); g=$(med migrate pgloader load_ms)
    rows() { awk -v ms="$1" 'BEGIN {printf "%d", 1000000 * 1000 / ms}'; }
    echo "## Migration of a 1,000,000-task SQLite file beside pgloader"
    echo
    echo "\`bench/migrate.sh\`: \`alai-deploy migrate mc\` (load, then full verification in the same transaction) against pgloader's"
    echo "unverified load of the same file into the same PostgreSQL (load average $(med migrate ours load))."
    echo
    echo "| measure | ours, ms | ours, rows/s | pgloader, rows/s | ours ÷ pgloader | target | met |"
    echo "|---|---|---|---|---|---|---|"
    echo "| verified run (load + verify) | $v | $(rows "$v") | $(rows "$g") | $(div "$g" "$v") | ≥ 1.0× | $(met "$(div "$g" "$v")" ">=" 1) |"
    echo "| load alone | $l | $(rows "$l") | $(rows "$g") | $(div "$g" "$l") | | |"
    echo "| verification alone | $c | $(rows "$c") | | | | |"
    echo
    echo "![migration beside pgloader](migrate.png)"
    echo
    printf 'migrate\tours-verified\t1\trows_s\t%s\nmigrate\tours-load\t1\trows_s\t%s\nmigrate\tpgloader\t1\trows_s\t%s\n' \
      "$(rows "$v")" "$(rows "$l")" "$(rows "$g")" >> "$DERIVED"
    chart migrate "1,000,000 tasks from SQLite into PostgreSQL" migrate \
      "ours-verified:ours,_verified ours-load:ours,_load_alone pgloader:pgloader,_unverified" "rows_s:rows/s"
  fi
} > "$MD"
