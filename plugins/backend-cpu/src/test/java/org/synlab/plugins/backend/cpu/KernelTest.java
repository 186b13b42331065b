package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synlab.api.Compute;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

class KernelTest {

    /** Negative, zero, fractional and integral values, so every branch and domain edge is visited. */
    private static final float[] GRID = {-3f, -1.5f, -1f, -0.5f, 0f, 0.25f, 0.5f, 1f, 2f, 3.5f};

    private final Compute compute = TestData.open(2);

    @AfterEach
    void close() {
        compute.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x + y", "x - y", "x * y", "x / y", "x ^ y", "-x", "!x", "!(x < y)",
        "x < y", "x <= y", "x > y", "x >= y", "x == y", "x != y", "x && y", "x || y", "(x > 0) && (y < 1)",
        "x > 0 ? y : -y", "x ? x * y : 2", "exp(x)", "log(x)", "sqrt(x)", "abs(x)", "tanh(x)", "sin(x)", "cos(x)",
        "floor(x)", "min(x, y)", "max(x, y)", "pow(x, y)", "pow(x, 2)", "clip(x, -0.5, y)", "clip(x, -1, 1)",
        "x * 0.5", "0.5 * x", "1 - x", "x - 1", "2 / x", "x / 4", "3 + x", "x + 3",
        "x * 0.5 - 1 / (1 + exp(-y))", "x >= 1 ? 0 : x + 0.1 * (y - x)", "2 ^ 3 + x", "1 < 2 ? x : y",
        "0 ? x : y", "max(0, x) * (y > 0)", "-x ^ 2",
    })
    void agreesWithEvaluate(String source) {
        Expr expr = Expr.parse(source);
        int n = GRID.length * GRID.length;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < GRID.length; i++) {
            for (int j = 0; j < GRID.length; j++) {
                xs[i * GRID.length + j] = GRID[i];
                ys[i * GRID.length + j] = GRID[j];
            }
        }
        Kernel kernel = compute.kernel(expr, "x", "y");
        Tensor out = compute.zeros(n);

        compute.apply(kernel, out, compute.upload(xs, n), compute.upload(ys, n));

        float[] actual = compute.download(out);
        for (int i = 0; i < n; i++) {
            double xi = xs[i];
            double yi = ys[i];
            float expected = (float) expr.evaluate(v -> v.equals("x") ? xi : yi);
            assertSameFloat(expected, actual[i], source + " at x=" + xi + ", y=" + yi);
        }
    }

    @Test
    void boundParametersAreConstants() {
        Expr expr = Expr.parse("v + dt * (a - v) / tau").bind(Map.of("dt", 0.5, "tau", 2.0));
        Kernel kernel = compute.kernel(expr, "v", "a");
        Tensor v = compute.upload(new float[] {0f, 1f, -2f}, 3);

        compute.apply(kernel, v, v, compute.upload(new float[] {4f, 1f, 2f}, 3));

        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1f, 1f, -1f}, compute.download(v));
    }

    @Test
    void unknownVariableIsRejectedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> compute.kernel(Expr.parse("x * w + 1"), "x"));
        assertTrue(e.getMessage().contains("'w'"), e.getMessage());
    }

    @Test
    void inputListedTwiceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> compute.kernel(Expr.parse("x"), "x", "x"));
    }

    @Test
    void inputsKeepTheirOrderAndMayBeUnused() {
        Kernel kernel = compute.kernel(Expr.parse("b * 2"), "a", "b");
        assertEquals(List.of("a", "b"), kernel.inputs());
        Tensor out = compute.zeros(2);

        compute.apply(kernel, out, compute.upload(new float[] {9f, 9f}, 2), compute.upload(new float[] {1f, 3f}, 2));

        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {2f, 6f}, compute.download(out));
    }

    @Test
    void wrongNumberOfTensorsIsRejected() {
        Kernel kernel = compute.kernel(Expr.parse("x + y"), "x", "y");
        var e = assertThrows(IllegalArgumentException.class, () -> compute.apply(kernel, compute.zeros(2), compute.zeros(2)));
        assertTrue(e.getMessage().contains("takes 2"), e.getMessage());
    }

    @Test
    void kernelOfAnotherBackendIsRejected() {
        Kernel foreign = () -> List.of("x");
        assertThrows(IllegalArgumentException.class, () -> compute.apply(foreign, compute.zeros(1), compute.zeros(1)));
    }

    @Test
    void constantKernelFillsTheOutput() {
        Tensor out = compute.zeros(2, 3);

        compute.apply(compute.kernel(Expr.parse("2 ^ 3 - exp(0)")), out);

        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {7, 7, 7, 7, 7, 7}, compute.download(out));
    }

    /**
     * Float evaluation agrees with the double reference to a few float ulps; NaN and infinities must
     * match exactly.
     */
    static void assertSameFloat(float expected, float actual, String what) {
        if (Float.isNaN(expected) || Float.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(expected, actual, 4 * Math.ulp(Math.max(Math.abs(expected), Float.MIN_NORMAL)) + 1e-7f, what);
    }
}
