"""Scaling sweep of CUBA at fixed in-degree 80 on Brian2's cpp_standalone device: N = 1,000, 2,000,
4,000, ... 256,000 neurons (doubling), each neuron receiving exactly 64 E and 16 I synapses (see
cuba.py --in-degree; the weights are the benchmark's, unchanged, since 80 is the 4000-neuron
network's mean in-degree). Each N runs in its own process (a fresh standalone project, compiled
again) and prints one JSON line, as cuba.py does: loop seconds, synapses, synaptic events, rates.

Usage: cuba_sweep.py [--threads 1|2] [--seed S] [--duration SECONDS] [--min N] [--max N]
"""
import argparse
import os
import subprocess
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--threads", type=int, default=1, choices=[1, 2])
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--duration", type=float, default=1.0)
    p.add_argument("--in-degree", type=int, default=80)
    p.add_argument("--min", type=int, default=1000, help="first N (default 1000)")
    p.add_argument("--max", type=int, default=256000, help="last N (default 256000)")
    args = p.parse_args()
    cuba = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cuba.py")
    n = args.min
    while n <= args.max:
        cmd = [sys.executable, cuba, "--threads", str(args.threads), "--seed", str(args.seed),
               "--duration", str(args.duration), "--neurons", str(n), "--in-degree", str(args.in_degree)]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stderr)
            sys.stderr.write(f"error: cuba.py failed for N = {n} (exit {r.returncode})\n")
            sys.exit(r.returncode)
        print(r.stdout.strip().splitlines()[-1], flush=True)
        n *= 2


if __name__ == "__main__":
    main()
