"""Shared harness of the Brian2 side of bench/spiking-vs-brian2.sh: command-line flags, the
cpp_standalone device, the timings and the statistics, printed as one JSON line.

Timings (all wall-clock seconds):
  loop_seconds         Brian2's own time of the simulation loop: device._last_run_time, which the
                       generated Network::run measures with omp_get_wtime() around its time-step
                       loop (OpenMP is always on here, threads >= 1, so it is wall time, not CPU
                       time). Spike recording (SpikeMonitor) runs inside that loop.
  total_wall_seconds   from the first line of the model script (before `import brian2`) to the end
                       of the statistics: import, model definition, code generation, compilation,
                       the binary (synapse creation, loop, writing results) and reading back.
  codegen_compile_seconds = total_wall_seconds - loop_seconds, everything but the loop; broken down
                       in `breakdown`: python (import, model definition, code generation),
                       compile (Brian2's timer around `make`), binary_outside_loop (the binary's
                       run minus the loop: synapse creation, initial values, writing results),
                       read_back (loading results and computing the statistics).
  binary_cpu_seconds   user + system CPU time of the binary (getrusage of children around its run),
                       beside binary_wall_seconds: on a loaded machine wall > CPU / threads shows the
                       binary was kept waiting for a core, and its timings are inflated by that.
"""
import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time

INSTALL_HINT = ("Brian2 is needed for this benchmark: on Debian/Ubuntu `apt-get install -y python3-brian` "
                "(it installs into /usr/bin/python3), or `pip install brian2` into the Python you run "
                "this with (set PYTHON=... for bench/spiking-vs-brian2.sh). cpp_standalone also needs "
                "g++ and make.")


def import_brian2():
    """Imports brian2 or exits with a message that says how to install it."""
    try:
        import brian2  # noqa: F401
    except ImportError as e:
        sys.stderr.write(f"error: cannot import brian2 with {sys.executable} ({e}).\n{INSTALL_HINT}\n")
        sys.exit(2)
    for tool in ("g++", "make"):
        if shutil.which(tool) is None:
            sys.stderr.write(f"error: `{tool}` not found on PATH; Brian2's cpp_standalone device compiles "
                             f"C++ with it.\n{INSTALL_HINT}\n")
            sys.exit(2)
    return brian2


def parse_args(description, with_size=False, with_v_init=False):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--threads", type=int, default=1, choices=[1, 2],
                   help="prefs.devices.cpp_standalone.openmp_threads (default 1)")
    p.add_argument("--seed", type=int, default=1, help="Brian2 seed() for connectivity and initial values")
    p.add_argument("--duration", type=float, default=1.0, help="biological seconds to simulate (default 1)")
    p.add_argument("--keep", action="store_true", help="keep the generated C++ project and print where")
    if with_size:
        p.add_argument("--neurons", type=int, default=4000, help="network size, 80%% E / 20%% I (default 4000)")
        p.add_argument("--in-degree", type=int, default=0,
                       help="fixed in-degree K (each neuron receives 0.8K E and 0.2K I synapses) instead of "
                            "the benchmark's p = 0.02; 0 = use p = 0.02 (default)")
    if with_v_init:
        p.add_argument("--v-init", choices=["normal", "uniform"], default="normal",
                       help="initial v: normal (Brette 2007's COBA.py, default) or uniform in [Vr, Vt)")
    return p.parse_args()


def setup_device(args):
    """cpp_standalone into a fresh temporary directory, built explicitly by finish()."""
    from brian2 import set_device, prefs, seed, defaultclock, ms
    args.project_dir = tempfile.mkdtemp(prefix="synlab-bench-brian2-")
    set_device("cpp_standalone", directory=args.project_dir, build_on_run=False)
    prefs.devices.cpp_standalone.openmp_threads = args.threads
    defaultclock.dt = 0.1 * ms
    seed(args.seed)


def _rates_and_cv(spike_i, spike_t, lo, hi, duration):
    """Mean rate (Hz) of neurons [lo, hi) and mean CV of ISI over those with at least 2 ISIs
    (sd with ddof 0 over mean, per neuron)."""
    import numpy as np
    sel = (spike_i >= lo) & (spike_i < hi)
    i = spike_i[sel].astype(np.int64) - lo
    t = spike_t[sel]
    n = hi - lo
    rate = len(i) / (n * duration)
    if len(i) < 3:
        return rate, None, 0
    order = np.lexsort((t, i))
    i, t = i[order], t[order]
    same = i[1:] == i[:-1]
    isi = (t[1:] - t[:-1])[same]
    owner = i[1:][same]
    cnt = np.bincount(owner, minlength=n)
    s1 = np.bincount(owner, weights=isi, minlength=n)
    s2 = np.bincount(owner, weights=isi * isi, minlength=n)
    ok = cnt >= 2
    if not ok.any():
        return rate, None, 0
    mean = s1[ok] / cnt[ok]
    var = np.maximum(s2[ok] / cnt[ok] - mean * mean, 0.0)
    cv = np.sqrt(var) / mean
    return rate, float(cv.mean()), int(ok.sum())


def finish(args, t0, model, n_exc, n_inh, spike_mon, synapses, extra=None):
    """Builds, compiles and runs the project, then prints the JSON line."""
    import numpy as np
    import brian2
    from brian2 import device, second
    t_build = time.perf_counter()
    device.build(directory=args.project_dir, compile=True, run=False, with_output=False)
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    device.run(args.project_dir, False, [])
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t_built = time.perf_counter()
    binary_cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    loop = float(device._last_run_time)
    completed = float(device._last_run_completed_fraction)
    if completed < 1.0:
        sys.stderr.write(f"error: Brian2 run completed only {completed:.3f} of the duration\n")
        sys.exit(1)
    compile_s = device.timers["compile"]["make"] or 0.0
    clean_s = device.timers["compile"]["clean"] or 0.0
    binary_s = device.timers["run_binary"]

    n = n_exc + n_inh
    spike_i = np.asarray(spike_mon.i[:], dtype=np.int64)
    spike_t = np.asarray(spike_mon.t[:] / second, dtype=np.float64)
    # synaptic events: every spike is delivered through each synapse its neuron actually has
    out_degree = np.zeros(n, dtype=np.int64)
    n_syn = 0
    for syn, offset in synapses:
        pre = np.asarray(syn.i[:], dtype=np.int64) + offset
        out_degree += np.bincount(pre, minlength=n)
        n_syn += len(pre)
    events = int(out_degree[spike_i].sum())
    rate_e, cv_e, ncv_e = _rates_and_cv(spike_i, spike_t, 0, n_exc, args.duration)
    rate_i, cv_i, ncv_i = _rates_and_cv(spike_i, spike_t, n_exc, n, args.duration)
    t_end = time.perf_counter()

    total = t_end - t0
    out = {
        "tool": f"brian2 {brian2.__version__} cpp_standalone",
        "model": model,
        "threads": args.threads,
        "seed": args.seed,
        "neurons": n,
        "neurons_exc": n_exc,
        "neurons_inh": n_inh,
        "synapses": n_syn,
        "bio_seconds": args.duration,
        "loop_seconds": loop,
        "loop_seconds_source": "device._last_run_time (omp_get_wtime around Network::run's step loop)",
        "loop_seconds_per_bio_second": loop / args.duration,
        "total_wall_seconds": total,
        "codegen_compile_seconds": total - loop,
        "breakdown": {
            "python_seconds": (t_built - t0) - compile_s - clean_s - binary_s,
            "compile_seconds": compile_s + clean_s,
            "binary_outside_loop_seconds": binary_s - loop,
            "binary_wall_seconds": binary_s,
            "binary_cpu_seconds": binary_cpu,
            "read_back_seconds": t_end - t_built,
        },
        "spikes": int(len(spike_i)),
        "synaptic_events": events,
        "events_per_second": events / loop if loop > 0 else None,
        "rate_hz": {"E": rate_e, "I": rate_i},
        "cv_isi": {"E": cv_e, "I": cv_i},
        "cv_isi_neurons": {"E": ncv_e, "I": ncv_i},
    }
    if extra:
        out.update(extra)
    if args.keep:
        out["project_dir"] = args.project_dir
    else:
        shutil.rmtree(args.project_dir, ignore_errors=True)
    print(json.dumps(out), flush=True)
