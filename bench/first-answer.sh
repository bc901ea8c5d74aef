#!/usr/bin/env bash
# Time from `java -jar` to the first answered POST /api/v1/assessments, with a cold rule cache (an empty cache
# folder: every rule package compiled) and then a warm one (the same folder: every package read from the cache).
#   bench/first-answer.sh [RUNS]     (default 3 runs of each; prints each and the median)
# JAVA (default: java on the PATH) and JAVA_OPTS choose the JVM and its options, JAR the application.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PORT=${PORT:-18086}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
JAVA=${JAVA:-java}
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
CACHE=$(mktemp -d)
trap 'rm -rf "$CACHE"' EXIT

# One start: prints the milliseconds from launch to the first 200 on an assessment, then stops the service.
first_answer() {
  local start pid ms
  start=$(date +%s%N)
  "$JAVA" ${JAVA_OPTS:-} -Dquarkus.http.port="$PORT" -Drules.cache.dir="$CACHE" \
       -jar "$JAR" > /tmp/lgm-first-answer.log 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -X POST "localhost:$PORT/api/v1/assessments" -H 'Content-Type: application/json' \
        -d @examples/rare-earth-proposal.json; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the service stopped; see /tmp/lgm-first-answer.log" >&2; return 1; fi
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # The CPU time the service used up to its first answer (user + system, all threads): what a busy machine
  # cannot inflate the way it inflates the wall clock.
  cpu=$(awk -v t="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cold=(); warm=(); coldcpu=(); warmcpu=()
for _ in $(seq 1 "$RUNS"); do
  rm -rf "${CACHE:?}"/*
  read -r ms cpu < <(first_answer); cold+=("$ms"); coldcpu+=("$cpu")
  grep -o 'Loaded [0-9]* rules.*' /tmp/lgm-first-answer.log | head -1 | sed 's/^/  cold: /'
  read -r ms cpu < <(first_answer); warm+=("$ms"); warmcpu+=("$cpu")
  grep -o 'Loaded [0-9]* rules.*' /tmp/lgm-first-answer.log | head -1 | sed 's/^/  warm: /'
done
echo "first answer, cold rule cache: wall ${cold[*]} ms (median $(printf '%s\n' "${cold[@]}" | median)); CPU ${coldcpu[*]} ms (median $(printf '%s\n' "${coldcpu[@]}" | median))"
echo "first answer, warm rule cache: wall ${warm[*]} ms (median $(printf '%s\n' "${warm[@]}" | median)); CPU ${warmcpu[*]} ms (median $(printf '%s\n' "${warmcpu[@]}" | median))"
