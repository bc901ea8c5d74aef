#!/usr/bin/env bash
# What an investor's requests cost (docs/WEB.md, "Cost"): p50/p99 of each kind of request on the README example,
# against the packaged service, with bench-http (open loop) at a rate low enough that requests rarely overlap.
# Not a timed test: run by hand, on a quiet machine; the load average is printed with the figures.
#   bench/web-costs.sh            starts the service on $PORT (default 18086) and stops it at the end
#   URL=http://host:8080 bench/web-costs.sh   measures a service already running
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
PORT=${PORT:-18086}
SECONDS_EACH=${SECONDS_EACH:-30}
if [ -z "${URL:-}" ]; then
  URL="http://localhost:$PORT"
  java -Xmx512m -Dquarkus.http.port="$PORT" -jar "$JAR" > /tmp/lgm-web-costs.log 2>&1 &
  SERVICE=$!
  trap 'kill $SERVICE 2>/dev/null || true' EXIT
  # the coverage page is computed in the background at start-up: measure once it is done
  for _ in $(seq 1 600); do curl -sf "$URL/api/v1/coverage" >/dev/null 2>&1 && break; sleep 1; done
fi
run() {   # label, path, body, rate
  echo "-- $1 (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -jar "$JAR" bench-http --url "$URL$2" --body "$3" --rate "$4" --seconds "$SECONDS_EACH" --warmup 10 | grep -E 'latency|achieved'
}
run "POST /api/v1/assessments (plain)"                       /api/v1/assessments                     examples/rare-earth-proposal.json 20
run "POST /api/v1/assessments?lang=vi"                       "/api/v1/assessments?lang=vi"           examples/rare-earth-proposal.json 20
run "POST /api/v1/assessments?counterfactuals=true"          "/api/v1/assessments?counterfactuals=true" examples/rare-earth-proposal.json 2
run "POST /api/v1/interviews/next, the README example"       /api/v1/interviews/next                 bench/bodies/interview-rare-earth.json 20
run "POST /api/v1/interviews/next, a quarry after the first screen" /api/v1/interviews/next          bench/bodies/interview-quarry.json 20
