package org.synlab.host.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs and owners for the store's tests. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    static RunStore open(Path dir) {
        return RunStore.open(StoreSettings.h2(dir.resolve("store")));
    }

    static RunStart start(String id, String experiment, RunOwner owner, long startedMillis) {
        return new RunStart(id, experiment, "/experiments/" + experiment + ".yaml",
                "experiment: " + experiment + "\nseed: 7\ntraining:\n  epochs: 3\n", List.of("training.epochs=3"), 7,
                "cpu", "0123456789abcdef0123456789abcdef01234567", startedMillis, owner,
                List.of(new PluginUse("backend", "cpu", "org.synlab.backend-cpu", "0.1.0"),
                        new PluginUse("neuron", "relu", "org.synlab.neurons-rate", "0.1.0")));
    }

    static RunEnd end(String id, String status, String reason) {
        return new RunEnd(id, status, reason, System.currentTimeMillis(), 1.5,
                Map.of("train.loss", 0.25, "train.accuracy", 0.75, "diverged", Double.NaN), List.of("a note"),
                List.of(new Artifact("checkpoint", "/out/best.safetensors")));
    }

    /** A process that has ended: its pid belongs to nobody (for a while). */
    static RunOwner deadOwner() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        RunOwner self = RunOwner.current();
        return new RunOwner(self.host(), p.pid(), System.currentTimeMillis() - 5_000);
    }
}
