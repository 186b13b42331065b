package org.synlab.engine.internal.spiking;

import java.util.List;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.Variable;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;

/**
 * A stand-in with a program's variables and no dynamics, so that the whole network can be checked by
 * {@link org.synlab.spiking.NetworkSpec} while the run is prepared, before any backend compiles the
 * real kernels. It is never stepped.
 */
final class ShapeKernel implements NeuronKernel {

    private final List<String> variables;

    ShapeKernel(NeuronProgram program) {
        this.variables = program.variables().stream().map(Variable::name).toList();
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public int update(PopulationState state, long step, int from, int to, int[] spiked) {
        throw new IllegalStateException("a shape kernel only describes variables; it cannot step");
    }
}
