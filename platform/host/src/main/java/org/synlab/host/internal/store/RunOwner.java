package org.synlab.host.internal.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The process that runs a run: machine, pid and the process's start time (pids are reused, so the
 * pair tells a live owner from a new process that got the same number).
 *
 * @param startMillis the process start, epoch milliseconds; 0 when the OS does not say
 */
public record RunOwner(String host, long pid, long startMillis) {

    public static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        return new RunOwner(hostName(), self.pid(), startMillis(self));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    }

    /**
     * Whether {@code other} is a live process of this machine. Owners on other machines (a shared
     * PostgreSQL store) cannot be checked from here, so they count as alive.
     */
    public boolean seesAlive(RunOwner other) {
        if (!host.equals(other.host)) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(other.pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        long start = startMillis(process.get());
        // the start time is rounded differently by different JVMs: allow a second
        return start == 0 || other.startMillis == 0 || Math.abs(start - other.startMillis) < 1_000;
    }
}
