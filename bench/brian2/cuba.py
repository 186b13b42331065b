"""CUBA, benchmark 2 of Brette et al. (2007), J Comput Neurosci 23:349-398 (after Vogels & Abbott
2005), as in Brian2's own example examples/CUBA.py: a random network of leaky integrate-and-fire
neurons with exponential synaptic currents, run on Brian2's cpp_standalone device. Prints one JSON
line (see vabench.py for what each timing covers).

Model (identical to Brian2's examples/CUBA.py):
  4000 neurons, neurons 0..3199 excitatory, 3200..3999 inhibitory; dt = 0.1 ms
  dv/dt  = (ge + gi - (v - El))/taum : volt (unless refractory)
  dge/dt = -ge/taue ; dgi/dt = -gi/taui              (method 'linear': exact integration)
  taum 20 ms, taue 5 ms, taui 10 ms, Vt -50 mV, Vr -60 mV, El -49 mV, refractory 5 ms
  threshold v > Vt (and not refractory), reset v = Vr
  v(0) uniform in [Vr, Vt) (Vr + rand()*(Vt - Vr)), ge(0) = gi(0) = 0
  E -> all: each pair (i, j), autapses included, with probability 0.02, on_pre ge += we,
            we = 60*0.27/10 mV = 1.62 mV
  I -> all: the same with p = 0.02, on_pre gi += wi, wi = -20*4.5/10 mV = -9 mV; no delays
  No external input: activity is sustained by the random initial potentials.

--neurons N --in-degree K (used by cuba_sweep.py): N neurons, 80 % E / 20 % I, and instead of
p = 0.02 each neuron receives exactly 0.8K E and 0.2K I synapses, drawn without replacement
(Synapses.connect(i='k for k in sample(N_pre, size=...)'), autapses allowed). With K = 80 this is
the mean in-degree of the 4000-neuron benchmark (0.02 x 3200 = 64 E, 0.02 x 800 = 16 I), so the
weights are left unchanged and each neuron's input statistics do not depend on N.

Usage: cuba.py [--threads 1|2] [--seed S] [--duration SECONDS] [--neurons N --in-degree K]
"""
import time

T0 = time.perf_counter()  # total wall time is measured from here, before `import brian2`

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vabench  # noqa: E402


def main():
    args = vabench.parse_args("Brian2 CUBA benchmark (cpp_standalone)", with_size=True)
    vabench.import_brian2()
    from brian2 import NeuronGroup, Synapses, SpikeMonitor, run, ms, mV, second

    vabench.setup_device(args)
    n = args.neurons
    n_exc = n * 4 // 5
    n_inh = n - n_exc

    taum = 20 * ms
    taue = 5 * ms
    taui = 10 * ms
    Vt = -50 * mV
    Vr = -60 * mV
    El = -49 * mV
    eqs = '''
    dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
    dge/dt = -ge/taue : volt
    dgi/dt = -gi/taui : volt
    '''
    P = NeuronGroup(n, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='linear')
    P.v = 'Vr + rand() * (Vt - Vr)'
    P.ge = 0 * mV
    P.gi = 0 * mV

    we = (60 * 0.27 / 10) * mV  # excitatory synaptic weight (voltage)
    wi = (-20 * 4.5 / 10) * mV  # inhibitory synaptic weight
    if args.in_degree <= 0:
        Ce = Synapses(P, P, on_pre='ge += we')
        Ci = Synapses(P, P, on_pre='gi += wi')
        Ce.connect(f'i<{n_exc}', p=0.02)
        Ci.connect(f'i>={n_exc}', p=0.02)
        synapses = [(Ce, 0), (Ci, 0)]
        connectivity = "p=0.02"
    else:
        k_exc = args.in_degree * 4 // 5
        k_inh = args.in_degree - k_exc
        Ce = Synapses(P[:n_exc], P, on_pre='ge += we')
        Ci = Synapses(P[n_exc:], P, on_pre='gi += wi')
        Ce.connect(i=f'k for k in sample(N_pre, size={k_exc})')
        Ci.connect(i=f'k for k in sample(N_pre, size={k_inh})')
        synapses = [(Ce, 0), (Ci, n_exc)]
        connectivity = f"fixed in-degree {args.in_degree} ({k_exc} E + {k_inh} I)"

    s_mon = SpikeMonitor(P)
    run(args.duration * second)
    vabench.finish(args, T0, "cuba", n_exc, n_inh, s_mon, synapses,
                   extra={"connectivity": connectivity})


if __name__ == "__main__":
    main()
