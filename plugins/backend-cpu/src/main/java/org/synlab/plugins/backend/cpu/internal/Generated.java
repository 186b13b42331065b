package org.synlab.plugins.backend.cpu.internal;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.attribute.CodeAttribute;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated Java source with Janino into an instance of the interface it implements. The
 * classes are ordinary classes to the JIT, so their vector code reaches C2 like the backend's own.
 */
final class Generated {

    private static final AtomicLong CLASS_NUMBER = new AtomicLong();

    /**
     * What Janino resolves names through: the bundle's own loader (it sees this backend's interfaces
     * and the jdk.incubator.vector it imports), and for JDK classes a bundle may not see, the platform
     * loader. Janino walks FloatVector's superclasses, down to jdk.internal.vm.vector.VectorSupport$Vector,
     * which no bundle imports; the generated code itself never names such a class.
     */
    private static final ClassLoader COMPILE_TIME_LOADER = new ClassLoader(Generated.class.getClassLoader()) {
        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("jdk.") || name.startsWith("java.")) {
                return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            }
            throw new ClassNotFoundException(name);
        }
    };

    private Generated() {
    }

    /**
     * Compiled classes by their source (written with a placeholder class name), for this bundle's
     * life: a second run, or a second context of the same run, that needs the same code gets the class
     * the first one compiled, already warmed up by the JIT, without compiling again. The source holds
     * every constant as its exact bits, so equal sources are the same computation.
     */
    private static final ConcurrentHashMap<String, Compiled> CACHE = new ConcurrentHashMap<>();
    private static final String PLACEHOLDER = "SynlabGenerated";

    /** The imports and class line of a generated class, with the species constants every loop uses. */
    static String header(String className, Class<?> implemented) {
        String v = "jdk.incubator.vector.";
        return "import " + v + "FloatVector;\n"
                + "import " + v + "VectorMask;\n"
                + "import " + v + "VectorOperators;\n"
                + "import " + v + "VectorSpecies;\n"
                + "public final class " + className + " implements " + implemented.getCanonicalName() + " {\n"
                + "  private static final VectorSpecies S = FloatVector.SPECIES_PREFERRED;\n"
                + "  private static final int L = S.length();\n";
    }

    /**
     * The compiled class whose source {@code sourceFor} writes for a given class name, from the cache
     * when the same source was compiled before.
     *
     * @param what names the code in an error, e.g. "the kernel for 'x + 1'"
     */
    static Compiled compile(String what, String prefix, Function<String, String> sourceFor) {
        return CACHE.computeIfAbsent(sourceFor.apply(PLACEHOLDER), template -> {
            String className = prefix + CLASS_NUMBER.incrementAndGet();
            return compile(what, className, sourceFor.apply(className));
        });
    }

    /** Compiles {@code source}, which declares public class {@code className}. */
    private static Compiled compile(String what, String className, String source) {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(COMPILE_TIME_LOADER);
        try {
            compiler.cook(source);
            return new Compiled(what, compiler.getClassLoader().loadClass(className),
                    compiler.getBytecodes().get(className));
        } catch (CompileException | RuntimeException e) {
            StringBuilder causes = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                causes.append("\n  ").append(t);
            }
            throw new IllegalStateException(what + " does not compile:" + causes + "\n" + source, e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(what + " cannot be loaded", e);
        }
    }

    /** A compiled class, and its class file to inspect. */
    record Compiled(String what, Class<?> type, byte[] classFile) {

        /** Bytes of bytecode in the named method (the largest, if it is overloaded). */
        int codeLength(String method) {
            return ClassFile.of().parse(classFile).methods().stream()
                    .filter(m -> m.methodName().equalsString(method))
                    .flatMap(m -> m.findAttribute(Attributes.code()).stream())
                    .mapToInt(CodeAttribute::codeLength)
                    .max().orElse(0);
        }

        <T> T instance(Class<T> expected, Class<?>[] argumentTypes, Object... arguments) {
            try {
                return expected.cast(type.getDeclaredConstructor(argumentTypes).newInstance(arguments));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(what + " cannot be loaded", e);
            }
        }
    }
}
