package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;
import org.synlab.plugins.backend.cpu.CpuBackend;

/**
 * apply's generated loops against the element-at-a-time float nodes: the same float semantics, so
 * the same bits (any NaN counting as one value), on lengths that end inside a vector and a task, with
 * every kind of broadcast, and with NaN, infinities and signed zeros among the inputs.
 */
class ElementwiseApplyTest {

    private static final String[] EXPRESSIONS = {
        "x + y * z", "x - y / z", "-x", "!x", "abs(x)", "sqrt(abs(x))", "exp(x)", "log(x)", "tanh(x)", "sin(x)",
        "cos(y)", "floor(x)", "min(x, y)", "max(x, y)", "pow(x, y)", "x ^ 2", "pow(y, 2)", "clip(x, y, z)",
        "x < y", "x <= y", "x > y", "x >= y", "x == y", "x != y", "x && y", "x || y", "x > 0 ? y : z",
        "z ? x : y", "max(0, x) * (y > 0)", "x * 0.5 - 1 / (1 + exp(-y))", "clip(x + y, -1, 1) * z",
        "0.9 * x + (1 - 0.9) * y * y", "x - 0.001 * y / (sqrt(z * z) + 1e-8)", "3", "x", "2 ^ 3 + y",
    };

    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, 1f, -1f};

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 17, 511, 512, 513, 16383, 16385, 40_000})
    void sameBitsAsTheFloatNodes(int size) {
        try (Compute compute = new CpuBackend().open(new ComputeConfig(2, 1L))) {
            float[][] in = {values(size, 1), values(size, 2), values(size, 3)};
            for (String source : EXPRESSIONS) {
                CompiledKernel kernel = (CompiledKernel) compute.kernel(Expr.parse(source), "x", "y", "z");
                Tensor out = compute.zeros(size);
                compute.apply(kernel, out, compute.upload(in[0], size), compute.upload(in[1], size),
                        compute.upload(in[2], size));
                float[] actual = compute.download(out);
                float[] args = new float[3];
                for (int i = 0; i < size; i++) {
                    args[0] = in[0][i];
                    args[1] = in[1][i];
                    args[2] = in[2][i];
                    float expected = kernel.root().eval(args);
                    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual[i]),
                            source + " at " + i + " with " + java.util.Arrays.toString(args) + ": " + expected + " vs " + actual[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 17, 128, 600})
    void everyBroadcastMatchesTheFloatNodes(int cols) {
        int rows = 37;
        try (Compute compute = new CpuBackend().open(new ComputeConfig(2, 1L))) {
            float[] x = values(rows * cols, 4);
            float[] row = values(cols, 5);
            float[] column = values(rows, 6);
            float[] scalar = {0.375f};
            CompiledKernel kernel = (CompiledKernel) compute.kernel(
                    Expr.parse("x * r + (c > 0 ? c : s) - exp(-abs(r)) * s"), "x", "r", "c", "s");
            for (int[] rowShape : new int[][] {{cols}, {1, cols}}) {
                Tensor out = compute.zeros(rows, cols);
                compute.apply(kernel, out, compute.upload(x, rows, cols), compute.upload(row, rowShape),
                        compute.upload(column, rows, 1), compute.upload(scalar, 1));
                float[] actual = compute.download(out);
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        float expected = kernel.root().eval(new float[] {x[i * cols + j], row[j], column[i], scalar[0]});
                        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(actual[i * cols + j]),
                                "row " + i + " col " + j);
                    }
                }
            }
        }
    }

    @Test
    void inPlaceUpdateReadsBeforeWriting() {
        int size = 5000;
        try (Compute compute = new CpuBackend().open(new ComputeConfig(2, 1L))) {
            float[] w0 = values(size, 7);
            float[] g = values(size, 8);
            Tensor w = compute.upload(w0, size);
            compute.apply(compute.kernel(Expr.parse("w - 0.5 * g * w"), "w", "g"), w, w, compute.upload(g, size));
            float[] actual = compute.download(w);
            for (int i = 0; i < size; i++) {
                assertEquals(Float.floatToIntBits(w0[i] - 0.5f * g[i] * w0[i]), Float.floatToIntBits(actual[i]), "element " + i);
            }
        }
    }

    @Test
    void threadCountDoesNotChangeABit() {
        int rows = 300;
        int cols = 333;
        float[] x = values(rows * cols, 9);
        float[] b = values(cols, 10);
        String source = "tanh(x + b) * 0.5 + exp(-x * x) + (x > b ? sqrt(abs(x)) : pow(b, x))";
        float[] single = applyOn(1, source, x, b, rows, cols);
        for (int threads : new int[] {2, 3}) {
            assertArrayEquals(bits(single), bits(applyOn(threads, source, x, b, rows, cols)), threads + " threads");
        }
    }

    private static float[] applyOn(int threads, String source, float[] x, float[] b, int rows, int cols) {
        try (Compute compute = new CpuBackend().open(new ComputeConfig(threads, 1L))) {
            Tensor out = compute.zeros(rows, cols);
            compute.apply(compute.kernel(Expr.parse(source), "x", "b"), out, compute.upload(x, rows, cols),
                    compute.upload(b, cols));
            return compute.download(out);
        }
    }

    /** Mostly values in [-3, 3), with special values sprinkled in. */
    private static float[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(8) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) (r.nextDouble() * 6 - 3);
        }
        return v;
    }

    private static int[] bits(float[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Float.floatToRawIntBits(x[i]);
        }
        return out;
    }
}
