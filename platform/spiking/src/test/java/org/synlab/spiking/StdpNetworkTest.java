package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.plugins.learning.plasticity.RewardStdpRule;
import org.synlab.plugins.learning.plasticity.StdpRule;
import org.synlab.plugins.neurons.spiking.LifCondNeuron;

/**
 * The plasticity rules of {@code learning-plasticity} running in the runtime on generated {@code lif-cond} kernels
 * (COBA parameters: weights are conductances in siemens, so the rules' bounds and amplitudes are scaled by
 * {@link #W_MAX}).
 */
class StdpNetworkTest {

    private static final double DT = 0.1;
    private static final double W_MAX = 2e-9;
    private static final int OUT = 40;
    private static final int INPUTS = 20;

    private static PlasticityFactory rule(SpikingRule rule, Map<String, ?> params) {
        return PlasticityFactory.of(rule, rule.parameters().validate(params));
    }

    private static PlasticityFactory stdp() {
        return rule(new StdpRule(), Map.of("a_plus", 0.005 * W_MAX, "a_minus", 0.0065 * W_MAX, "w_max", W_MAX));
    }

    /**
     * Twenty inputs fire together every 50 ms and drive the output neurons; twenty others fire as Poisson trains at
     * 10 Hz, uncorrelated with the output. Both reach every output neuron with weights uniform in [0.3, 0.7] of
     * {@code w_max}.
     */
    private static NetworkSpec volleyAndNoise(double seconds, PlasticityFactory plasticity) {
        int volleys = (int) Math.round(seconds / 0.05);
        double[][] times = new double[INPUTS][volleys];
        for (int i = 0; i < INPUTS; i++) {
            for (int v = 0; v < volleys; v++) {
                times[i][v] = 1 + v * 50.0;
            }
        }
        GeneratedModel lif = GeneratedModel.of(new LifCondNeuron(), Map.of(), DT);
        Value weight = Value.uniform(0.3 * W_MAX, 0.7 * W_MAX);
        return NetworkSpec.builder(DT, 11)
                .spikeTimes("volley", times)
                .poisson("noise", INPUTS, 10)
                .population("out", OUT, lif.kernel(), lif.initial())
                .projection("volley", "out", Connector.allToAll(true), "ge", Sign.EXCITATORY, weight,
                        Value.constant(DT), plasticity)
                .projection("noise", "out", Connector.allToAll(true), "ge", Sign.EXCITATORY, weight,
                        Value.constant(DT), plasticity)
                .build();
    }

    private static double mean(float[] w) {
        double s = 0;
        for (float x : w) {
            s += x;
        }
        return s / w.length;
    }

    @Test
    void inputsCorrelatedWithTheOutputArePotentiatedOthersDepressedTheSameOnOneAndTwoThreads() {
        float[][] reference = null;
        for (int threads : new int[] {1, 2}) {
            Simulation sim = Simulation.create(volleyAndNoise(20, stdp()), threads);
            float[] volley0 = sim.connections("volley->out:ge").weight();
            float[] noise0 = sim.connections("noise->out:ge").weight();
            sim.run(20_000);
            float[] volley = sim.connections("volley->out:ge").weight();
            float[] noise = sim.connections("noise->out:ge").weight();
            double rate = sim.spikeCount("out") / (OUT * 20.0);
            System.out.printf("STDP on lif-cond, %d thread(s): output %.1f Hz; mean weight / w_max of the volley"
                    + " inputs %.3f -> %.3f, of the Poisson inputs %.3f -> %.3f%n", threads, rate,
                    mean(volley0) / W_MAX, mean(volley) / W_MAX, mean(noise0) / W_MAX, mean(noise) / W_MAX);
            assertTrue(rate > 5, "the volleys drive the output: " + rate + " Hz");
            assertTrue(mean(volley) > 0.9 * W_MAX, "volley inputs potentiated: " + mean(volley) / W_MAX);
            assertTrue(mean(noise) < mean(noise0) - 0.1 * W_MAX, "Poisson inputs depressed: " + mean(noise) / W_MAX);
            if (reference == null) {
                reference = new float[][] {volley, noise};
            } else {
                assertArrayEquals(reference[0], volley, "volley weights on " + threads + " threads");
                assertArrayEquals(reference[1], noise, "Poisson weights on " + threads + " threads");
            }
        }
    }

    @Test
    void normalisationBeforeAPatternGivesEveryNeuronTheSameIncomingSum() {
        // twenty inputs start near 0.5 w_max each, a sum near 10 w_max
        double total = 6 * W_MAX;
        PlasticityFactory normalised = rule(new StdpRule(), Map.of("a_plus", 0.005 * W_MAX, "a_minus",
                0.0065 * W_MAX, "w_max", W_MAX, "normalise_total", total));
        float[] reference = null;
        for (int threads : new int[] {1, 2}) {
            Simulation sim = Simulation.create(volleyAndNoise(1, normalised), threads);
            sim.run(500);
            double[] before = columnSums(sim.connections("noise->out:ge"));
            sim.beforePattern();
            Connections after = sim.connections("noise->out:ge");
            double[] sums = columnSums(after);
            for (int j = 0; j < OUT; j++) {
                assertNotEquals(total, before[j], 0.1 * total, "not normalised yet: neuron " + j);
                // each weight is rounded to float32 once after scaling: about 1e-7 relative per weight
                assertEquals(total, sums[j], 1e-6 * total, "neuron " + j);
            }
            if (reference == null) {
                reference = after.weight();
            } else {
                assertArrayEquals(reference, after.weight(), threads + " threads");
            }
        }
    }

    private static double[] columnSums(Connections c) {
        double[] sums = new double[OUT];
        for (int s = 0; s < c.size(); s++) {
            sums[c.post()[s]] += c.weight()[s];
        }
        return sums;
    }

    @Test
    void rewardModulatedStdpChangesNothingWithoutReward() {
        PlasticityFactory rstdp = rule(new RewardStdpRule(), Map.of("a_plus", 0.01 * W_MAX, "a_minus",
                0.0105 * W_MAX, "w_max", W_MAX));
        Simulation sim = Simulation.create(volleyAndNoise(1, rstdp), 2);
        float[] initial = sim.connections("volley->out:ge").weight();
        sim.run(1000);
        assertTrue(sim.spikeCount("out") > OUT * 5, "the output fired: " + sim.spikeCount("out"));
        assertArrayEquals(initial, sim.connections("volley->out:ge").weight(), "no reward, no change");
        sim.reward(1.0);
        sim.runSteps(1);
        float[] rewarded = sim.connections("volley->out:ge").weight();
        int changed = 0;
        for (int s = 0; s < initial.length; s++) {
            changed += rewarded[s] != initial[s] ? 1 : 0;
        }
        assertEquals(initial.length, changed, "a reward turns every synapse's eligibility into weight");
    }

    @Test
    void plasticityAddsNoAllocationToTheStepLoop() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int threads : new int[] {1, 2}) {
            Simulation sim = Simulation.create(volleyAndNoise(2, stdp()), threads);
            sim.runSteps(3000);
            long id = Thread.currentThread().threadId();
            long before = mx.getThreadAllocatedBytes(id);
            sim.runSteps(1000);
            long shortRun = mx.getThreadAllocatedBytes(id) - before;
            before = mx.getThreadAllocatedBytes(id);
            sim.runSteps(5000);
            long longRun = mx.getThreadAllocatedBytes(id) - before;
            long perStep = (longRun - shortRun) / 4000;
            assertTrue(perStep < 2, threads + " thread(s): " + (longRun - shortRun) + " bytes over 4000 steps");
            assertTrue(sim.spikeCount("out") > OUT, "the output fired: " + sim.spikeCount("out"));
        }
    }
}
