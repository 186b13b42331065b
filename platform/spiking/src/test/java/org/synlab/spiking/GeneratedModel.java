package org.synlab.spiking;

import java.util.LinkedHashMap;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.SpikingNeuron;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.Variable;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.plugins.backend.cpu.CpuBackend;

/**
 * A built-in equation model compiled by the real {@code cpu} backend, with its declared initial values: what the
 * plasticity tests run, so that they exercise generated kernels rather than the hand-written test ones.
 *
 * @param kernel the generated kernel
 * @param initial the declared initial values that are not 0, in SI units
 */
record GeneratedModel(NeuronKernel kernel, Map<String, Value> initial) {

    /** The backend that compiles the kernels, open for the whole test JVM because the kernels it makes use it. */
    private static final Compute CPU = new CpuBackend().open(new ComputeConfig(1, 42));

    /** {@code neuron} with {@code params}, for a simulation stepped with {@code dtMs} milliseconds. */
    static GeneratedModel of(SpikingNeuron neuron, Map<String, ?> params, double dtMs) {
        NeuronProgram program = neuron.program(params);
        NeuronKernel kernel = CPU.neurons(program, dtMs * 1e-3);
        Map<String, Value> initial = new LinkedHashMap<>();
        for (Variable v : program.variables()) {
            // the runtime starts every variable at 0; internal ones belong to the kernel
            if (v.kind() != Variable.Kind.INTERNAL && v.initial() != 0 && kernel.variables().contains(v.name())) {
                initial.put(v.name(), Value.constant(v.initial()));
            }
        }
        return new GeneratedModel(kernel, initial);
    }
}
