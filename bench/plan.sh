#!/usr/bin/env bash
# Wall time of `alai-deploy plan` from a built jar (whole process, median of RUNS), beside the floor:
# the same JVM starting and printing its version. Usage: bench/plan.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RUNS="${1:-7}"
./alai-deploy --version >/dev/null    # builds the jar if stale; warms the class-data archive
JAVA="$(java21)"
declare -a floor one all
for _ in $(seq "$RUNS"); do
  floor+=("$(time_ms "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version)")
  one+=("$(time_ms ./alai-deploy plan dev-phase2)")
  all+=("$(time_ms ./alai-deploy plan --all)")
done
f=$(median "${floor[@]}"); o=$(median "${one[@]}"); a=$(median "${all[@]}")
echo "runs=$RUNS  jvm-floor=${f}ms  plan dev-phase2=${o}ms ($(awk "BEGIN{printf \"%.1f\", $o/$f}")x floor)  plan --all=${a}ms ($(awk "BEGIN{printf \"%.1f\", $a/$f}")x floor)"
