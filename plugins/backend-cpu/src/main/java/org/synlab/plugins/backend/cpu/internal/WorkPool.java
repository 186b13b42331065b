package org.synlab.plugins.backend.cpu.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The threads of one context. The calling thread works too, so a context of {@code threads} cores
 * keeps {@code threads - 1} helper threads. Which thread runs a task never changes what the task
 * computes: callers split work into tasks whose boundaries do not depend on the thread count.
 */
final class WorkPool implements AutoCloseable {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final int threads;
    /** Null when the context has a single core: the caller does all the work. */
    private final ExecutorService helpers;

    WorkPool(int threads) {
        this.threads = threads;
        this.helpers = threads > 1 ? Executors.newFixedThreadPool(threads - 1, daemonThreads()) : null;
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
     * scratch memory without locking. The caller is always one of the participants.
     */
    void forEachWorker(int count, WorkerTask task) {
        int helperCount = helpers == null ? 0 : Math.min(threads, count) - 1;
        if (helperCount <= 0) {
            for (int i = 0; i < count; i++) {
                task.run(0, i);
            }
            return;
        }
        TaskClaims claims = new TaskClaims(count, task);
        Future<?>[] running = new Future<?>[helperCount];
        for (int h = 0; h < helperCount; h++) {
            running[h] = helpers.submit(claims);
        }
        claims.run();
        awaitAll(running);
        claims.rethrowFailure();
    }

    /**
     * Waits even when interrupted: helpers are still writing into the output, so returning early would
     * hand back a half-written tensor. The interrupt is kept for the caller's next check.
     */
    private static void awaitAll(Future<?>[] running) {
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // TaskClaims records task failures itself
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdown();
        }
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "synlab-cpu-" + THREAD_NUMBER.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One task of {@link #forEachWorker}: {@code worker} names the thread's scratch slot. */
    @FunctionalInterface
    interface WorkerTask {
        void run(int worker, int task);
    }

    /** Hands out task indices to whichever thread asks next; stops handing out after a failure. */
    private static final class TaskClaims implements Runnable {
        private final int count;
        private final WorkerTask task;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger workers = new AtomicInteger();
        private volatile Throwable failure;

        TaskClaims(int count, WorkerTask task) {
            this.count = count;
            this.task = task;
        }

        @Override
        public void run() {
            int worker = workers.getAndIncrement();
            int i;
            while (failure == null && (i = next.getAndIncrement()) < count) {
                try {
                    task.run(worker, i);
                } catch (Throwable t) {
                    synchronized (this) {
                        if (failure == null) {
                            failure = t;
                        }
                    }
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
