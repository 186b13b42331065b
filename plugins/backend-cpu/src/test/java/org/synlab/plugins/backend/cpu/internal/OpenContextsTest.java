package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.synlab.api.eqs.NeuronProgram;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

class OpenContextsTest {

    @Test
    void closeAllClosesWhatIsStillOpen() {
        OpenContexts contexts = new OpenContexts(() -> { });
        Compute first = contexts.open(new ComputeConfig(2, 1L));
        Compute second = contexts.open(new ComputeConfig(1, 1L));
        Tensor t = second.zeros(3);
        first.close();
        assertEquals(1, contexts.count());

        contexts.closeAll();

        assertEquals(0, contexts.count());
        assertThrows(IllegalStateException.class, () -> second.download(t));
    }

    @Test
    void tellsOfEachContextsFirstProductOnce() {
        AtomicInteger firstProducts = new AtomicInteger();
        OpenContexts contexts = new OpenContexts(firstProducts::incrementAndGet);
        try (Compute compute = contexts.open(new ComputeConfig(1, 1L))) {
            Tensor a = compute.zeros(2, 2);
            compute.apply(compute.kernel(Expr.parse("x + 1"), "x"), a, a);
            assertEquals(0, firstProducts.get(), "elementwise work is not a product");

            compute.gemm(false, false, 1f, a, compute.zeros(2, 2), 0f, compute.zeros(2, 2));
            compute.gemm(false, false, 1f, a, compute.zeros(2, 2), 0f, compute.zeros(2, 2));

            assertEquals(1, firstProducts.get());
        }
    }

    @Test
    void aSpikingModelIsARunsRealWorkToo() {
        // a spiking run never multiplies; compiling its neuron kernels must still make the GEMM warm-up give way
        AtomicInteger starts = new AtomicInteger();
        OpenContexts contexts = new OpenContexts(starts::incrementAndGet);
        try (Compute compute = contexts.open(new ComputeConfig(1, 1L))) {
            NeuronProgram lif = SpikingModel.builder("leak").equations("dv/dt = -v/tau : volt").threshold("v > 1*mV")
                    .reset("v = 0*mV").parameter("tau", "10 ms", "").build().program(java.util.Map.of());
            compute.neurons(lif, 1e-4);
            compute.neurons(lif, 1e-4);
            assertEquals(1, starts.get());
        }
    }

    @Test
    void closingTensorsForgetsThem() {
        try (CpuCompute compute = (CpuCompute) new OpenContexts(() -> { }).open(new ComputeConfig(1, 1L))) {
            Tensor a = compute.zeros(2);
            compute.zeros(3);
            a.close();
            assertEquals(1, compute.liveTensors());
        }
    }
}
