#!/usr/bin/env bash
# `alai-deploy migrate mc` beside pgloader (Debian package) on the same SQLite files into the same PostgreSQL 15:
# the 8,378-task sample and a 1,000,000-task one. Whole-process wall time, medians of RUNS, rows/s and the ratio;
# then an ordered hash of (id, title, description) on both targets to show the row contents are identical.
# Our whole-process time includes the verification pass (counts, aggregates, hash, every row) inside the same
# transaction; pgloader verifies nothing. The report's own split (start → COPY and indexes done = "load", the rest =
# "verify") is printed beside it, so the load alone can be set against pgloader.
# The files hold every table the sample writes (tasks, comments, agents, a WITHOUT ROWID table, an empty one, a table
# whose name needs quoting); `migrate mc` copies and verifies all of them. pgloader gets a copy without the table
# whose name needs quoting: with it, pgloader stops before copying anything (a syntax error creating its schema).
# Usage: bench/migrate.sh [RUNS] [LARGE_RUNS]   (the 1,000,000-task file takes ~30 s a run)
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
RUNS="${1:-3}"; LARGE_RUNS="${2:-1}"
ROOT="$(cd .. && pwd)"
command -v pgloader >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q pgloader >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q sqlite3 >/dev/null; }
bench_pg
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
"$ROOT/alai-deploy" migrate sample --out "$DIR/small.db" >/dev/null
"$ROOT/alai-deploy" migrate sample --out "$DIR/large.db" --tasks 1000000 --open 12000 >/dev/null
for size in small large; do
  cp "$DIR/$size.db" "$DIR/$size-pgloader.db"
  sqlite3 "$DIR/$size-pgloader.db" 'DROP TABLE "order ""items"" 📦"'
done

fresh() { # database name → url
  psql -q "$BENCH_PG" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
  echo "postgres://bench:bench@127.0.0.1:5432/$1"
}
content_hash() { # url table
  psql -qtA "$1" -c "SELECT md5(string_agg(id::text || '|' || coalesce(title, '') || '|' || coalesce(description, ''), E'\n' ORDER BY id)) FROM $2"
}

for size in small large; do
  rows=$( [[ $size == small ]] && echo 8378 || echo 1000000 )
  ours=(); loads=(); verifies=(); theirs=()
  n=$( [[ $size == small ]] && echo "$RUNS" || echo "$LARGE_RUNS" )
  for _ in $(seq "$n"); do
    url=$(fresh bench_ours)
    t0=$(now_ms); "$ROOT/alai-deploy" migrate mc --from "$DIR/$size.db" --to "$url" --json >"$DIR/report.json" 2>/dev/null || { echo "migrate mc failed verification"; exit 1; }
    ours+=("$(( $(now_ms) - t0 ))")
    loads+=("$(sed -n 's/.*"loadMillis" : \([0-9]*\).*/\1/p' "$DIR/report.json")")
    verifies+=("$(sed -n 's/.*"verifyMillis" : \([0-9]*\).*/\1/p' "$DIR/report.json")")
    url2=$(fresh bench_pgloader)
    theirs+=("$(time_ms pgloader --quiet "sqlite://$DIR/$size-pgloader.db" "postgresql://bench:bench@127.0.0.1:5432/bench_pgloader")")
  done
  o=$(median "${ours[@]}"); t=$(median "${theirs[@]}"); l=$(median "${loads[@]}"); v=$(median "${verifies[@]}")
  same=$([[ "$(content_hash "$url" tasks)" == "$(content_hash "$url2" tasks)" ]] && echo identical || echo DIFFERENT)
  printf '%-6s rows=%-8s ours %7s ms (%8s rows/s; in the process: load %s ms, verify %s ms)   pgloader %7s ms (%8s rows/s)   ratio %sx   contents %s\n' \
    "$size" "$rows" "$o" "$(( rows * 1000 / o ))" "$l" "$v" "$t" "$(( rows * 1000 / t ))" "$(awk "BEGIN{printf \"%.2f\", $t/$o}")" "$same"
  echo "  runs: ours ${ours[*]}; pgloader ${theirs[*]}"
done
