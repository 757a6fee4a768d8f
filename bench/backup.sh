#!/usr/bin/env bash
# Backups: `alai-deploy backup run` (COPY dump, gzip, upload) and `backup verify` (download, restore into a scratch
# database, checksum every table, 100-row sample against the source) on Debian's PostgreSQL 15 with Azurite as the
# Blob API; a mission_control of 8,378 tasks and one of 1,000,000. Medians of RUNS (1 run for the large one).
# Usage: bench/backup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
source ./pg.sh
RUNS="${1:-3}"
ROOT="$(cd .. && pwd)"
command -v azurite-blob >/dev/null || npm install -g --no-fund --no-audit azurite >/dev/null
bench_pg
AZ="$(mktemp -d)"
# A made-up account and key for this run: no storage key is kept in the repository.
KEY="$(head -c 32 /dev/urandom | base64 -w0)"
AZURITE_ACCOUNTS="alaibench:$KEY" azurite-blob --blobHost 127.0.0.1 --blobPort 10099 --location "$AZ" --silent --skipApiVersionCheck --loose >/dev/null 2>&1 & AZPID=$!
trap 'kill $AZPID 2>/dev/null' EXIT
export AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=alaibench;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:10099/alaibench;"
export DATABASE_PASSWORD=bench
SAMPLE="$(mktemp -d)/mc.db"
"$ROOT/alai-deploy" migrate sample --out "$SAMPLE" >/dev/null
for size in small large; do
  psql -q "$BENCH_PG" -c "DROP DATABASE IF EXISTS mission_control" -c "DROP DATABASE IF EXISTS hivemind" \
    -c "CREATE DATABASE mission_control" -c "CREATE DATABASE hivemind" >/dev/null
  "$ROOT/alai-deploy" migrate mc --from "$SAMPLE" --to "postgres://bench:bench@127.0.0.1:5432/mission_control" >/dev/null
  if [[ $size == large ]]; then
    psql -q "postgres://bench:bench@127.0.0.1:5432/mission_control" -c "INSERT INTO tasks (id, title, description, status, tags, created_at, updated_at, extra)
      SELECT g, 'task ' || g, repeat('d', 200), CASE WHEN g % 80 = 0 THEN 'open' ELSE 'done' END, '{ops}', now(), now(), '{\"k\":1}'
      FROM generate_series(8379, 1000000) g"
  fi
  rows=$(psql -qtA "postgres://bench:bench@127.0.0.1:5432/mission_control" -c "SELECT count(*) FROM tasks")
  n=$( [[ $size == small ]] && echo "$RUNS" || echo 1 )
  dumps=(); verifies=()
  for _ in $(seq "$n"); do
    dumps+=("$(time_ms "$ROOT/alai-deploy" backup run --source "jdbc:postgresql://127.0.0.1:5432/?user=bench")")
    t0=$(now_ms)
    "$ROOT/alai-deploy" backup verify --source "jdbc:postgresql://127.0.0.1:5432/?user=bench" >/dev/null 2>&1 || { echo "verify failed"; exit 1; }
    verifies+=("$(( $(now_ms) - t0 ))")
  done
  printf '%-6s tasks=%-8s dump+upload %7s ms   restore+verify %7s ms\n' "$size" "$rows" "$(median "${dumps[@]}")" "$(median "${verifies[@]}")"
done
