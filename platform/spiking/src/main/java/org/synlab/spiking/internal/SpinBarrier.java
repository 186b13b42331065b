package org.synlab.spiking.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A reusable barrier for the one synchronisation of each time step. A step lasts microseconds, so a waiter first
 * spins; if the wait drags on (the machine runs other work, and the party it waits for has no core) it parks, so that
 * it does not take the core that party needs, and the last arrival unparks it. It allocates nothing. If any party
 * {@link #breakBarrier() breaks} it, every waiter and later arrival throws, so a failure in one thread stops all of
 * them instead of leaving them waiting.
 */
public final class SpinBarrier {

    private static final int SPINS = 1 << 11;
    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private final AtomicReferenceArray<Thread> parked;
    private volatile int generation;
    private volatile boolean broken;

    /** A barrier for {@code parties} threads, numbered 0 to {@code parties - 1}. */
    public SpinBarrier(int parties) {
        this.parties = parties;
        this.parked = new AtomicReferenceArray<>(parties);
    }

    /** Waits, as party {@code party}, until all parties have arrived. */
    public void await(int party) {
        int current = generation;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            generation = current + 1;
            wakeParked();
            return;
        }
        for (int spins = 0; spins < SPINS; spins++) {
            if (generation != current) {
                return;
            }
            Thread.onSpinWait();
        }
        Thread self = Thread.currentThread();
        while (generation == current) {
            if (broken) {
                throw new BrokenException();
            }
            // publish before the re-check: either the releaser sees us parked, or we see its new generation
            parked.set(party, self);
            if (generation == current && !broken) {
                LockSupport.park(this);
            }
            parked.set(party, null);
        }
    }

    /** Releases every waiter with a {@link BrokenException}. */
    public void breakBarrier() {
        broken = true;
        wakeParked();
    }

    private void wakeParked() {
        for (int k = 0; k < parties; k++) {
            Thread t = parked.get(k);
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Thrown to a party waiting on a barrier that another party broke. */
    public static final class BrokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenException() {
            super("another simulation thread failed", null, false, false);
        }
    }
}
