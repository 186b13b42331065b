package org.synlab.plugins.neurons.rate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.synlab.api.Activation;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Kernel;
import org.synlab.api.Params;
import org.synlab.api.Tensor;
import org.synlab.plugins.backend.cpu.CpuBackend;

/** The activations compiled and run by the cpu backend agree with the double-precision reference. */
class BackendKernelTest {

    private static final float[] INPUTS = {-100, -30, -4, -1.5f, -0.3f, 0, 0.2f, 0.5f, 0.9f, 2.5f, 7, 30, 100};

    private final Compute compute = new CpuBackend().open(new ComputeConfig(1, 42));

    @AfterEach
    void close() {
        compute.close();
    }

    static Stream<ActivationCases> cases() {
        return ActivationCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void functionAndDerivativeKernelsMatchTheReference(ActivationCases c) {
        Activation.Elementwise a = c.activation();
        Tensor x = compute.upload(INPUTS, 1, INPUTS.length);
        Tensor y = compute.zeros(1, INPUTS.length);
        Tensor dy = compute.zeros(1, INPUTS.length);
        Kernel function = compute.kernel(a.function(), "x");
        Kernel derivative = compute.kernel(a.derivative(), "x", "y");

        compute.apply(function, y, x);
        compute.apply(derivative, dy, x, y);

        float[] ys = compute.download(y);
        float[] dys = compute.download(dy);
        for (int i = 0; i < INPUTS.length; i++) {
            double xi = INPUTS[i];
            double expected = c.reference().applyAsDouble(xi);
            assertTrue(Float.isFinite(ys[i]), c + " is not finite at x = " + xi);
            assertEquals(expected, ys[i], 1e-6 * Math.max(1, Math.abs(expected)), c + " at x = " + xi);
            double yi = ys[i];
            double expectedSlope = a.derivative().evaluate(v -> v.equals("x") ? xi : yi);
            assertEquals(expectedSlope, dys[i], 1e-6, c + "' at x = " + xi);
        }
    }

    @Test
    void softmaxIsRunAsTheBackendsRowOperation() {
        Activation a = new SoftmaxNeuron().activation(Params.NONE);
        assertTrue(a instanceof Activation.Softmax);
        float[] z = {1, 2, 3, 1000, 1000, 1000};
        Tensor in = compute.upload(z, 2, 3);
        Tensor out = compute.zeros(2, 3);
        compute.softmaxRows(in, out);
        float[] p = compute.download(out);
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(1) / e, p[0], 1e-6);
        assertEquals(Math.exp(3) / e, p[2], 1e-6);
        assertEquals(1.0 / 3, p[4], 1e-6, "large inputs do not overflow");
    }
}
