package org.synlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;
import org.synlab.api.expr.Expr;

/**
 * The default of {@link Compute#kernel(SequencedMap, String...)} and {@link Compute#apply(Kernel, Tensor[], Tensor...)}:
 * one kernel per update, applied in order, each reading the outputs written before it.
 */
class UpdatesTest {

    /** Records the applies it is asked for; the other operations are not needed. */
    private record Call(Kernel kernel, Tensor out, List<Tensor> inputs) {
    }

    private record Named(String name) implements Tensor {
        @Override
        public int[] shape() {
            return new int[] {1};
        }

        @Override
        public long size() {
            return 1;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void appliesEachUpdateInOrderReadingTheOutputsBeforeIt() {
        List<Call> calls = new ArrayList<>();
        Compute compute = recording(calls);
        SequencedMap<String, Expr> updates = new LinkedHashMap<>();
        updates.put("m", Expr.parse("m + g"));
        updates.put("w", Expr.parse("w - m"));
        Kernel kernel = compute.kernel(updates, "m", "g", "w");
        Tensor m = new Named("m");
        Tensor g = new Named("g");
        Tensor w = new Named("w");
        Tensor newM = new Named("m'");

        compute.apply(kernel, new Tensor[] {newM, w}, m, g, w);

        assertEquals(2, calls.size());
        assertEquals(newM, calls.get(0).out());
        assertEquals(List.of(m, g, w), calls.get(0).inputs());
        assertEquals(w, calls.get(1).out());
        assertEquals(List.of(newM, g, w), calls.get(1).inputs(), "the second update reads the new m");
    }

    @Test
    void rejectsAnUpdateOfANameThatIsNotAnInput() {
        SequencedMap<String, Expr> updates = new LinkedHashMap<>();
        updates.put("q", Expr.parse("m"));
        assertThrows(IllegalArgumentException.class, () -> recording(new ArrayList<>()).kernel(updates, "m"));
        assertThrows(IllegalArgumentException.class,
                () -> recording(new ArrayList<>()).kernel(new LinkedHashMap<>(), "m"));
    }

    private static Compute recording(List<Call> calls) {
        return (Compute) java.lang.reflect.Proxy.newProxyInstance(Compute.class.getClassLoader(),
                new Class<?>[] {Compute.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    return switch (method.getName()) {
                        case "backend" -> "recording";
                        case "kernel" -> new Kernel() {
                            @Override
                            public List<String> inputs() {
                                return List.of((String[]) args[1]);
                            }
                        };
                        case "apply" -> {
                            calls.add(new Call((Kernel) args[0], (Tensor) args[1], List.of((Tensor[]) args[2])));
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
