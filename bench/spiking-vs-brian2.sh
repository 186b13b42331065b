#!/usr/bin/env bash
# Synlab against Brian2 on the same machine, side by side in one run: the Vogels-Abbott benchmarks
# of Brette et al. (2007), CUBA and COBA (4000 neurons, 3200 E / 800 I, p = 0.02, dt 0.1 ms, 1 s),
# Brian2 on its cpp_standalone device with 1 and 2 OpenMP threads (bench/brian2/cuba.py, coba.py:
# the models, their sources and the initial conditions are written out there) and Synlab on 1 and
# 2 threads (experiments/cuba.yaml, coba.yaml). Rounds are interleaved (each round runs every
# row once, Brian2 then Synlab); the table shows the median of the rounds. Columns: loop seconds
# per biological second, synaptic events per second of loop, total wall seconds of the tool's own
# measurement with the part outside the loop (Synlab: setup_seconds; Brian2: code generation,
# compilation, synapse creation) in brackets, wall seconds of the whole process as this script
# saw it (JVM or Python start included), mean rates and mean CV of ISI of E and I. Then the ratios
# Synlab loop / Brian2's best loop and Synlab total / Brian2's best total.
#
# Usage: bench/spiking-vs-brian2.sh [ROUNDS]       (default 1 round)
#        SWEEP=1 bench/spiking-vs-brian2.sh         then also the scaling sweep: CUBA at fixed in-degree
#                                                   80, N = 1,000 ... 256,000 doubling (SWEEP_MAX to stop
#                                                   earlier), 1 thread, Brian2 (bench/brian2/cuba.py
#                                                   --in-degree 80) and Synlab (experiments/cuba-sweep.yaml
#                                                   with the sizes overridden) interleaved per N
# Needs: Brian2 with a C++ compiler, by default Debian's (apt-get install python3-brian g++ make; it
# installs into /usr/bin/python3, not into a pyenv or venv python3); set PYTHON to use another.
# Synlab's rows need a built Synlab (the ./synlab launcher) and experiments/cuba.yaml, coba.yaml;
# a missing experiment file skips its rows with a note. COBA_V_INIT=uniform starts Brian2's COBA
# with v uniform in [Vr, Vt) instead of Brette's N(-65 mV, 5 mV) (bench/brian2/coba.py --v-init),
# for comparing with a Synlab file that does so. SYNLAB=0 runs the Brian2 rows only. JSON_OUT=FILE
# keeps every run's JSON summary (one line per run, the sweep's included) in FILE. SEED (default 1)
# seeds Brian2; when set, it is also passed to Synlab as seed=SEED (otherwise Synlab runs with its
# experiment file's seed).
# Not part of CI. The timings are wall-clock: on a shared machine, read them with the load average
# printed at the start and the end.
set -euo pipefail
ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${1:-1}
PYTHON=${PYTHON:-/usr/bin/python3}
SYNLAB_EXTRA=()
[[ -n ${SEED+set} ]] && SYNLAB_EXTRA+=("seed=$SEED")
SEED=${SEED:-1}
SWEEP=${SWEEP:-0}
SWEEP_MAX=${SWEEP_MAX:-256000}
COBA_V_INIT=${COBA_V_INIT:-normal}
SYNLAB=${SYNLAB:-1}
MODELS=(cuba coba)
THREADS=(1 2)

if ! [[ $ROUNDS =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/spiking-vs-brian2.sh [ROUNDS]   (ROUNDS a positive integer, got '$ROUNDS')" >&2
  exit 2
fi
if [[ $COBA_V_INIT != normal && $COBA_V_INIT != uniform ]]; then
  echo "error: COBA_V_INIT must be normal or uniform (got '$COBA_V_INIT')" >&2
  exit 2
fi
if ! [[ $SWEEP_MAX =~ ^[1-9][0-9]*$ ]]; then
  echo "error: SWEEP_MAX must be a positive integer (got '$SWEEP_MAX')" >&2
  exit 2
fi
if ! "$PYTHON" -c 'import brian2' >/dev/null 2>&1; then
  echo "error: $PYTHON cannot import brian2. Install it with 'apt-get install -y python3-brian' (Debian;" \
    "it goes into /usr/bin/python3), or 'pip install brian2' into another Python and set PYTHON to it." >&2
  exit 2
fi
for tool in g++ make; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found; Brian2's cpp_standalone device needs it (apt-get install -y g++ make)" >&2; exit 2; }
done

TMP=$(mktemp -d)
JSON_OUT=${JSON_OUT:-}
save_json() { [[ -z $JSON_OUT ]] || cat "$TMP"/*.jsonl >"$JSON_OUT" 2>/dev/null || true; }
trap 'save_json; rm -rf "$TMP"' EXIT
ROWS=$TMP/rows.jsonl
: >"$ROWS"

now() { date +%s.%N; }

# run_row TOOL MODEL THREADS CMD...: runs CMD, keeps its last stdout line (one JSON object) with
# the wall time of the whole process, or stops with the command's error output
run_row() {
  local tool=$1 model=$2 threads=$3
  shift 3
  local start end out
  start=$(now)
  if ! out=$("$@" 2>"$TMP/stderr" | tail -1); then
    echo "error: $tool $model threads=$threads failed: $*" >&2
    tail -20 "$TMP/stderr" >&2
    exit 1
  fi
  end=$(now)
  if ! "$PYTHON" -c 'import json,sys; json.loads(sys.argv[1])' "$out" 2>/dev/null; then
    echo "error: $tool $model threads=$threads printed no JSON summary as its last line: $*" >&2
    printf '%s\n' "$out" >&2
    tail -20 "$TMP/stderr" >&2
    exit 1
  fi
  "$PYTHON" -c 'import json,sys; print(json.dumps({"tool": sys.argv[1], "model": sys.argv[2], "threads": int(sys.argv[3]),
    "process_seconds": float(sys.argv[5]) - float(sys.argv[4]), "summary": json.loads(sys.argv[6])}))' \
    "$tool" "$model" "$threads" "$start" "$end" "$out" >>"$ROWS"
}

echo "load at start: $(uptime)"
notes=()
SYNLAB_OK=1
if [[ $SYNLAB == 0 ]]; then
  notes+=("Synlab rows skipped: SYNLAB=0")
  SYNLAB_OK=0
elif [[ ! -x $ROOT/synlab ]]; then
  notes+=("Synlab rows skipped: $ROOT/synlab (the launcher) is missing or not executable")
  SYNLAB_OK=0
fi

for round in $(seq "$ROUNDS"); do
  for model in "${MODELS[@]}"; do
    for threads in "${THREADS[@]}"; do
      echo "round $round/$ROUNDS: $model, $threads thread(s)" >&2
      extra=()
      [[ $model == coba ]] && extra=(--v-init "$COBA_V_INIT")
      run_row brian2 "$model" "$threads" "$PYTHON" "$ROOT/bench/brian2/$model.py" --threads "$threads" --seed "$SEED" "${extra[@]}"
      if [[ $SYNLAB_OK == 1 && -f $ROOT/experiments/$model.yaml ]]; then
        run_row synlab "$model" "$threads" "$ROOT/synlab" run "$ROOT/experiments/$model.yaml" "threads=$threads" ${SYNLAB_EXTRA[@]+"${SYNLAB_EXTRA[@]}"} --json
      fi
    done
  done
done
echo "load at end:   $(uptime)"
for model in "${MODELS[@]}"; do
  if [[ $SYNLAB_OK == 1 ]] && ! grep -q "\"tool\": \"synlab\", \"model\": \"$model\"" "$ROWS"; then
    notes+=("Synlab $model rows skipped: experiments/$model.yaml does not exist (yet)")
  fi
done

NOTES=$(printf '%s\n' "${notes[@]+"${notes[@]}"}")
"$PYTHON" - "$ROWS" "$ROUNDS" "$NOTES" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rounds, notes = sys.argv[2], [n for n in sys.argv[3].splitlines() if n]

def metric(m, key):
    """A Synlab metric by its dotted name, whether the summary keeps it flat or nested."""
    if key in m:
        return m[key]
    node = m
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node

def population_values(m, prefix):
    """{population: value} of the metrics prefix.<population> (flat or nested)."""
    out = {k[len(prefix) + 1:]: v for k, v in m.items() if k.startswith(prefix + ".")}
    nested = m.get(prefix)
    if isinstance(nested, dict):
        out.update(nested)
    return out

def pick(pops, letter):
    """The excitatory (letter 'e') or inhibitory ('i') population's value, by name."""
    for name, v in pops.items():
        if name.lower() == letter or name.lower().startswith({"e": "exc", "i": "inh"}[letter]):
            return v
    return None

def normalise(r):
    s = r["summary"]
    if r["tool"] == "brian2":
        bio = s["bio_seconds"]
        return dict(loop=s["loop_seconds"], bio=bio, events=s["synaptic_events"], total=s["total_wall_seconds"],
                    outside=s["codegen_compile_seconds"], rate_e=s["rate_hz"]["E"], rate_i=s["rate_hz"]["I"],
                    cv_e=s["cv_isi"]["E"], cv_i=s["cv_isi"]["I"], label=s["tool"],
                    cpu_share=s["breakdown"]["binary_cpu_seconds"] / (s["breakdown"]["binary_wall_seconds"] * r["threads"]))
    m = s.get("metrics", {})
    rates, cvs = population_values(m, "rate_hz"), population_values(m, "cv_isi")
    return dict(loop=metric(m, "sim.wall_seconds"), bio=metric(m, "sim.bio_seconds"),
                events=metric(m, "sim.synaptic_events"), total=s.get("wall_seconds"),
                outside=metric(m, "setup_seconds"), rate_e=pick(rates, "e"), rate_i=pick(rates, "i"),
                cv_e=pick(cvs, "e"), cv_i=pick(cvs, "i"), label="synlab cpu",
                populations=sorted(rates))

def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None

groups = {}
for r in rows:
    groups.setdefault((r["model"], r["tool"], r["threads"]), []).append((normalise(r), r["process_seconds"]))

def fmt(x, spec, width):
    return f"{'n/a':>{width}}" if x is None else f"{x:>{width}{spec}}"

table = {}
print(f"\nVogels-Abbott benchmarks (Brette et al. 2007), 4000 neurons, dt 0.1 ms, median of {rounds} round(s)")
print(f"{'tool':<34} {'model':<5} {'thr':>3} {'loop s/bio s':>12} {'Mevents/s':>10} {'total s (outside loop)':>23}"
      f" {'process s':>9} {'rate E/I Hz':>13} {'CV ISI E/I':>11}")
for key in sorted(groups, key=lambda k: (["cuba", "coba"].index(k[0]) if k[0] in ("cuba", "coba") else 9, k[0],
                                         k[1] != "brian2", k[2])):
    model, tool, threads = key
    runs = groups[key]
    per = [n for n, _ in runs]
    loop_per_bio = med([n["loop"] / n["bio"] for n in per if n["loop"] is not None and n["bio"]])
    evps = med([n["events"] / n["loop"] for n in per if n["events"] is not None and n["loop"]])
    total, outside = med([n["total"] for n in per]), med([n["outside"] for n in per])
    table[key] = (loop_per_bio, total)
    rate = f"{fmt(med([n['rate_e'] for n in per]), '.2f', 6)}/{fmt(med([n['rate_i'] for n in per]), '.2f', 6)}"
    cv = f"{fmt(med([n['cv_e'] for n in per]), '.2f', 5)}/{fmt(med([n['cv_i'] for n in per]), '.2f', 5)}"
    tot = f"{fmt(total, '.2f', 8)} ({fmt(outside, '.2f', 6)})"
    print(f"{per[0]['label']:<34} {model:<5} {threads:>3} {fmt(loop_per_bio, '.4f', 12)}"
          f" {fmt(None if evps is None else evps / 1e6, '.1f', 10)} {tot:>23}"
          f" {fmt(med([p for _, p in runs]), '.2f', 9)} {rate:>13} {cv:>11}")
    share = med([n.get("cpu_share") for n in per])
    if share is not None and share < 0.9:
        notes.append(f"brian2 {model} {threads} thread(s): its binary got {share:.0%} of {threads} core(s) "
                     "(CPU time / wall time / threads, median): the machine was busy and its wall times are inflated")
    if tool == "synlab" and None in (per[0]["rate_e"], per[0]["rate_i"], per[0]["cv_e"], per[0]["cv_i"]):
        notes.append(f"synlab {model}: rate_hz/cv_isi populations found: {per[0].get('populations')} "
                     "(E and I are matched by the names 'e'/'exc...' and 'i'/'inh...')")

print()
for model in sorted({k[0] for k in table}, key=lambda m: (["cuba", "coba"] + [m]).index(m)):
    b = {k[2]: v for k, v in table.items() if k[0] == model and k[1] == "brian2"}
    s = {k[2]: v for k, v in table.items() if k[0] == model and k[1] == "synlab"}
    if not b or not s:
        continue
    best_loop = min(v[0] for v in b.values() if v[0] is not None)
    best_total = min(v[1] for v in b.values() if v[1] is not None)
    for threads, (loop, total) in sorted(s.items()):
        lr = "n/a" if loop is None else f"{loop / best_loop:.2f}x"
        tr = "n/a" if total is None else f"{total / best_total:.2f}x"
        print(f"{model}: synlab {threads} thread(s) loop / brian2 best loop: {lr}   "
              f"synlab total / brian2 best total: {tr}")
for n in notes:
    print("note:", n)
PY

if [[ $SWEEP == 1 ]]; then
  echo
  echo "CUBA at fixed in-degree 80 (64 E + 16 I per neuron), 1 thread, N = 1,000 ... $SWEEP_MAX, one round"
  echo "load at start: $(uptime)"
  ROWS=$TMP/sweep.jsonl
  : >"$ROWS"
  SYNLAB_SWEEP=0
  if [[ $SYNLAB_OK == 1 && -f $ROOT/experiments/cuba-sweep.yaml ]]; then
    SYNLAB_SWEEP=1
  else
    echo "note: Synlab sweep rows skipped: SYNLAB=0, or experiments/cuba-sweep.yaml or the synlab launcher is missing"
  fi
  for ((n = 1000; n <= SWEEP_MAX; n *= 2)); do
    echo "sweep: N = $n" >&2
    run_row brian2 cuba-sweep 1 "$PYTHON" "$ROOT/bench/brian2/cuba.py" --threads 1 --seed "$SEED" --neurons "$n" --in-degree 80
    if [[ $SYNLAB_SWEEP == 1 ]]; then
      # the sizes by override, as experiments/cuba-sweep.yaml documents
      run_row synlab cuba-sweep 1 "$ROOT/synlab" run "$ROOT/experiments/cuba-sweep.yaml" \
        "network.populations.exc.size=$((n * 4 / 5))" "network.populations.inh.size=$((n - n * 4 / 5))" \
        threads=1 ${SYNLAB_EXTRA[@]+"${SYNLAB_EXTRA[@]}"} --json
    fi
  done
  echo "load at end:   $(uptime)"
  "$PYTHON" - "$ROWS" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]

def norm(r):
    s = r["summary"]
    if r["tool"] == "brian2":
        return dict(n=s["neurons"], syn=s["synapses"], events=s["synaptic_events"], loop=s["loop_seconds"],
                    bio=s["bio_seconds"], total=s["total_wall_seconds"], re=s["rate_hz"]["E"], ri=s["rate_hz"]["I"],
                    cpu=s["breakdown"]["binary_cpu_seconds"] / s["breakdown"]["binary_wall_seconds"])
    m = s.get("metrics", {})
    g = lambda k: m.get(k)
    return dict(n=g("sim.neurons"), syn=g("sim.synapses"), events=g("sim.synaptic_events"),
                loop=g("sim.wall_seconds"), bio=g("sim.bio_seconds"), total=s.get("wall_seconds"),
                re=g("rate_hz.exc"), ri=g("rate_hz.inh"), cpu=None)

def f(x, spec, w):
    return f"{'n/a':>{w}}" if x is None else f"{x:>{w}{spec}}"

print(f"{'tool':<8} {'neurons':>8} {'synapses':>11} {'events':>12} {'loop s/bio s':>12} {'x smallest':>10}"
      f" {'ns/event':>9} {'ns/synapse':>10} {'total s':>8} {'rate E/I Hz':>13} {'CPU/wall':>8}")
for tool in ("brian2", "synlab"):
    base = None
    for r in rows:
        if r["tool"] != tool:
            continue
        x = norm(r)
        lpb = x["loop"] / x["bio"] if x["loop"] is not None and x["bio"] else None
        if base is None:
            base = lpb
        growth = lpb / base if lpb is not None and base else None
        nse = 1e9 * x["loop"] / x["events"] if x["loop"] is not None and x["events"] else None
        nss = 1e9 * lpb / x["syn"] if lpb is not None and x["syn"] else None
        print(f"{tool:<8} {f(x['n'], ',.0f', 8)} {f(x['syn'], ',.0f', 11)} {f(x['events'], ',.0f', 12)}"
              f" {f(lpb, '.4f', 12)} {f(growth, '.1f', 10)} {f(nse, '.2f', 9)} {f(nss, '.3f', 10)}"
              f" {f(x['total'], '.2f', 8)} {f(x['re'], '.2f', 6)}/{f(x['ri'], '.2f', 6)} {f(x['cpu'], '.0%', 8)}")
print("x smallest: loop time over that of N = 1,000 (synapses grow 2x per row); ns/synapse: loop seconds per")
print("biological second per synapse. CPU/wall (Brian2): its binary's CPU time over wall time; below about 90 %")
print("the machine kept it waiting and its times are inflated.")
PY
fi
