package org.synlab.host.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the runs list shows of a run's metrics. */
class RunsHeadlineTest {

    @Test
    void showsLossAndAccuracyOfTrainingRunsAndTheRateOfSpikingRuns() {
        assertEquals("test.accuracy=0.9787 train.loss=0.0259",
                RunsCommand.headline(Map.of("train.loss", 0.0259, "test.accuracy", 0.9787, "epochs", 10.0)));
        assertEquals("rate_hz=5.44", RunsCommand.headline(Map.of("rate_hz", 5.44, "cv_isi.exc", 0.53, "sim.spikes", 21759.0)));
        assertEquals("-", RunsCommand.headline(Map.of("epochs", 3.0)));
    }
}
