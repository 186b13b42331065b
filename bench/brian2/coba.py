"""COBA, benchmark 1 of Brette et al. (2007), J Comput Neurosci 23:349-398 (after Vogels & Abbott
2005): a random network of leaky integrate-and-fire neurons with exponential synaptic
conductances, run on Brian2's cpp_standalone device. Prints one JSON line (see vabench.py for what
each timing covers).

Source followed: the Brian script of that paper's benchmark 1, COBA.py (R. Brette, Dec 2007,
"clock-driven implementation with Euler integration"), written for Brian 1 and later ported to
Brian2's syntax unchanged in substance. Brian2 2.5's examples folder has only the Hodgkin-Huxley
variant (examples/COBAHH.py, benchmark 3); its synaptic parameters
(Ee 0 mV, Ei -80 mV, we 6 nS, wi 67 nS, taue 5 ms, taui 10 ms, membrane area 20000 um^2 with
1 uF/cm^2) are the same as here. Brette's script writes v relative to rest and conductances in
units of the leak conductance; here the same equations are written in absolute units (multiply
through by gl = 10 nS and shift v by El = -60 mV), which is the same network:

  4000 neurons, neurons 0..3199 excitatory, 3200..3999 inhibitory; dt = 0.1 ms
  dv/dt  = (gl*(El - v) + ge*(Ee - v) + gi*(Ei - v))/Cm : volt (unless refractory)
  dge/dt = -ge/taue ; dgi/dt = -gi/taui                     (method 'euler', as in the original)
  Cm 200 pF, gl 10 nS (taum = Cm/gl = 20 ms), El -60 mV, Ee 0 mV, Ei -80 mV, taue 5 ms, taui 10 ms
  threshold v > -50 mV (and not refractory), reset v = -60 mV, refractory 5 ms
  v(0)  = El + (randn()*5 - 5) mV, i.e. normal, mean -65 mV, sd 5 mV
  ge(0) = (randn()*1.5 + 4) * gl, i.e. normal, mean 40 nS, sd 15 nS
  gi(0) = (randn()*12 + 20) * gl, i.e. normal, mean 200 nS, sd 120 nS (not clipped at 0, as in
          the original)
  E -> all: each pair (i, j), autapses included, with probability 0.02, on_pre ge += we, we = 6 nS
  I -> all: the same with p = 0.02, on_pre gi += wi, wi = 67 nS; no delays
  No external input: activity is sustained by the random initial state.

--v-init uniform starts v uniform in [Vr, Vt) instead, as CUBA does; ge(0) and gi(0) stay as above.

Usage: coba.py [--threads 1|2] [--seed S] [--duration SECONDS] [--v-init normal|uniform]
"""
import time

T0 = time.perf_counter()  # total wall time is measured from here, before `import brian2`

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vabench  # noqa: E402


def main():
    args = vabench.parse_args("Brian2 COBA benchmark (cpp_standalone)", with_v_init=True)
    vabench.import_brian2()
    from brian2 import NeuronGroup, Synapses, SpikeMonitor, run, ms, mV, nS, pF, second

    vabench.setup_device(args)
    n_exc, n_inh = 3200, 800
    n = n_exc + n_inh

    Cm = 200 * pF
    gl = 10 * nS
    El = -60 * mV
    Ee = 0 * mV
    Ei = -80 * mV
    taue = 5 * ms
    taui = 10 * ms
    Vt = -50 * mV
    Vr = -60 * mV
    eqs = '''
    dv/dt  = (gl*(El-v) + ge*(Ee-v) + gi*(Ei-v))/Cm : volt (unless refractory)
    dge/dt = -ge/taue : siemens
    dgi/dt = -gi/taui : siemens
    '''
    P = NeuronGroup(n, eqs, threshold='v>Vt', reset='v = Vr', refractory=5 * ms, method='euler')
    if args.v_init == "normal":
        P.v = 'El + (randn()*5 - 5)*mV'
    else:
        P.v = 'Vr + rand()*(Vt - Vr)'
    P.ge = '(randn()*1.5 + 4)*gl'
    P.gi = '(randn()*12 + 20)*gl'

    we = 6 * nS   # excitatory synaptic conductance increment
    wi = 67 * nS  # inhibitory synaptic conductance increment
    Ce = Synapses(P, P, on_pre='ge += we')
    Ci = Synapses(P, P, on_pre='gi += wi')
    Ce.connect(f'i<{n_exc}', p=0.02)
    Ci.connect(f'i>={n_exc}', p=0.02)

    s_mon = SpikeMonitor(P)
    run(args.duration * second)
    vabench.finish(args, T0, "coba", n_exc, n_inh, s_mon, [(Ce, 0), (Ci, 0)],
                   extra={"connectivity": "p=0.02", "v_init": args.v_init})


if __name__ == "__main__":
    main()
