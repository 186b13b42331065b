package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synlab.api.expr.Expr;

/**
 * Generated loops against the element-at-a-time float nodes of {@link KernelCompiler}: the same bits
 * (any NaN counting as one value) on every operator,
 * on values that include NaN, infinities, signed zeros and subnormals, for lengths that are not a
 * multiple of the vector width, with inputs read element by element or broadcast.
 */
class FusedKernelTest {

    private static final List<String> INPUTS = List.of("x", "y", "z");
    private static final float[] SPECIAL = {
        0f, -0f, 1f, -1f, 2f, 0.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, 1e-30f, 3f, -2.5f,
    };

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "x + y * z", "x - y / z", "-x", "!x", "abs(x) + sqrt(y)", "min(x, y) + max(y, z)", "clip(x, -1, 1)",
        "x < y", "x <= y", "x > y", "x >= y", "x == y", "x != y", "x && y", "x || y", "x ? y : z",
        "x ^ 2", "pow(y, 2) + 1", "1 > 0 ? x : y", "2 * 3 + x",
        "w - lr * weight_decay * w - step_size * m / (sqrt(v * v_correction) + epsilon)",
        // scalar loops: functions without a Vector API form with Math's bits
        "exp(x) + y", "log(x) * z", "tanh(x)", "sin(x) - cos(y)", "floor(x * 3)", "pow(x, y)", "x ^ z",
        "1 / (1 + exp(-x))", "x > 0 ? log(x) : 0",
    })
    void givesTheFloatNodesBits(String source) {
        Expr e = Expr.parse(source);
        List<String> inputs = e.variables().isEmpty() ? List.of("x") : List.copyOf(e.variables());
        for (int n : new int[] {1, 15, 16, 17, 100, 1000}) {
            float[][] in = new float[inputs.size()][];
            for (int j = 0; j < in.length; j++) {
                in[j] = values(n, 31L * j + n);
            }
            FloatNode reference = KernelCompiler.compile(e, inputs.toArray(String[]::new)).root();
            float[] viaNodes = new float[n];
            float[] args = new float[in.length];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < in.length; j++) {
                    args[j] = in[j][i];
                }
                viaNodes[i] = reference.eval(args);
            }

            float[] fused = new float[n + 3];
            new FusedKernel(e, inputs).body(new boolean[inputs.size()])
                    .run(fused, 3, in, new int[in.length], new float[in.length], n);

            for (int i = 0; i < n; i++) {
                // floatToIntBits folds every NaN into one: x86 scalar and vector instructions may
                // give a NaN a different sign or payload, and NaN is NaN to every reader
                assertEquals(Float.floatToIntBits(viaNodes[i]), Float.floatToIntBits(fused[3 + i]),
                        source + " at " + i + " of " + n + ": " + viaNodes[i] + " vs " + fused[3 + i]);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x * y + z", "exp(x) * y + z"})
    void readsBroadcastInputsOnce(String source) {
        Expr e = Expr.parse(source);
        int n = 37;
        float[] x = values(n, 5);
        float[] out = new float[n];
        // y and z are broadcast: one value for every element
        new FusedKernel(e, INPUTS).body(new boolean[] {false, true, true})
                .run(out, 0, new float[][] {x, null, null}, new int[3], new float[] {0f, 2f, -1f}, n);

        for (int i = 0; i < n; i++) {
            float expected = source.startsWith("exp") ? (float) Math.exp(x[i]) * 2f + -1f : x[i] * 2f + -1f;
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(out[i]), "element " + i);
        }
    }

    @Test
    void equalSourcesShareOneCompiledClassAcrossKernels() {
        Class<?> first = new FusedKernel(Expr.parse("x * 0.5 + y"), INPUTS).body(new boolean[3]).getClass();
        Class<?> again = new FusedKernel(Expr.parse("x * 0.5 + y"), INPUTS).body(new boolean[3]).getClass();
        Class<?> otherConstant = new FusedKernel(Expr.parse("x * 0.25 + y"), INPUTS).body(new boolean[3]).getClass();
        Class<?> otherPattern = new FusedKernel(Expr.parse("x * 0.5 + y"), INPUTS)
                .body(new boolean[] {false, true, false}).getClass();

        assertSame(first, again);
        assertNotSame(first, otherConstant);
        assertNotSame(first, otherPattern);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exp(x)", "log(x) + 1", "x ^ y", "tanh(x) * 2"})
    void writesScalarLoopsForFunctionsWithoutAVectorForm(String source) {
        assertFalse(ExprWriter.vectorizable(Expr.parse(source)));
        assertTrue(ExprWriter.vectorizable(Expr.parse("sqrt(x) + x ^ 2 + max(x, 0)")));
    }

    private static float[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(3) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextDouble(-4, 4);
        }
        return v;
    }
}
