package org.synlab.plugins.backend.cpu.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads of one context. The calling thread works too, so a context of {@code threads} cores
 * keeps {@code threads - 1} helper threads. Which thread runs a task never changes what the task
 * computes: callers split work into tasks whose boundaries do not depend on the thread count.
 *
 * <p>Helpers are resident: between calls each one spins for {@link #SPIN_NANOS} before it parks, so
 * the operations of a training step (tens of microseconds each, one right after the other) reach a
 * helper that is already awake. Handing a call to an executor cost a wake-up of several microseconds
 * per call, more than splitting those operations saved.
 *
 * <p>Whether the helpers take part at all is measured, not assumed ({@link SoloOrShared}): on the 2-core
 * build machine, sharing a training step's calls made some runs 1.6 times faster than one thread and
 * others 1.7 times slower, from one launch to the next.
 *
 * <p>The caller never waits for a helper to arrive: it claims tasks itself until none are left, and
 * then waits only for tasks a helper has already claimed. On a machine with more runnable threads
 * than cores (the JIT compiling, a second program), a helper that has lost its core therefore costs
 * nothing; waiting for every helper instead made calls up to ten times slower than on one thread.
 */
final class WorkPool implements AutoCloseable {

    /** How long an idle helper keeps spinning: longer than the gaps between the operations of one step. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final int threads;
    private final Helper[] helpers;
    /** The call being worked on; replaced (never mutated) for every call, published by the generation bump. */
    private volatile TaskClaims current;
    private volatile long generation;
    private volatile boolean closed;
    /** Whether calls run faster with the helpers or without them, measured on the calls themselves. */
    private final SoloOrShared soloOrShared = new SoloOrShared();

    WorkPool(int threads) {
        this.threads = threads;
        this.helpers = new Helper[Math.max(0, threads - 1)];
        for (int h = 0; h < helpers.length; h++) {
            helpers[h] = new Helper(h + 1);
            helpers[h].thread.start();
        }
    }

    int threads() {
        return threads;
    }

    /** Runs {@code task.accept(i)} once for every i in [0, count), on up to {@code threads} threads. */
    void forEach(int count, IntConsumer task) {
        forEachWorker(count, (worker, i) -> task.accept(i));
    }

    /**
     * Like {@link #forEach}, but also tells each task which participating thread runs it: a number in
     * [0, threads) that no other thread uses during this call, so tasks can borrow that thread's
     * scratch memory without locking. The caller is always one of the participants (number 0).
     */
    void forEachWorker(int count, WorkerTask task) {
        int helperCount = Math.min(threads, count) - 1;
        if (helperCount <= 0 || closed) {
            runAlone(count, task);
            return;
        }
        long start = System.nanoTime();
        if (soloOrShared.solo()) {
            runAlone(count, task);
        } else {
            runShared(count, task);
        }
        soloOrShared.record(System.nanoTime() - start);
    }

    private static void runAlone(int count, WorkerTask task) {
        for (int i = 0; i < count; i++) {
            task.run(0, i);
        }
    }

    private void runShared(int count, WorkerTask task) {
        TaskClaims claims = new TaskClaims(count, task);
        current = claims;
        generation++; // publishes claims to the helpers
        for (Helper h : helpers) {
            if (h.parked) {
                LockSupport.unpark(h.thread);
            }
        }
        claims.run(0);
        claims.awaitClaimedTasks();
        claims.rethrowFailure();
    }

    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h.thread);
        }
    }

    /** A resident helper thread: waits for the next generation, works on it, reports done. */
    private final class Helper implements Runnable {
        final int worker;
        final Thread thread;
        volatile boolean parked;
        /** The last generation this helper has worked on (or the one current when it was made). */
        private long seen;

        Helper(int worker) {
            this.worker = worker;
            this.seen = generation; // read here, not in run(): a call may already be published when the thread starts
            this.thread = new Thread(this, "synlab-cpu-" + THREAD_NUMBER.incrementAndGet());
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!closed) {
                long g = awaitGeneration(seen);
                if (g == seen) {
                    continue; // closed, or a spurious wake-up
                }
                seen = g;
                // if this helper was slow to arrive, current may already be a later call's: helping
                // with that one is just as right, and a finished call has no task left to claim
                current.run(worker);
            }
        }

        /** Spins, then parks, until the generation moves past {@code seen} or the pool closes. */
        private long awaitGeneration(long seen) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            long g;
            while ((g = generation) == seen && !closed) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                // re-check after announcing the park: a caller that bumped the generation before
                // seeing parked == true has not unparked us, so we must not sleep through its call
                if (generation == seen && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                spinUntil = System.nanoTime() + SPIN_NANOS;
            }
            return g;
        }
    }

    /** One task of {@link #forEachWorker}: {@code worker} names the thread's scratch slot. */
    @FunctionalInterface
    interface WorkerTask {
        void run(int worker, int task);
    }

    /** Hands out task indices to whichever thread asks next; stops handing out after a failure. */
    private static final class TaskClaims {
        private final int count;
        private final WorkerTask task;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private volatile Throwable failure;

        TaskClaims(int count, WorkerTask task) {
            this.count = count;
            this.task = task;
        }

        void run(int worker) {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                try {
                    if (failure == null) {
                        task.run(worker, i);
                    }
                } catch (Throwable t) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = t;
                        }
                    }
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        /**
         * Waits, even when interrupted (a helper may still be writing into the output), until every
         * claimed task has finished; called once the caller has found no task left to claim.
         */
        void awaitClaimedTasks() {
            int spins = 0;
            while (finished.get() < count) {
                if (++spins < 1 << 10) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield(); // the helper running the last task lost its core: let it run
                }
            }
        }

        void rethrowFailure() {
            Throwable t = failure;
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
