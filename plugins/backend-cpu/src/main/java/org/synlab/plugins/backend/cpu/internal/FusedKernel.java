package org.synlab.plugins.backend.cpu.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.synlab.api.expr.Expr;

/**
 * One kernel's generated loops ({@link FusedKernelSource}), compiled to bytecode with Janino on first
 * use, one class per pattern of broadcast inputs (which inputs are a single value for the call), and
 * kept for the kernel's life. A compiled class is an ordinary class for the JIT, so its vector code
 * reaches C2 like the backend's own.
 */
final class FusedKernel {

    /** The generated loop: {@code out[o + i] = f(inputs at i)} for i in [0, n). */
    public interface Body {
        void run(float[] out, int o, float[][] in, int[] at, float[] scalars, int n);
    }

    private final Expr expression;
    private final List<String> inputs;
    /** Keyed by the bit set of broadcast inputs. */
    private final ConcurrentHashMap<Long, Body> bodies = new ConcurrentHashMap<>();

    FusedKernel(Expr expression, List<String> inputs) {
        this.expression = expression;
        this.inputs = inputs;
    }

    /** The broadcast pattern is keyed by a long's bits. */
    static final int MAX_INPUTS = 63;

    /** The compiled loop for inputs of which those flagged in {@code scalar} are broadcast values. */
    Body body(boolean[] scalar) {
        long key = 0;
        for (int j = 0; j < scalar.length; j++) {
            if (scalar[j]) {
                key |= 1L << j;
            }
        }
        return bodies.computeIfAbsent(key, k -> compile(scalar.clone()));
    }

    private Body compile(boolean[] scalar) {
        return Generated.compile("the generated kernel for '" + expression + "'", "SynlabKernel",
                        name -> FusedKernelSource.write(name, expression, inputs, scalar))
                .instance(Body.class, new Class<?>[0]);
    }
}
