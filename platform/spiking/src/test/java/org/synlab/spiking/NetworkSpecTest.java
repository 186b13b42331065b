package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A spec that cannot run is rejected with a message naming the part at fault. */
class NetworkSpecTest {

    private static String rejection(Runnable build) {
        return assertThrows(IllegalArgumentException.class, build::run).getMessage();
    }

    @Test
    void unknownTargetVariableIsRejected() {
        String message = rejection(() -> NetworkSpec.builder(0.1, 1)
                .population("a", 10, new ProbeKernel(), Map.of())
                .projection("a", "a", Connector.allToAll(true), "ge", Sign.EXCITATORY, Value.constant(1),
                        Value.constant(1))
                .build());
        assertTrue(message.contains("'ge'") && message.contains("a->a:ge"), message);
    }

    @Test
    void spikeSourcesCannotReceive() {
        String message = rejection(() -> NetworkSpec.builder(0.1, 1)
                .poisson("p", 10, 5)
                .population("a", 10, new ProbeKernel(), Map.of())
                .projection("a", "p", Connector.oneToOne(), "x", Sign.EXCITATORY, Value.constant(1), Value.constant(1))
                .build());
        assertTrue(message.contains("spike source"), message);
    }

    @Test
    void inDegreeAboveTheCandidatesIsRejected() {
        String message = rejection(() -> NetworkSpec.builder(0.1, 1)
                .population("a", 10, new ProbeKernel(), Map.of())
                .projection("a", "a", Connector.fixedInDegree(10, false), "x", Sign.EXCITATORY, Value.constant(1),
                        Value.constant(1))
                .build());
        assertTrue(message.contains("in-degree 10"), message);
    }

    @Test
    void inputAndProjectionCannotShareAVariable() {
        String message = rejection(() -> NetworkSpec.builder(0.1, 1)
                .population("a", 10, new ProbeKernel(), Map.of())
                .projection("a", "a", Connector.oneToOne(), "I", Sign.EXCITATORY, Value.constant(1), Value.constant(1))
                .input(CurrentInput.constant("a", "I", 2))
                .build());
        assertTrue(message.contains("owns its variable"), message);
    }

    @Test
    void negativeExcitatoryWeightsAndBadValuesAreRejected() {
        assertTrue(rejection(() -> Projection.of("a", "b", Connector.oneToOne(), "x", Sign.EXCITATORY,
                Value.constant(-1), Value.constant(1))).contains("excitatory"));
        rejection(() -> Value.uniform(2, 1));
        rejection(() -> Connector.fixedProbability(1.5, true));
        rejection(() -> NetworkSpec.builder(0, 1).build());
        rejection(() -> NetworkSpec.builder(0.1, 1).poisson("p", 3, 1).poisson("p", 3, 1).build());
        assertTrue(rejection(() -> new NeuronPopulation("a", 5, new ProbeKernel(), Map.of("v", Value.constant(0))))
                .contains("unknown variable 'v'"));
    }

    @Test
    void delaysRoundToWholeStepsOfAtLeastOne() {
        NetworkSpec spec = NetworkSpec.builder(0.1, 1).build();
        assertEquals(1, spec.delaySteps(0));
        assertEquals(1, spec.delaySteps(0.14));
        assertEquals(2, spec.delaySteps(0.16));
        assertEquals(15, spec.delaySteps(1.5));
    }
}
