#!/usr/bin/env bash
# Synlab against PyTorch on the same machine, side by side in one run: the 784-128-10 MLP of
# experiments/mnist-mlp.yaml (ReLU, softmax cross-entropy, Adam, batch 64, float32, data in memory),
# the same number of epochs, on the same 2 cores. Prints a table: samples/s over the training loop,
# seconds per epoch, test accuracy, and the share of the machine's GEMM peak the training step
# reaches (GEMM flops per step x steps per second / peak).
#
# Usage: bench/mnist-vs-pytorch.sh [EPOCHS] [ROUNDS]     (default 10 epochs, 1 round)
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

synlab_json=()
torch_json=()
for _ in $(seq "$ROUNDS"); do
  synlab_json+=("$("$ROOT/synlab" run "$ROOT/experiments/mnist-mlp.yaml" "training.epochs=$EPOCHS" threads=$CORES --json 2>/dev/null | tail -1)")
  torch_json+=("$(OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 "$PYTHON" "$ROOT/bench/mnist_torch.py" \
    --data "$DATA" --epochs "$EPOCHS" --threads $CORES --cosine)")
done

"$PYTHON" - "$FLOPS_PER_STEP" "$PEAK_GFLOPS" "$CORES" "$EPOCHS" <<PY
import json, sys, statistics
flops, peak, cores, epochs = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
synlab = [json.loads(s) for s in """$(printf '%s\n' "${synlab_json[@]}")""".strip().splitlines()]
torch = [json.loads(s) for s in """$(printf '%s\n' "${torch_json[@]}")""".strip().splitlines()]
def row(name, sps, epoch_s, acc):
    share = flops * sps / 64 / (peak * 1e9 * cores)
    print(f"{name:<22} {sps:>12,.0f} {epoch_s:>10.3f} {acc:>10.4f} {share:>12.1%}")
print(f"MNIST 784-128-10 ReLU MLP, Adam, batch 64, {epochs} epochs, {cores} cores, median of {len(synlab)} round(s)")
print(f"{'':<22} {'samples/s':>12} {'s/epoch':>10} {'test acc':>10} {'GEMM peak':>12}")
sm = lambda xs: statistics.median(xs)
row("synlab cpu", sm([s["metrics"]["samples_per_second"] for s in synlab]),
    sm([60000 / s["metrics"]["samples_per_second"] for s in synlab]),
    sm([s["metrics"]["test.accuracy"] for s in synlab]))
row(torch[0]["tool"], sm([t["samples_per_second"] for t in torch]), sm([t["epoch_seconds"] for t in torch]),
    sm([t["test_accuracy"] for t in torch]))
ratio = sm([s["metrics"]["samples_per_second"] for s in synlab]) / sm([t["samples_per_second"] for t in torch])
print(f"synlab / pytorch samples per second: {ratio:.2f}x   (peak assumed: {peak} GFLOP/s per core)")
PY
