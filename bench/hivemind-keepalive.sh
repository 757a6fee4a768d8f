#!/usr/bin/env bash
# HiveMind keepalive at the real intervals: the conformance test's long scenario (two replicas, the JDK's WebSocket
# client) with the server's default HIVEMIND_WS_PING_SECONDS=30 and clients that ping every 20 s and give up without
# a pong within 20 s (Python websockets' defaults), for SPAN seconds (default 600: past Helidon's 5-minute idle cut,
# which a quiet subscriber used to hit, and past every client timeout). Three subscribers: one quiet that pings, one
# quiet that never pings, one receiving a message every 200 ms. Passes when all three are still subscribed at the end
# with nothing lost, reordered or unanswered.
# Usage: bench/hivemind-keepalive.sh [SPAN_SECONDS] [SERVER_PING_SECONDS] [CLIENT_PING_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SPAN="${1:-600}"; PING="${2:-30}"; CLIENT="${3:-20}"
LOG=services-src/hivemind-api/target/hivemind-keepalive.log
REPORT=services-src/hivemind-api/target/surefire-reports/TEST-com.alai.cloud.services.hivemind.KeepaliveTest.xml
mkdir -p "$(dirname "$LOG")"; rm -f "$REPORT"
start=$(date +%s)
./mvnw -pl services-src/hivemind-api -am verify -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='KeepaliveTest#aStandardClientStaysSubscribedThroughQuietPeriodsAndLongStreams' \
  -Dhivemind.keepalive.spanSeconds="$SPAN" -Dhivemind.keepalive.pingSeconds="$PING" \
  -Dhivemind.keepalive.clientPingSeconds="$CLIENT" >"$LOG" 2>&1 && result=passed || result=FAILED
echo "keepalive for ${SPAN}s (server ping ${PING}s, client ping/timeout ${CLIENT}s): $result in $(( $(date +%s) - start ))s;" \
  "test time $(sed -n 's/.*testcase name="aStandardClient[^"]*"[^>]*time="\([0-9.]*\)".*/\1/p' "$REPORT" 2>/dev/null) s (log: $LOG)"
[ "$result" = passed ] || { grep -E 'ERROR|FAIL|Tests run' "$LOG" | head -20; exit 1; }
