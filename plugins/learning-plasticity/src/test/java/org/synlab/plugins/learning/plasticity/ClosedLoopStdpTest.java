package org.synlab.plugins.learning.plasticity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.synlab.api.eqs.ReferenceStepper;
import org.synlab.api.eqs.SpikingModel;
import org.synlab.api.plasticity.Plasticity;
import org.synlab.api.plasticity.Synapses;

/**
 * STDP wired the way {@link Plasticity} tells the runtime to wire it, around a real neuron (the API's
 * double-precision reference stepper): each step, update the neuron, deliver the presynaptic spikes of the step
 * (arriving the next step), then the pre hooks, then the post hooks. Ten inputs fire together in a volley every
 * 50 ms and drive the neuron; ten others fire at random at the same mean rate. Causal inputs must win: the volley
 * group grows towards w_max while the random group, uncorrelated with the output, drifts down at the rate
 * {@code r_pre r_post (a_plus tau_plus - a_minus tau_minus)} (Song, Miller and Abbott 2000; here a_minus / a_plus = 1.3,
 * so the drift is about -0.012 per second).
 */
class ClosedLoopStdpTest {

    private static final SpikingModel LIF = SpikingModel.builder("lif-test")
            .equations("""
                    dv/dt = (El - v + ge)/tau_m : volt (unless refractory)
                    dge/dt = -ge/tau_e : volt
                    """)
            .threshold("v > vt")
            .reset("v = El")
            .refractory("tau_ref")
            .parameter("El", "-70 mV", "resting potential")
            .parameter("vt", "-54 mV", "threshold")
            .parameter("tau_m", "10 ms", "membrane time constant")
            .parameter("tau_e", "5 ms", "synaptic time constant")
            .parameter("tau_ref", "2 ms", "refractory period")
            .initial("v", "El")
            .method("exponential_euler")
            .build();

    private static final double DT = 1e-4;
    private static final int INPUTS = 20;
    private static final int VOLLEY = 10;
    /** Volt of ge added by a weight of 1. */
    private static final double SCALE = 8e-3;

    @Test
    void causalInputsArePotentiatedAndRandomOnesDepressed() {
        float[] w = new float[INPUTS];
        java.util.Arrays.fill(w, 0.5f);
        int[] rowPtr = new int[INPUTS + 1];
        for (int i = 0; i < INPUTS; i++) {
            rowPtr[i + 1] = i + 1;
        }
        StdpRule rule = new StdpRule();
        Plasticity stdp = rule.attach(Synapses.ofRows(rowPtr, 1, new int[INPUTS], w),
                rule.parameters().validate(Map.of("a_plus", 0.005, "a_minus", 0.0065)), DT);
        ReferenceStepper neuron = new ReferenceStepper(LIF.program(), 1, DT);
        SplittableRandom random = new SplittableRandom(17);
        int[] spikes = new int[INPUTS];
        int posts = 0;
        long steps = Math.round(30 / DT);
        double rate = 20;   // Hz, both groups
        for (long t = 0; t < steps; t++) {
            int[] fired = neuron.step();
            int count = 0;
            boolean volley = t % Math.round(0.05 / DT) == 0;
            for (int i = 0; i < INPUTS; i++) {
                if (i < VOLLEY ? volley : random.nextDouble() < rate * DT) {
                    spikes[count++] = i;
                }
            }
            // delivery: the weights before this step's plasticity, arriving at the next step
            double ge = neuron.get("ge", 0);
            for (int n = 0; n < count; n++) {
                ge += w[spikes[n]] * SCALE;
            }
            neuron.set("ge", 0, ge);
            for (int n = 0; n < count; n++) {
                stdp.preSpike(spikes[n], rowPtr[spikes[n]], rowPtr[spikes[n] + 1], t);
            }
            for (int post : fired) {
                stdp.postSpike(post, t);
                posts++;
            }
        }
        double causal = mean(w, 0, VOLLEY);
        double random20 = mean(w, VOLLEY, INPUTS);
        System.out.printf("closed loop: %d post spikes in 30 s; mean weight of the volley group %.3f, random group %.3f%n",
                posts, causal, random20);
        assertTrue(posts > 300, "the volleys drive the neuron: " + posts);
        assertTrue(causal > 0.9, "volley group potentiated: " + causal);
        assertTrue(random20 < 0.3, "random group depressed: " + random20);
    }

    private static double mean(float[] w, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += w[i];
        }
        return s / (to - from);
    }
}
