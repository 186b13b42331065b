package org.synlab.host.internal;

import java.util.Optional;
import java.util.Set;
import org.synlab.engine.Experiment;
import org.synlab.engine.PartRef;
import org.synlab.engine.PreparedRun;
import org.synlab.engine.RunControl;
import org.synlab.engine.RunListener;
import org.synlab.engine.RunResult;

/** What the run manager executes: a prepared experiment, seen only through what the host needs. */
public interface RunTask {

    String experiment();

    long seed();

    String backend();

    /** The plugin parts the run holds; losing one cancels it. */
    Set<PartRef> parts();

    /** The experiment file and its configuration as run (after overrides); empty for runs built in code. */
    default Optional<Experiment> source() {
        return Optional.empty();
    }

    /** Runs to the end on the calling thread; reports failures in the result, never by throwing. */
    RunResult execute(RunListener listener, RunControl control);

    static RunTask of(PreparedRun run) {
        return new RunTask() {
            @Override
            public String experiment() {
                return run.experiment().name();
            }

            @Override
            public long seed() {
                return run.experiment().seed();
            }

            @Override
            public String backend() {
                return run.backend();
            }

            @Override
            public Set<PartRef> parts() {
                return run.parts();
            }

            @Override
            public Optional<Experiment> source() {
                return Optional.of(run.experiment());
            }

            @Override
            public RunResult execute(RunListener listener, RunControl control) {
                return run.execute(listener, control);
            }
        };
    }
}
