#!/usr/bin/env bash
# Start time of the `alai` client, whole process through the ./alai launcher (bash, staleness check, JVM, command):
# `alai --version` and `alai mc list` (50 open tasks of the migrated 8,378-task sample, through a local mc-api from
# `alai-deploy local up dev-phase2`), each with no class-data cache, with the dynamic CDS archive (the launcher's
# default) and with JDK 25's AOT cache; curl fetching the same page in the same run as the peer. Runs interleaved;
# every run printed, then the medians.
# Usage: bench/alai-start.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
source ./lib.sh
RUNS="${1:-5}"
ROOT="$(cd .. && pwd)"
ALAI="$ROOT/alai"
"$ALAI" --version >/dev/null                      # builds when stale
ALAI_JVM_CACHE=cds "$ALAI" --version >/dev/null   # records each cache once, outside the timings
ALAI_JVM_CACHE=aot "$ALAI" --version >/dev/null
trap '"$ROOT/alai-deploy" local down dev-phase2 >/dev/null 2>&1 || true' EXIT
eval "$("$ROOT/alai-deploy" local up dev-phase2 2>/dev/null | grep '^export MC_URL\|^export TOKEN')"
export ALAI_MC_URL="$MC_URL" ALAI_TOKEN="$TOKEN"
"$ALAI" mc list >/dev/null || { echo "alai mc list fails against $MC_URL" >&2; exit 1; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $(date -u +%FT%TZ)"
printf '%-4s %9s %9s %9s %9s %9s %9s %9s\n' run ver/off ver/cds ver/aot list/off list/cds list/aot curl
declare -A all
for i in $(seq 1 "$RUNS"); do
  row=()
  for m in off cds aot; do v=$(ALAI_JVM_CACHE=$m time_ms "$ALAI" --version); all[ver/$m]+=" $v"; row+=("$v"); done
  for m in off cds aot; do v=$(ALAI_JVM_CACHE=$m time_ms "$ALAI" mc list); all[list/$m]+=" $v"; row+=("$v"); done
  v=$(time_ms curl -sf -H "Authorization: Bearer $TOKEN" "$MC_URL/tasks?status=any_open&limit=50"); all[curl]+=" $v"; row+=("$v")
  printf '%-4s %9s %9s %9s %9s %9s %9s %9s\n' "$i" "${row[@]}"
done
printf '%-4s' med
for k in ver/off ver/cds ver/aot list/off list/cds list/aot curl; do
  # shellcheck disable=SC2086
  printf ' %9s' "$(median ${all[$k]})"
done
echo
echo "(ms, whole process; load average $(cut -d' ' -f1-3 /proc/loadavg) at end)"
