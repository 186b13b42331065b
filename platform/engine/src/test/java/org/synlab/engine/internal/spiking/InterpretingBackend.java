package org.synlab.engine.internal.spiking;

import java.lang.reflect.Proxy;
import org.synlab.api.Availability;
import org.synlab.api.Backend;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.ParamSchema;
import org.synlab.api.eqs.NeuronProgram;

/**
 * A backend called {@code cpu} whose only operation is {@link Compute#neurons}, answered by
 * {@link InterpretedKernel}: what a spiking run asks of its backend, and nothing else.
 */
final class InterpretingBackend implements Backend {

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "interprets neuron programs (engine tests)";
    }

    @Override
    public ParamSchema parameters() {
        return ParamSchema.EMPTY;
    }

    @Override
    public Availability availability() {
        return Availability.yes("always");
    }

    @Override
    public Compute open(ComputeConfig config) {
        return (Compute) Proxy.newProxyInstance(Compute.class.getClassLoader(), new Class<?>[] {Compute.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "neurons" -> new InterpretedKernel((NeuronProgram) args[0], (Double) args[1]);
                    case "backend" -> "cpu";
                    case "threads" -> config.threads();
                    case "close" -> null;
                    case "toString" -> "interpreting compute";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
