package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkPoolTest {

    @Test
    void runsEveryTaskExactlyOnce() {
        try (WorkPool pool = new WorkPool(3)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(1000);
            pool.forEach(1000, runs::incrementAndGet);
            for (int i = 0; i < 1000; i++) {
                assertEquals(1, runs.get(i), "task " + i);
            }
        }
    }

    @Test
    void helpersAreNamedDaemonThreadsThatEndAtClose() throws InterruptedException {
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        WorkPool pool = new WorkPool(2);
        CountDownLatch bothBusy = new CountDownLatch(2);
        // each task waits until two tasks run at once, so the helper thread is certainly used
        pool.forEach(2, i -> {
            seen.add(Thread.currentThread());
            bothBusy.countDown();
            try {
                assertTrue(bothBusy.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pool.close();

        Thread helper = seen.stream().filter(t -> t != Thread.currentThread()).findFirst().orElseThrow();
        assertTrue(helper.getName().startsWith("synlab-cpu-"), helper.getName());
        assertTrue(helper.isDaemon());
        helper.join(10_000);
        assertFalse(helper.isAlive());
    }

    @Test
    void taskFailureReachesTheCaller() {
        try (WorkPool pool = new WorkPool(2)) {
            var e = assertThrows(IllegalStateException.class, () -> pool.forEach(100, i -> {
                if (i == 57) {
                    throw new IllegalStateException("task 57 failed");
                }
            }));
            assertEquals("task 57 failed", e.getMessage());
        }
    }

    @Test
    void singleThreadPoolRunsOnTheCaller() {
        try (WorkPool pool = new WorkPool(1)) {
            Thread caller = Thread.currentThread();
            pool.forEach(10, i -> assertEquals(caller, Thread.currentThread()));
        }
    }
}
