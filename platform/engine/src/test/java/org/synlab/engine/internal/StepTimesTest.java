package org.synlab.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the warm-up calls the step time settled, on stretch times measured in MNIST warm-ups. */
class StepTimesTest {

    /** Feeds stretches of the given milliseconds; the settled answer after each. */
    private static List<Boolean> settled(double... stretchMillis) {
        long now = 1_000_000_000L;
        TrainingWarmUp.StepTimes times = new TrainingWarmUp.StepTimes(now);
        List<Boolean> answers = new ArrayList<>();
        for (double ms : stretchMillis) {
            now += (long) (ms * 1e6);
            answers.add(times.settled(now));
        }
        return answers;
    }

    @Test
    void aFallingStepTimeIsNotSettledUntilItLevelsOff() {
        // one thread: boxed Vector API code at first, then C2's code; the early plateau (126, 122 ms: steps
        // 50-150, waiting for C2) looks settled too, which is why a phase runs a minimum of steps first
        assertEquals(List.of(false, false, true, false, false, true),
                settled(606.8, 126.3, 121.8, 20.0, 15.5, 15.4));
    }

    @Test
    void aSlowStretchAfterAFastOneIsNotSettled() {
        // two threads: a stretch slowed by a compilation beside the run, then the step time levels off
        assertEquals(List.of(false, false, false, false, false, true),
                settled(41.4, 29.7, 50.6, 46.0, 16.9, 16.0));
    }

    @Test
    void theFirstStretchIsNeverSettled() {
        assertEquals(List.of(false), settled(10.0));
    }
}
