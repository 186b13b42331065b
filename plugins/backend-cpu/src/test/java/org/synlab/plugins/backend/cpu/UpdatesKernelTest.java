package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * Several updates in one pass ({@link Compute#kernel(SequencedMap, String...)}) against the same
 * expressions applied one after the other as single kernels: the same bits, in place, with broadcast
 * inputs, in vector and scalar form, on one and two threads.
 */
class UpdatesKernelTest {

    /** Adam as learning-gradient writes it, with L2 and weight decay bound. */
    private static SequencedMap<String, Expr> adam() {
        SequencedMap<String, Expr> updates = new LinkedHashMap<>();
        updates.put("m", Expr.parse("0.9 * m + (1 - 0.9) * (g + 0.01 * w)"));
        updates.put("v", Expr.parse("0.999 * v + (1 - 0.999) * (g + 0.01 * w) * (g + 0.01 * w)"));
        updates.put("w", Expr.parse("w - lr * 0.1 * w - step_size * m / (sqrt(v * v_correction) + 1e-7)"));
        return updates;
    }

    private static final String[] ADAM_INPUTS = {"m", "v", "g", "w", "lr", "step_size", "v_correction"};

    @ParameterizedTest(name = "{0} x {1}, threads {2}")
    @CsvSource({"784, 128, 1", "784, 128, 2", "3, 37, 2", "1, 1, 1"})
    void adamInOnePassGivesTheBitsOfThreePasses(int rows, int cols, int threads) {
        int size = rows * cols;
        float[] m0 = TestData.randomFloats(size, 1);
        float[] v0 = absolute(TestData.randomFloats(size, 2));
        float[] g = TestData.randomFloats(size, 3);
        float[] w0 = TestData.randomFloats(size, 4);
        float[][] fused;
        float[][] passes;
        try (Compute compute = TestData.open(threads)) {
            fused = run(compute, rows, cols, m0, v0, g, w0, true);
            passes = run(compute, rows, cols, m0, v0, g, w0, false);
        }
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(TestData.bits(passes[t]), TestData.bits(fused[t]), "output " + t);
        }
        assertTrue(!java.util.Arrays.equals(w0, fused[2]), "the weights moved");
    }

    @Test
    void aScalarFormUpdateAndAnOutputThatIsNotAnInput() {
        SequencedMap<String, Expr> updates = new LinkedHashMap<>();
        updates.put("a", Expr.parse("exp(a) + b"));
        updates.put("b", Expr.parse("a * b - s"));
        try (Compute compute = TestData.open(2)) {
            Tensor a = compute.upload(TestData.randomFloats(300, 5), 10, 30);
            Tensor b = compute.upload(TestData.randomFloats(300, 6), 10, 30);
            Tensor rowS = compute.upload(TestData.randomFloats(30, 7), 30);
            Tensor newA = compute.zeros(10, 30);
            Tensor newB = compute.zeros(10, 30);
            compute.apply(compute.kernel(updates, "a", "b", "s"), new Tensor[] {newA, newB}, a, b, rowS);

            Tensor expectA = compute.zeros(10, 30);
            Tensor expectB = compute.zeros(10, 30);
            compute.apply(compute.kernel(updates.get("a"), "a", "b", "s"), expectA, a, b, rowS);
            compute.apply(compute.kernel(updates.get("b"), "a", "b", "s"), expectB, expectA, b, rowS);
            assertArrayEquals(TestData.bits(compute.download(expectA)), TestData.bits(compute.download(newA)));
            assertArrayEquals(TestData.bits(compute.download(expectB)), TestData.bits(compute.download(newB)));
        }
    }

    @Test
    void rejectsOutputsThatAliasAnotherInputAndUpdatesOfUnknownNames() {
        try (Compute compute = TestData.open(1)) {
            Tensor m = compute.zeros(4);
            Tensor g = compute.zeros(4);
            SequencedMap<String, Expr> updates = new LinkedHashMap<>();
            updates.put("m", Expr.parse("m + g"));
            Kernel kernel = compute.kernel(updates, "m", "g");
            assertThrows(IllegalArgumentException.class, () -> compute.apply(kernel, new Tensor[] {g}, m, g));
            assertThrows(IllegalArgumentException.class, () -> compute.apply(kernel, new Tensor[] {m, g}, m, g));
            SequencedMap<String, Expr> unknown = new LinkedHashMap<>();
            unknown.put("x", Expr.parse("m + g"));
            assertThrows(IllegalArgumentException.class, () -> compute.kernel(unknown, "m", "g"));
            SequencedMap<String, Expr> freeVariable = new LinkedHashMap<>();
            freeVariable.put("m", Expr.parse("m + q"));
            assertThrows(IllegalArgumentException.class, () -> compute.kernel(freeVariable, "m", "g"));
        }
    }

    /** m, v and w after one step, fused or as three single kernels (each pass reading the last's output). */
    private static float[][] run(Compute compute, int rows, int cols, float[] m0, float[] v0, float[] g0, float[] w0,
                                 boolean fused) {
        Tensor m = compute.upload(m0, rows, cols);
        Tensor v = compute.upload(v0, rows, cols);
        Tensor g = compute.upload(g0, rows, cols);
        Tensor w = compute.upload(w0, rows, cols);
        Tensor lr = compute.upload(new float[] {1e-3f}, 1);
        Tensor stepSize = compute.upload(new float[] {0.01f}, 1);
        Tensor vCorrection = compute.upload(new float[] {1000.5f}, 1);
        SequencedMap<String, Expr> updates = adam();
        if (fused) {
            compute.apply(compute.kernel(updates, ADAM_INPUTS), new Tensor[] {m, v, w}, m, v, g, w, lr, stepSize,
                    vCorrection);
        } else {
            Tensor[] targets = {m, v, w};
            int t = 0;
            for (Expr e : updates.values()) {
                compute.apply(compute.kernel(e, ADAM_INPUTS), targets[t++], m, v, g, w, lr, stepSize, vCorrection);
            }
        }
        return new float[][] {compute.download(m), compute.download(v), compute.download(w)};
    }

    private static float[] absolute(float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.abs(x[i]);
        }
        return x;
    }
}
