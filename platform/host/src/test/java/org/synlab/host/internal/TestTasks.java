package org.synlab.host.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.engine.PartRef;
import org.synlab.engine.Progress;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;
import org.synlab.engine.RunStatus;

/**
 * Run tasks for the run manager's tests, behaving as the engine's runs do: report progress per
 * epoch, check the control between steps, end failed with the cancel reason.
 */
public final class TestTasks {

    private TestTasks() {
    }

    /** Trains for {@code epochs} epochs, loss 1/epoch, then finishes. */
    public static RunTask epochs(int epochs, Set<PartRef> parts) {
        return new Base("counting", parts) {
            @Override
            public RunResult execute(RunListener listener, RunControl control) {
                for (int e = 1; e <= epochs; e++) {
                    if (control.cancelled()) {
                        return failed(control.cancelReason(), e - 1);
                    }
                    listener.progress(new Progress(e, epochs, (double) e / epochs,
                            Map.of("train.loss", 1.0 / e, "train.accuracy", 0.5 + 0.1 * e, "samples_per_second", 1000.0)));
                }
                return new RunResult(RunStatus.FINISHED, null,
                        Map.of("train.loss", 1.0 / epochs, "epochs", (double) epochs), List.of("a note"), 0.01);
            }
        };
    }

    /**
     * Reports an epoch every 10 ms until cancelled, then takes {@code cleanupMillis} to release
     * what it holds, as a run closing its backend does.
     */
    public static RunTask untilCancelled(Set<PartRef> parts, long cleanupMillis) {
        return new Base("endless", parts) {
            @Override
            public RunResult execute(RunListener listener, RunControl control) {
                int epoch = 0;
                while (!control.cancelled()) {
                    epoch++;
                    listener.progress(new Progress(epoch, 1_000_000, epoch / 1e6, Map.of("train.loss", 1.0)));
                    sleep(10);
                }
                sleep(cleanupMillis);
                return failed(control.cancelReason(), epoch);
            }
        };
    }

    /** Throws from inside the run, as a plugin whose bundle vanished would (NoClassDefFoundError). */
    public static RunTask crashing() {
        return new Base("crashing", Set.of()) {
            @Override
            public RunResult execute(RunListener listener, RunControl control) {
                throw new NoClassDefFoundError("org/example/Gone");
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private abstract static class Base implements RunTask {
        private final String experiment;
        private final Set<PartRef> parts;

        Base(String experiment, Set<PartRef> parts) {
            this.experiment = experiment;
            this.parts = Set.copyOf(parts);
        }

        @Override
        public String experiment() {
            return experiment;
        }

        @Override
        public long seed() {
            return 7;
        }

        @Override
        public String backend() {
            return "cpu";
        }

        @Override
        public Set<PartRef> parts() {
            return parts;
        }

        RunResult failed(String reason, int epochs) {
            return new RunResult(RunStatus.FAILED, reason, Map.of("epochs", (double) epochs), List.of(), 0.01);
        }
    }
}
