package org.synlab.plugins.backend.cpu.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
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

    private static final AtomicLong CLASS_NUMBER = new AtomicLong();

    /**
     * What Janino resolves names through: the bundle's own loader (it sees {@link Body} and the
     * jdk.incubator.vector it imports), and for JDK classes a bundle may not see, the platform loader.
     * Janino walks FloatVector's superclasses, down to jdk.internal.vm.vector.VectorSupport$Vector,
     * which no bundle imports; the generated code itself never names such a class.
     */
    private static final ClassLoader COMPILE_TIME_LOADER = new ClassLoader(Body.class.getClassLoader()) {
        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("jdk.") || name.startsWith("java.")) {
                return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            }
            throw new ClassNotFoundException(name);
        }
    };

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
        String className = "SynlabKernel" + CLASS_NUMBER.incrementAndGet();
        String source = FusedKernelSource.write(className, expression, inputs, scalar);
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(COMPILE_TIME_LOADER);
        try {
            compiler.cook(source);
            return (Body) compiler.getClassLoader().loadClass(className).getDeclaredConstructor().newInstance();
        } catch (CompileException | RuntimeException e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append("\n  ").append(t);
            }
            throw new IllegalStateException("the generated kernel for '" + expression + "' does not compile:"
                    + causes + "\n" + source, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the generated kernel for '" + expression + "' cannot be loaded", e);
        }
    }
}
