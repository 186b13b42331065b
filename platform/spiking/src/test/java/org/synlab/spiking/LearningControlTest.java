package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.api.plasticity.SpikingRule;
import org.synlab.plugins.learning.plasticity.StdpRule;
import org.synlab.plugins.neurons.spiking.LifAdaptiveNeuron;

/**
 * What an image protocol needs from the runtime: learning turned off and on between runs, the step's phases timed,
 * and the all-but-self connector between two populations.
 */
class LearningControlTest {

    private static final double DT = 0.5;

    private static NetworkSpec network() {
        GeneratedModel lif = GeneratedModel.of(new LifAdaptiveNeuron(), Map.of(), DT);
        SpikingRule rule = new StdpRule();
        PlasticityFactory stdp = PlasticityFactory.of(rule, rule.parameters().validate(Map.of("a_plus", 0.01,
                "a_minus", 0.0105)));
        return NetworkSpec.builder(DT, 3)
                .poisson("in", 50, 30)
                .population("out", 8, lif.kernel(), lif.initial())
                .population("inh", 8, lif.kernel(), lif.initial())
                .projection("in", "out", Connector.allToAll(true), "ge", Sign.EXCITATORY, Value.uniform(0.2, 0.6),
                        Value.constant(DT), stdp)
                .projection("out", "inh", Connector.oneToOne(), "ge", Sign.EXCITATORY, Value.constant(0.1),
                        Value.constant(DT))
                .projection("inh", "out", Connector.allButSelf(), "gi", Sign.INHIBITORY, Value.constant(1),
                        Value.constant(DT))
                .build();
    }

    @Test
    void weightsStayPutWhileLearningIsOffAndMoveAgainWhenItIsOn() {
        Simulation sim = Simulation.create(network(), 2);
        sim.run(500);
        float[] learned = sim.connections("in->out:ge").weight();
        sim.setLearning(false);
        long spikes = sim.spikeCount("out");
        sim.run(500);
        assertTrue(sim.spikeCount("out") > spikes, "the network keeps firing");
        assertArrayEquals(learned, sim.connections("in->out:ge").weight());
        sim.setLearning(true);
        sim.run(500);
        assertFalse(Arrays.equals(learned, sim.connections("in->out:ge").weight()), "learning again");
    }

    @Test
    void timedPhasesAddUpToTheLoopAndCostNoResult() {
        Simulation timed = Simulation.create(network(), 1);
        Simulation plain = Simulation.create(network(), 1);
        timed.timePhases(true);
        long t0 = System.nanoTime();
        timed.run(1000);
        double loop = (System.nanoTime() - t0) * 1e-9;
        plain.run(1000);
        Map<String, Double> phases = timed.phaseSeconds();
        assertEquals(java.util.List.of("neurons", "sources", "delivery", "plasticity", "recording_and_sync"),
                java.util.List.copyOf(phases.keySet()));
        double sum = 0;
        for (double seconds : phases.values()) {
            assertTrue(seconds > 0, phases.toString());
            sum += seconds;
        }
        assertTrue(sum <= loop, "phases " + sum + " s within the loop's " + loop + " s");
        assertArrayEquals(plain.connections("in->out:ge").weight(), timed.connections("in->out:ge").weight());
        assertTrue(plain.phaseSeconds().values().stream().allMatch(s -> s == 0), "untimed runs read no clock");
    }

    @Test
    void allButSelfConnectsEveryPairButTheSameIndex() {
        Simulation sim = Simulation.create(network(), 2);
        Connections c = sim.connections("inh->out:gi");
        assertEquals(8 * 7, c.size());
        for (int s = 0; s < c.size(); s++) {
            assertTrue(c.pre()[s] != c.post()[s], "pair " + c.pre()[s] + " -> " + c.post()[s]);
        }
        GeneratedModel lif = GeneratedModel.of(new LifAdaptiveNeuron(), Map.of(), DT);
        var unequal = NetworkSpec.builder(DT, 3)
                .population("a", 4, lif.kernel(), lif.initial())
                .population("b", 5, lif.kernel(), lif.initial())
                .projection("a", "b", Connector.allButSelf(), "ge", Sign.EXCITATORY, Value.constant(1),
                        Value.constant(DT));
        var e = assertThrows(IllegalArgumentException.class, unequal::build);
        assertTrue(e.getMessage().contains("all-but-self needs equal sizes"), e.getMessage());
    }
}
