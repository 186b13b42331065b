package org.synlab.spiking;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Vogels-Abbott COBA benchmark (Brette et al. 2007, benchmark 1) in Brian's formulation: conductances in units of
 * the leak conductance, we = 6/10, wi = 67/10, initial v ~ N(-65, 5) mV, ge ~ N(4, 1.5), gi ~ N(20, 12), p = 0.02.
 * With the exponential-Euler test kernel this runtime measured 17 to 21 Hz and a CV of ISI near 1.55 (bursty,
 * self-sustained) for seeds 1 to 3. The test asserts self-sustained activity in a band around that, so that a
 * broken conductance delivery (activity dies out once the initial conductances decay, or runs away) fails it.
 */
class CobaNetworkTest {

    private static final double DT = 0.1;

    @Test
    void cobaSustainsIrregularActivityInAPlausibleBand() {
        Map<String, Value> initial = Map.of("v", Value.normal(-65, 5), "ge", Value.normal(4, 1.5), "gi",
                Value.normal(20, 12));
        Connector p = Connector.fixedProbability(0.02, true);
        Value delay = Value.constant(DT);
        NetworkSpec spec = NetworkSpec.builder(DT, 1)
                .population("E", 3200, LifCobaKernel.coba(DT), initial)
                .population("I", 800, LifCobaKernel.coba(DT), initial)
                .projection("E", "E", p, "ge", Sign.EXCITATORY, Value.constant(0.6), delay)
                .projection("E", "I", p, "ge", Sign.EXCITATORY, Value.constant(0.6), delay)
                .projection("I", "E", p, "gi", Sign.INHIBITORY, Value.constant(6.7), delay)
                .projection("I", "I", p, "gi", Sign.INHIBITORY, Value.constant(6.7), delay)
                .build();
        Simulation sim = Simulation.create(spec, 2);
        SpikeRecorder e = sim.recordSpikes("E");
        sim.run(1000);
        SpikeStatistics all = SpikeStatistics.of(e, 0, 1000);
        SpikeStatistics late = SpikeStatistics.of(e, 500, 1000);
        System.out.printf("COBA E rate %.2f Hz (last 500 ms %.2f Hz), CV ISI %.3f, %d events%n", all.meanRateHz(),
                late.meanRateHz(), all.cvIsi(), sim.synapticEvents());
        assertTrue(all.meanRateHz() > 5 && all.meanRateHz() < 50, "rate " + all.meanRateHz());
        assertTrue(late.meanRateHz() > 5, "activity sustained after the initial conductances decayed: "
                + late.meanRateHz());
        assertTrue(all.cvIsi() > 0.5, "irregular: CV " + all.cvIsi());
    }
}
