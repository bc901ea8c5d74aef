#!/usr/bin/env bash
# A one-rule edit re-checked: `coverage --watch` on a copy of rules/ and cases/, one rule's text edited (EXP-001's
# remediation, as a lawyer would reword it), and the time from the edit to the re-checked result it prints.
#   bench/recheck.sh [EDITS]   (default 3 edits, one after another, in the same watching process)
# Two times per edit: the re-checked result (the gate and what broke, exact) and the complete report after it.
#   EDIT=code bench/recheck.sh [EDITS]   edits EXP-001's condition instead (a comment after its pattern: the
#                                        watch cannot tell it from a change of logic, so it reruns what EXP-001 touches)
set -euo pipefail
cd "$(dirname "$0")/.."
EDITS=${1:-3}
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
WORK=$(mktemp -d)
cp -r rules cases "$WORK"/
LOG="$WORK/watch.log"
java ${JAVA_OPTS:-} -Drules.cache.dir="$WORK/cache" -jar "$JAR" coverage --watch --rules "$WORK/rules" \
     --cases "$WORK/cases" --out "$WORK/coverage" > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
until grep -q '^Watching' "$LOG"; do kill -0 $PID 2>/dev/null || { cat "$LOG"; exit 1; }; sleep 0.1; done
grep -E '^Run in|^Gate' "$LOG" | sed 's/^/  first run: /'
FILE="$WORK/rules/export/export.drl"
for i in $(seq 1 "$EDITS"); do
  n=$(grep -c '^Re-checked' "$LOG" || true)
  start=$(date +%s%N)
  if [ "${EDIT:-text}" = code ]; then
    sed -i "0,/\$x : ExportLine( )/s//\$x : ExportLine( ) \/\/ edit $i/" "$FILE"
  else
    sed -i "0,/Do not export the/s//Do not export the (edit $i)/" "$FILE"
  fi
  until [ "$(grep -c '^Re-checked' "$LOG" || true)" -gt "$n" ]; do sleep 0.02; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "edit $i: re-checked result printed $ms ms after the edit; $(grep '^Re-checked' "$LOG" | tail -1)"
  # then the remaining mutant runs complete the report (its lists of killers) and write it
  until [ "$(grep -c '^Report complete' "$LOG" || true)" -gt "$n" ]; do sleep 0.02; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "        report complete $ms ms after the edit; $(grep '^Report complete' "$LOG" | tail -1)"
done
