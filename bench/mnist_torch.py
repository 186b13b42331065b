#!/usr/bin/env python3
"""The PyTorch side of bench/mnist-vs-pytorch.sh: the 784-H-10 MLP of experiments/mnist-mlp.yaml,
trained the way a PyTorch user would at their best on a CPU: float32, the whole dataset already
in memory as tensors (no DataLoader), a shuffled index per epoch, batch 64, Adam, cross-entropy,
and (with --cosine) the same per-epoch cosine annealing of the learning rate.
Prints one JSON line: samples_per_second over the training loop, epoch_seconds, the samples per
second of the last epoch alone, test accuracy.
"""
import argparse
import gzip
import json
import os
import time

import numpy as np
import torch


def read_idx(folder, name):
    """Reads an original MNIST idx file (plain or .gz) into a numpy array."""
    path = os.path.join(folder, name)
    opener = open
    if not os.path.exists(path) and os.path.exists(path + ".gz"):
        path, opener = path + ".gz", gzip.open
    with opener(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    dims = magic & 0xFF
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True, help="folder with the four MNIST idx files")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--activation", choices=["relu", "sigmoid"], default="relu")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--cosine", action="store_true", help="anneal the learning rate to 0 over the epochs, per epoch")
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    x_train = torch.from_numpy(read_idx(a.data, "train-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255)
    y_train = torch.from_numpy(read_idx(a.data, "train-labels-idx1-ubyte").astype(np.int64))
    x_test = torch.from_numpy(read_idx(a.data, "t10k-images-idx3-ubyte").reshape(-1, 784).astype(np.float32) / 255)
    y_test = torch.from_numpy(read_idx(a.data, "t10k-labels-idx1-ubyte").astype(np.int64))

    act = torch.nn.ReLU() if a.activation == "relu" else torch.nn.Sigmoid()
    model = torch.nn.Sequential(torch.nn.Linear(784, a.hidden), act, torch.nn.Linear(a.hidden, 10))
    optimiser = torch.optim.Adam(model.parameters(), lr=a.lr, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, T_max=a.epochs) if a.cosine else None

    n = x_train.shape[0]
    start = time.perf_counter()
    for _ in range(a.epochs):
        epoch_start = time.perf_counter()
        order = torch.randperm(n)
        for i in range(0, n, a.batch):
            idx = order[i:i + a.batch]
            optimiser.zero_grad(set_to_none=True)
            loss = loss_fn(model(x_train[idx]), y_train[idx])
            loss.backward()
            optimiser.step()
        if schedule:
            schedule.step()
        last_epoch_seconds = time.perf_counter() - epoch_start
    seconds = time.perf_counter() - start

    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
    print(json.dumps({
        "tool": "pytorch " + torch.__version__,
        "threads": a.threads,
        "epochs": a.epochs,
        "samples_per_second": n * a.epochs / seconds,
        "epoch_seconds": seconds / a.epochs,
        "last_epoch_samples_per_second": n / last_epoch_seconds,
        "test_accuracy": accuracy,
        "final_train_loss": loss.item(),
    }))


if __name__ == "__main__":
    main()
