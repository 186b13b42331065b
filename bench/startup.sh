#!/usr/bin/env bash
# Measures the host's cold start and hot-deploy latency on this machine and prints a table.
#   cold start: wall time of `./synlab plugins --json` (JVM start, Felix, SCR, FileInstall's first
#               scan of the shipped bundles, the listing, shutdown), N runs
#   hot deploy: a host serves a copy of bundles/; the example plugin's jar is copied in and deleted
#               again N times; latency = the host's log time of "plugin part added/removed" minus
#               the time of the copy/delete
# Usage: bench/startup.sh [N]   (default 5; builds nothing: run ./synlab build first)
set -euo pipefail
ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-5}
JAR=$ROOT/plugins/examples/neuron-example/target/neuron-example-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "bench: build the example first: ./mvnw -f plugins/examples/neuron-example/pom.xml package" >&2; exit 2; }
export SYNLAB_NO_BUILD=1
work=$(mktemp -d)
trap 'pkill -f "synlab.bundles=$work/bundles" 2>/dev/null || true; rm -rf "$work"' EXIT

# milliseconds since midnight, the unit the host's log times are compared in
now_ms() { day_ms "$(date +%H:%M:%S.%3N)"; }
day_ms() { echo "$1" | awk -F'[:.]' '{print (($1 * 60 + $2) * 60 + $3) * 1000 + $4}'; }
# a latency across midnight would come out negative by one day
elapsed() { local d=$(($2 - $1)); [ "$d" -lt 0 ] && d=$((d + 86400000)); echo "$d"; }

cold=()
for _ in $(seq "$N"); do
  t0=$(now_ms); "$ROOT/synlab" plugins --json >/dev/null 2>&1; t1=$(now_ms)
  cold+=("$(elapsed "$t0" "$t1")")
done

mkdir -p "$work/bundles"
cp "$ROOT"/bundles/synlab-*.jar "$work/bundles/"
# wall-clock times in the log, so the host's clock and ours compare directly
SYNLAB_BUNDLES=$work/bundles \
SYNLAB_JAVA_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS" \
  "$ROOT/synlab" serve >"$work/serve.out" 2>"$work/serve.err" </dev/null &
until grep -q "Synlab serving" "$work/serve.out" 2>/dev/null; do sleep 0.1; done

# waits for the k-th log line of an event and prints its time in ms since midnight
logged_at() { # event k
  while [ "$(grep -c "plugin part $1: neuron:softsign" "$work/serve.err")" -lt "$2" ]; do sleep 0.02; done
  day_ms "$(grep "plugin part $1: neuron:softsign" "$work/serve.err" | sed -n "$2p" | awk '{print $1}')"
}
added=(); removed=()
for k in $(seq "$N"); do
  t0=$(now_ms); cp "$JAR" "$work/bundles/example.jar"
  added+=("$(elapsed "$t0" "$(logged_at added "$k")")")
  t0=$(now_ms); rm "$work/bundles/example.jar"
  removed+=("$(elapsed "$t0" "$(logged_at removed "$k")")")
  sleep 1
done

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%6d %6d %6d", a[1], a[int((NR+1)/2)], a[NR]}'; }
printf '%-44s %6s %6s %6s  (ms, %d runs)\n' "measurement" "min" "median" "max" "$N"
printf '%-44s %s\n' "cold start: ./synlab plugins --json" "$(stats "${cold[@]}")"
printf '%-44s %s\n' "hot deploy: jar copied -> part usable" "$(stats "${added[@]}")"
printf '%-44s %s\n' "hot undeploy: jar deleted -> part gone" "$(stats "${removed[@]}")"
