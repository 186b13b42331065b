package org.synlab.host.internal;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.eventbus.EventBus;
import org.synlab.engine.BadInputException;
import org.synlab.engine.Experiment;
import org.synlab.engine.RunExecutor;

/** Turns an experiment into a run task, resolving its plugin names against the parts live now. */
public final class RunPreparer {

    private final PluginRegistry registry;
    private final MeterRegistry meters;
    private final EventBus bus;

    public RunPreparer(PluginRegistry registry, MeterRegistry meters, EventBus bus) {
        this.registry = registry;
        this.meters = meters;
        this.bus = bus;
    }

    /** A fresh injector per run, so each run's maps hold the parts of its own moment. */
    public RunExecutor executor() {
        return injector().getInstance(RunExecutor.class);
    }

    Injector injector() {
        return Guice.createInjector(new RunModule(registry.snapshot(), meters, bus));
    }

    /**
     * @throws BadInputException when a key, parameter or plugin name of the experiment is wrong
     */
    public RunTask prepare(Experiment experiment) throws BadInputException {
        return RunTask.of(executor().prepare(experiment));
    }
}
