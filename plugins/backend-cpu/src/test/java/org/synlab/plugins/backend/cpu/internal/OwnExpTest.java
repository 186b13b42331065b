package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synlab.api.expr.Expr;

/** The neuron kernels' own exp: within 2 ulp of Math.exp, and the same bits in vector and scalar form. */
class OwnExpTest {

    @Test
    void isWithinTwoUlpOfMathExpAndTheSameInBothForms() {
        int n = 200_003;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) Math.min(88, -87 + 175.0 * i / (n - 1));
        }
        float[] vector = run(true, x);
        float[] scalar = run(false, x);

        double worst = 0;
        float worstX = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToIntBits(scalar[i]), Float.floatToIntBits(vector[i]), "x = " + x[i]);
            float exact = (float) Math.exp(x[i]);
            double ulps = Math.abs(vector[i] - exact) / Math.ulp(exact);
            if (ulps > worst) {
                worst = ulps;
                worstX = x[i];
            }
        }
        assertTrue(worst <= 2, "worst error " + worst + " ulp at x = " + worstX);
        assertEquals(1f, run(true, new float[] {0f})[0]);
    }

    @Test
    void clampsInsteadOfOverflowingAndKeepsNaN() {
        float[] out = run(false, new float[] {100f, -100f, Float.NaN});
        assertEquals(run(false, new float[] {88f})[0], out[0]);
        assertEquals(run(false, new float[] {-87f})[0], out[1]);
        assertTrue(Float.isNaN(out[2]));
    }

    /** exp(x) through a generated loop whose writer computes its own exp. */
    private static float[] run(boolean vector, float[] x) {
        StringBuilder setup = new StringBuilder();
        StringBuilder body = new StringBuilder();
        ExprWriter writer = new ExprWriter(vector, true, name -> "x0", setup, body, "      ", new int[1]);
        String result = writer.node(Expr.parse("exp(x)"));
        String load = vector ? "FloatVector x0 = FloatVector.fromArray(S, a, i);\n" : "float x0 = a[i];\n";
        String store = vector ? result + ".intoArray(out, o + i);\n" : "out[o + i] = " + result + ";\n";
        java.util.function.Function<String, String> source = className -> Generated.header(className, FusedKernel.Body.class)
                + "  public void run(float[] out, int o, float[][] in, int[] at, float[] scalars, int n) {\n"
                + "    float[] a = in[0];\n" + setup
                + "    for (int i = 0; i " + (vector ? "+ L <= n; i += L" : "< n; i++") + ") {\n      " + load + body
                + "      " + store + "    }\n  }\n" + ExprWriter.ownExpMethods() + "}\n";
        FusedKernel.Body kernel = Generated.compile("own exp", "OwnExp", source)
                .instance(FusedKernel.Body.class, new Class<?>[0]);
        int length = vector ? x.length / MicroKernel.LANES * MicroKernel.LANES : x.length;
        float[] out = new float[x.length];
        kernel.run(out, 0, new float[][] {x}, new int[1], new float[1], length);
        if (vector) {
            System.arraycopy(run(false, java.util.Arrays.copyOfRange(x, length, x.length)), 0, out, length, x.length - length);
        }
        return out;
    }
}
