#!/usr/bin/env bash
# Measures what recording a run in the run store costs: the same experiment is run with the store
# on and off, alternately (on, off, on, off...) so that a drifting machine load hits both alike,
# and the medians are compared.
#   run s:     the run's own wall time (wall_seconds of the --json summary): training only, where
#              the recorder's per-step work happens (a point queued per epoch) and where the
#              writer thread competes for the cores
#   process s: the whole ./synlab run, JVM start to exit: adds opening the store (schema check,
#              interrupted-run scan) and the final commit
#   cpu s:     user + system CPU seconds of that process, all threads: the work the store adds,
#              whatever else the machine runs (on a shared, busy machine the wall times swing by
#              tens of percent between identical runs; this figure does not)
# The default experiment logs every step: XOR has one batch per epoch, and every epoch's five
# metrics go into the history (20000 steps, 100000 points).
# The store under test is an H2 file in a temporary folder (never ~/.synlab); "off" is
# SYNLAB_STORE=off, the switch users have (or -Dsynlab.store=off).
# Usage: bench/store-overhead.sh [N [EXPERIMENT [key=value ...]]]
#        default: 5 experiments/xor-mlp.yaml training.epochs=20000 training.stop_when=~
#        (builds nothing: run ./synlab build first)
#    or: bench/store-overhead.sh --probe [STEPS [ROUNDS]]
#        the same comparison inside one JVM (StoreOverheadProbe, in the host's test classes: run
#        ./mvnw -pl platform/host test-compile first), in CPU time per step, which a busy machine
#        does not blur: the run thread's own cost, and the whole process's
set -euo pipefail
ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
if [ "${1:-}" = --probe ]; then
  shift
  . "$ROOT/.mvn/find-java.sh"
  exec "$JAVA_HOME/bin/java" -cp "$ROOT/platform/host/target/test-classes:$ROOT/platform/host/target/classes:$ROOT/platform/dist/target/synlab/lib/*" \
    org.synlab.host.internal.store.StoreOverheadProbe "$@"
fi
N=${1:-5}
EXPERIMENT=${2:-experiments/xor-mlp.yaml}
if [ $# -gt 2 ]; then
  OVERRIDES=("${@:3}")
else
  OVERRIDES=(training.epochs=20000 training.stop_when=~)
fi
export SYNLAB_NO_BUILD=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
STORE_OPTS="-Dsynlab.store.url=jdbc:h2:file:$work/store/runs;AUTO_SERVER=TRUE"

# runs once; prints "<process s> <cpu s> <run s> <steps>"
measure() { # on|off
  local times json store=$1
  local opts=""
  [ "$store" = on ] && opts=$STORE_OPTS
  times=$( { TIMEFORMAT='%R %U %S'; time SYNLAB_STORE=$store SYNLAB_JAVA_OPTS="$opts" \
    "$ROOT/synlab" run "$EXPERIMENT" "${OVERRIDES[@]}" --json >"$work/out" 2>/dev/null; } 2>&1 )
  json=$(tail -1 "$work/out")
  local wall epochs
  wall=$(printf '%s' "$json" | sed -n 's/.*"wall_seconds":\([0-9.eE+-]*\).*/\1/p')
  epochs=$(printf '%s' "$json" | sed -n 's/.*"epochs":\([0-9.eE+-]*\).*/\1/p')
  [ -n "$wall" ] || { echo "bench: the run failed: $json" >&2; exit 1; }
  read -r real user sys <<<"$times"
  echo "$real $(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}') $wall ${epochs%.0}"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
# one warm-up of each, so the first measured run does not pay for cold caches
measure on >/dev/null; measure off >/dev/null

on_proc=(); on_cpu=(); on_run=(); off_proc=(); off_cpu=(); off_run=(); steps=0
for i in $(seq "$N"); do
  read -r p c r s < <(measure on);  on_proc+=("$p");  on_cpu+=("$c");  on_run+=("$r"); steps=$s
  read -r p c r s < <(measure off); off_proc+=("$p"); off_cpu+=("$c"); off_run+=("$r")
  printf 'round %d/%d: store on: run %s s, process %s s, cpu %s s; off: run %s s, process %s s, cpu %s s\n' \
    "$i" "$N" "${on_run[-1]}" "${on_proc[-1]}" "${on_cpu[-1]}" "${off_run[-1]}" "${off_proc[-1]}" "${off_cpu[-1]}" >&2
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
row() { # label on... -- off...
  local label=$1; shift
  local on=() off=() side=on
  for v in "$@"; do
    if [ "$v" = -- ]; then side=off; continue; fi
    if [ "$side" = on ]; then on+=("$v"); else off+=("$v"); fi
  done
  awk -v l="$label" -v a="$(median "${on[@]}")" -v b="$(median "${off[@]}")" \
    'BEGIN {printf "%-10s %10.3f %10.3f %+9.2f%%\n", l, a, b, (a - b) / b * 100}'
}
printf '%s %s: %d steps, each logged; %d rounds (on/off alternating), medians; load average before: %s\n' \
  "$EXPERIMENT" "${OVERRIDES[*]}" "$steps" "$N" "$LOAD_BEFORE"
printf '%-10s %10s %10s %10s\n' "" "store on" "store off" "overhead"
row "run s" "${on_run[@]}" -- "${off_run[@]}"
row "process s" "${on_proc[@]}" -- "${off_proc[@]}"
row "cpu s" "${on_cpu[@]}" -- "${off_cpu[@]}"
