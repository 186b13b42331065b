package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warm-up runs on its own thread, does some rounds, and ends when asked. */
class KernelWarmupTest {

    @Test
    void runsRoundsAndStopsWhenAsked() throws InterruptedException {
        KernelWarmup warmup = KernelWarmup.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (warmup.rounds() == 0 && !warmup.finished() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertNull(warmup.failure());
        assertTrue(warmup.rounds() > 0, "no round completed");
        warmup.stop();
        assertTrue(warmup.finished(), "the warm-up thread is still running after stop()");
    }
}
