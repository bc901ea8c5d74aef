#!/usr/bin/env bash
# The benchmarks of issue 15, in one run. Not a timed test: run by hand, on a quiet machine.
#   bench/run.sh                 time to first answer (cold and warm rule cache); a one-rule edit re-checked under
#                                coverage --watch; audit throughput — I/O floor, full and lean output, the engine
#                                alone — on 200,000 synthetic projects in -Xmx256m; then HTTP at 500 req/s
#   RECORDS=1000000 bench/run.sh the same with a million projects (the audit finishing in -Xmx256m, peak RSS)
#   SKIP_START=1 SKIP_RECHECK=1 SKIP_HTTP=1 bench/run.sh   skip those parts
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${RECORDS:-200000}
RATE=${RATE:-500}
SECONDS_HTTP=${SECONDS_HTTP:-30}
PORT=${PORT:-18085}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

if [ -z "${SKIP_START:-}" ]; then
  echo "== time to first answer (java -jar to the first 200 on POST /api/v1/assessments)"
  bench/first-answer.sh 3
fi
if [ -z "${SKIP_RECHECK:-}" ]; then
  echo "== a one-rule edit re-checked (coverage --watch)"
  bench/recheck.sh 3
fi
echo "== audit: ${RECORDS} synthetic projects, -Xmx256m, $(nproc) cores"
if [ -x /usr/bin/time ]; then   # Debian's package "time": the peak RSS
  /usr/bin/time -v java -Xmx256m -jar "$JAR" bench --records "$RECORDS" 2> /tmp/lgm-bench-time.txt
  grep -E 'Maximum resident|Elapsed' /tmp/lgm-bench-time.txt
else
  java -Xmx256m -jar "$JAR" bench --records "$RECORDS"
fi

[ -n "${SKIP_HTTP:-}" ] && exit 0
echo "== HTTP: POST /api/v1/assessments at ${RATE} requests/s"
# The coverage page is computed in the background at start-up; the load starts once it is ready.
java -Xmx512m -Dquarkus.http.port="$PORT" -jar "$JAR" > /tmp/lgm-bench-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "localhost:$PORT/api/v1/coverage" >/dev/null 2>&1 && break
  sleep 1
done
# Open-loop Java client at a fixed rate (p50/p99 of latencies at that rate).
java -jar "$JAR" bench-http --url "http://localhost:$PORT/api/v1/assessments" --rate "$RATE" --seconds "$SECONDS_HTTP"
# wrk from Debian's packages as a second opinion (closed loop: its latencies are at its own, maximal, rate).
if ! command -v wrk >/dev/null 2>&1; then
  (apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk >/dev/null 2>&1) || echo "(wrk not installed; skipped)"
fi
if command -v wrk >/dev/null 2>&1; then
  cat > /tmp/lgm-post.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("examples/rare-earth-proposal.json", "r"); wrk.body = f:read("*a"); f:close()
LUA
  echo "-- wrk, closed loop (the server's ceiling)"
  wrk -t2 -c16 -d20s --latency -s /tmp/lgm-post.lua "http://localhost:$PORT/api/v1/assessments"
  # Paced: each of 12 connections waits 20 ms between requests, a little over 500 requests/s when the server keeps up;
  # wrk's own client is light enough to share the 2 cores, which the open-loop Java client above is not.
  { cat /tmp/lgm-post.lua; echo 'function delay() return 20 end'; } > /tmp/lgm-post-paced.lua
  echo "-- wrk, paced near ${RATE} requests/s"
  wrk -t2 -c12 -d30s --latency -s /tmp/lgm-post-paced.lua "http://localhost:$PORT/api/v1/assessments"
fi
