#!/usr/bin/env bash
# Synlab against PyTorch on the same machine, side by side in one run: the 784-128-10 MLP of
# experiments/mnist-mlp.yaml (ReLU, softmax cross-entropy, Adam, batch 64, float32, data in memory),
# the same number of epochs, on the same 2 cores. Prints a table: samples/s over the training loop,
# seconds per epoch, test accuracy, and the share of the machine's GEMM peak the training step
# reaches (GEMM flops per step x steps per second / peak).
#
# Usage: bench/mnist-vs-pytorch.sh [EPOCHS] [ROUNDS]     (default 10 epochs, 1 round)
# Each round runs Synlab and PyTorch one after the other, on 1 and on 2 threads each. Besides the
# samples per second of the whole training loop, the table gives those of the last epoch alone, and
# those of the whole loop with Synlab's warm-up (a throwaway copy of the network trained until the JIT
# has compiled the step, reported as warm_up_seconds) counted as training time.
# Needs: a Python with torch, by default Debian's (apt-get install python3-torch libopenblas0-pthread:
# without OpenBLAS, Debian's torch multiplies with the reference BLAS, about 10 times slower; it
# installs into /usr/bin/python3, not into a pyenv or venv python3); set PYTHON to use another.
# Not part of CI.
# PyTorch is given its best setting here: OpenBLAS told to use its AVX-512 kernels (it picks old
# AVX2 ones on this CPU otherwise) with 1 OpenBLAS thread beside torch's 2 intra-op threads.
set -euo pipefail
ROOT=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
EPOCHS=${1:-10}
ROUNDS=${2:-1}
PYTHON=${PYTHON:-/usr/bin/python3}
DATA=${SYNLAB_DATA:-$HOME/.synlab}/datasets/mnist
# single-core FMA peak of the Vector API probe in bench/jmh (FmaPeakBenchmark: 114-117 GFLOP/s on the
# build machine; an older probe in the team's notes gave 215-238); override with PEAK_GFLOPS
PEAK_GFLOPS=${PEAK_GFLOPS:-116}
CORES=2
# GEMM flops of one training step at batch 64: forward 64x784x128 and 64x128x10, backward dW1,
# dW2 and dX2 (the input layer's dX is never needed). Counted dense: Synlab's cpu backend skips the
# zero pixels of MNIST in the first layer's products, so its share is of dense-equivalent flops.
FLOPS_PER_STEP=$((2 * 64 * (784 * 128 * 2 + 128 * 10 * 3)))

# Each tool runs on 1 and on 2 threads (both on this 2-core machine): the ratio is best against best,
# since a user picks the faster setting. Override with SYNLAB_THREADS / TORCH_THREADS.
SYNLAB_THREADS=${SYNLAB_THREADS:-"1 2"}
TORCH_THREADS=${TORCH_THREADS:-"1 2"}

RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT
for round in $(seq "$ROUNDS"); do
  for t in $SYNLAB_THREADS; do
    echo "round $round/$ROUNDS: synlab, $t thread(s)" >&2
    line=$("$ROOT/synlab" run "$ROOT/experiments/mnist-mlp.yaml" "training.epochs=$EPOCHS" "threads=$t" --json 2>/dev/null | tail -1)
    "$PYTHON" -c 'import json,sys; m=json.loads(sys.argv[2])["metrics"]; print(json.dumps({"tool": "synlab cpu", "threads": int(sys.argv[1]), "samples_per_second": m["samples_per_second"], "last_epoch_samples_per_second": m["last_epoch.samples_per_second"], "test_accuracy": m["test.accuracy"], "warm_up_seconds": m.get("warm_up_seconds", 0.0)}))' "$t" "$line" >> "$RESULTS"
  done
  for t in $TORCH_THREADS; do
    echo "round $round/$ROUNDS: pytorch, $t thread(s)" >&2
    OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 "$PYTHON" "$ROOT/bench/mnist_torch.py" \
      --data "$DATA" --epochs "$EPOCHS" --threads "$t" --cosine >> "$RESULTS"
  done
done

"$PYTHON" - "$FLOPS_PER_STEP" "$PEAK_GFLOPS" "$CORES" "$EPOCHS" "$RESULTS" <<'PY'
import json, sys, statistics
from collections import defaultdict
flops, peak, cores, epochs = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
runs = defaultdict(list)
for line in open(sys.argv[5]):
    r = json.loads(line)
    runs[(r["tool"], r["threads"])].append(r)
rounds = max(len(v) for v in runs.values())
print(f"MNIST 784-128-10 ReLU MLP, Adam, batch 64, {epochs} epochs, on this {cores}-core machine, median of {rounds} round(s)")
print(f"{'':<24} {'threads':>7} {'samples/s':>12} {'s/epoch':>10} {'test acc':>10} {'GEMM peak':>12} {'last epoch samples/s':>21} {'warm-up s':>10} {'samples/s incl. warm-up':>24}")
best = {}
best_last = {}
best_warm = {}
for (tool, threads), rs in sorted(runs.items(), key=lambda kv: (not kv[0][0].startswith("synlab"), kv[0][1])):
    sps = statistics.median(r["samples_per_second"] for r in rs)
    last = statistics.median(r["last_epoch_samples_per_second"] for r in rs)
    acc = statistics.median(r["test_accuracy"] for r in rs)
    # share of the whole machine's peak (all its cores), whatever threads the row used
    share = flops * sps / 64 / (peak * 1e9 * cores)
    # Synlab trains a throwaway copy of the network first, so that the JIT has compiled the step
    # (warm_up_seconds): the last column counts that time as training time too
    warm = statistics.median(r.get("warm_up_seconds", 0.0) for r in rs)
    samples = 60000 * int(epochs)
    with_warm = statistics.median(samples / (samples / r["samples_per_second"] + r.get("warm_up_seconds", 0.0)) for r in rs)
    print(f"{tool:<24} {threads:>7} {sps:>12,.0f} {60000 / sps:>10.3f} {acc:>10.4f} {share:>12.1%} {last:>21,.0f} {warm:>10.2f} {with_warm:>24,.0f}")
    family = "synlab" if tool.startswith("synlab") else "pytorch"
    best[family] = max(best.get(family, 0), sps)
    best_last[family] = max(best_last.get(family, 0), last)
    best_warm[family] = max(best_warm.get(family, 0), with_warm)
print(f"synlab best / pytorch best samples per second: {best['synlab'] / best['pytorch']:.2f}x over the whole run,"
      f" {best_last['synlab'] / best_last['pytorch']:.2f}x in the last epoch,"
      f" {best_warm['synlab'] / best_warm['pytorch']:.2f}x with the warm-up counted   (peak assumed: {peak} GFLOP/s per core)")
PY
