package org.synlab.engine.internal.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.spiking.NeuronKernel;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;
import org.synlab.spiking.Simulation;

/**
 * The spiking experiments in experiments/ are well formed and build the networks their comments
 * describe; the neuron zoo, small enough to interpret, fires as its comment says.
 */
class ShippedSpikingExperimentsTest {

    private static final Path FOLDER = locate();

    private static Path locate() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("experiments"))) {
            dir = dir.getParent();
        }
        return dir.resolve("experiments");
    }

    /** The network of {@code plan} built with kernels that only describe the variables (it is never stepped). */
    private static Simulation built(SpikingPlan plan) {
        Map<String, NeuronKernel> kernels = new LinkedHashMap<>();
        plan.populations().forEach(p -> kernels.put(p.name(), new ShapeKernel(p.program())));
        return Simulation.create(plan.network(kernels), 1);
    }

    @Test
    void cubaAndCobaAreTheVogelsAbbottNetworks() throws Exception {
        for (String file : List.of("cuba.yaml", "coba.yaml")) {
            SpikingPlan plan = SpikingRuns.prepare(FOLDER.resolve(file));
            assertEquals(0.1, plan.dtMs(), 1e-12, file);
            assertEquals(1000, plan.durationMs(), 1e-9, file);
            assertEquals(3200, plan.populations().get(0).size(), file);
            assertEquals(800, plan.populations().get(1).size(), file);
            long synapses = built(plan).synapseCount();
            // 4,000 x 4,000 pairs at p = 0.02: 320,000, sd about 560
            assertTrue(Math.abs(synapses - 320_000) < 5 * 560, file + ": " + synapses + " synapses");
        }
        SpikingPlan cuba = SpikingRuns.prepare(FOLDER.resolve("cuba.yaml"));
        assertEquals(0.00162f, (float) ((org.synlab.spiking.Value.Constant) cuba.projections().get(0).weight()).value());
        assertEquals(-0.009f, (float) ((org.synlab.spiking.Value.Constant) cuba.projections().get(2).weight()).value());
    }

    @Test
    void theStdpWindowIsPairStdpsExponentials() throws Exception {
        RunResult r = SpikingRuns.run(FOLDER.resolve("stdp-window.yaml"));
        assertEquals(RunStatus.FINISHED, r.status(), r.reason());
        List<Double> weights = r.history().get("weights.synapse");
        assertEquals(21, weights.size());
        for (int i = 0; i < 21; i++) {
            // each post neuron fired once, at the kick plus a few steps; the pre spike is at 150 ms
            List<Double> post = r.history().get("spike_times_ms.post." + i);
            assertEquals(1, post.size(), "neuron " + i + " fired " + post);
            double dt = post.get(0) - 150;
            assertEquals(-100 + 10 * i, dt, 0.5, "neuron " + i);
            double expected = dt >= 0 ? 0.01 * Math.exp(-dt / 20) : -0.0105 * Math.exp(dt / 20);
            assertEquals(expected, weights.get(i) - 0.5, 1e-3 * Math.abs(expected) + 1e-7, "dw at dt = " + dt + " ms");
        }
        assertEquals(weights.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                r.metrics().get("weight_mean.synapse"), 1e-9);
    }

    @Test
    void theSweepHasInDegreeEightyAtEverySize() throws Exception {
        Path sweep = FOLDER.resolve("cuba-sweep.yaml");
        assertEquals(4000L * 80, built(SpikingRuns.prepare(sweep)).synapseCount());
        assertEquals(1000L * 80, built(SpikingRuns.prepare(sweep, "network.populations.exc.size=800",
                "network.populations.inh.size=200")).synapseCount());
    }

    @Test
    void izhikevichDrawsCAndDFromOneNumberPerNeuron() throws Exception {
        SpikingPlan plan = SpikingRuns.prepare(FOLDER.resolve("izhikevich-2003.yaml"));
        Simulation sim = built(plan);
        assertEquals(1_000_000, sim.synapseCount(), "all to all, self connections included, as the paper's S");
        PopulationPlan exc = plan.populations().get(0);
        float[] c = exc.explicit().get("c");
        float[] d = exc.explicit().get("d");
        for (int i = 0; i < exc.size(); i++) {
            double r2 = (c[i] + 0.065) / 0.015;
            assertTrue(r2 >= 0 && r2 < 1, "c = -65 + 15 r^2 mV: " + c[i]);
            assertEquals(0.008 - 0.006 * r2, d[i], 1e-7, "d = 8 - 6 r^2 mV with the same r as c");
        }
        PopulationPlan inh = plan.populations().get(1);
        float[] b = inh.explicit().get("b");
        float[] u = inh.explicit().get("u");
        for (int i = 0; i < inh.size(); i++) {
            assertEquals(b[i] * -0.065, u[i], 1e-7, "u starts at b*v");
        }
    }

    @Test
    void neuronZooFiresAsItsCommentSays() throws Exception {
        RunResult r = SpikingRuns.run(FOLDER.resolve("neuron-zoo.yaml"));
        assertEquals(RunStatus.FINISHED, r.status(), r.reason());
        // LIF f-I: spikes in 1 s at I = 0, 0.1, ..., 1 nA against f = 1/(tau_ref + tau ln(RI/(RI - 10 mV)))
        List<Double> lif = r.history().get("neuron_rate_hz.lif-fi");
        for (int k = 0; k <= 10; k++) {
            double ri = 10.0 * k;
            double expected = ri <= 10 ? 0 : 1000 / (5 + 20 * Math.log(ri / (ri - 10)));
            assertEquals(expected, lif.get(k), 1.0, "LIF at " + k / 10.0 + " nA");
        }
        // Izhikevich: IB opens with a burst, then fires singly; CH keeps bursting; FS outpaces RS
        List<Double> ib = r.history().get("spike_times_ms.izh.1");
        assertTrue(ib.get(1) - ib.get(0) < 5 && ib.get(2) - ib.get(1) < 5 && ib.get(4) - ib.get(3) > 20, "IB " + ib);
        List<Double> ch = r.history().get("spike_times_ms.izh.2");
        long shortIntervals = 0;
        long longIntervals = 0;
        for (int k = 1; k < ch.size(); k++) {
            double isi = ch.get(k) - ch.get(k - 1);
            shortIntervals += isi < 5 ? 1 : 0;
            longIntervals += isi > 20 ? 1 : 0;
        }
        assertTrue(shortIntervals > 3 * longIntervals && longIntervals >= 5, "CH bursts: " + ch);
        List<Double> rebound = r.history().get("spike_times_ms.izh-tc-rebound.0");
        assertTrue(rebound.size() >= 2 && rebound.get(0) > 250 && rebound.get(1) < 280,
                "TC fires a rebound burst once released at 250 ms: " + rebound);
        List<Double> izh = r.history().get("neuron_rate_hz.izh");
        assertTrue(izh.get(3) > 3 * izh.get(0), "FS " + izh.get(3) + " Hz, RS " + izh.get(0) + " Hz");
        // AdEx: transient spiking fires once; delayed accelerating starts late and speeds up
        assertEquals(1, r.history().get("spike_times_ms.adex-transient.0").size());
        List<Double> accelerating = r.history().get("spike_times_ms.adex-delayed-accelerating.0");
        assertTrue(accelerating.get(0) > 70, "delayed: " + accelerating.get(0) + " ms");
        assertTrue(accelerating.get(1) - accelerating.get(0) > accelerating.get(11) - accelerating.get(10),
                "accelerating: " + accelerating);
        // HH: silent without input, rising f-I curve
        List<Double> hh = r.history().get("neuron_rate_hz.hh-fi");
        assertEquals(0.0, hh.get(0));
        for (int k = 2; k < hh.size(); k++) {
            assertTrue(hh.get(k) > hh.get(k - 1), "HH f-I rises: " + hh);
        }
    }
}
