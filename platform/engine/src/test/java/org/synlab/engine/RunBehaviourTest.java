package org.synlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reproducibility, divergence, cancellation and progress of real runs. */
class RunBehaviourTest {

    private static Map<String, Double> withoutSpeed(RunResult r) {
        Map<String, Double> m = new java.util.HashMap<>(r.metrics());
        m.remove("samples_per_second");
        m.remove("last_epoch.samples_per_second");
        m.remove("epoch_seconds");
        m.remove("warm_up_seconds");
        return m;
    }

    @Test
    void theSameSeedGivesTheSameNumbersOnOneAndTwoThreads() throws Exception {
        RunResult one = Experiments.run("binary-mlp.yaml", "threads=1", "training.epochs=3", "network.layers.0.dropout=0.2");
        RunResult two = Experiments.run("binary-mlp.yaml", "threads=2", "training.epochs=3", "network.layers.0.dropout=0.2");
        RunResult again = Experiments.run("binary-mlp.yaml", "threads=2", "training.epochs=3", "network.layers.0.dropout=0.2");
        assertEquals(RunStatus.FINISHED, one.status(), one.reason());
        assertEquals(withoutSpeed(one), withoutSpeed(two));
        assertEquals(withoutSpeed(two), withoutSpeed(again));
        assertEquals(one.history().get("train.loss"), two.history().get("train.loss"));
    }

    private static String[] concat(String[] first, String last) {
        String[] out = java.util.Arrays.copyOf(first, first.length + 1);
        out[first.length] = last;
        return out;
    }

    @Test
    void theWarmUpCopyLeavesNoTraceInTheRun() throws Exception {
        // 200 batches an epoch: 10 epochs are long enough to train a throwaway copy first, 9 are not, and
        // hidden layers of 128 make it large enough (the file's 4 units train in less time than a warm-up)
        String[] wide = {"network.layers.0.units=128", "network.layers.1.units=128"};
        RunResult warmed = Experiments.run("binary-mlp.yaml", concat(wide, "training.epochs=10"));
        RunResult cold = Experiments.run("binary-mlp.yaml", concat(wide, "training.epochs=9"));
        RunResult small = Experiments.run("binary-mlp.yaml", "training.epochs=10");
        assertNull(small.metrics().get("warm_up_steps"), "4 hidden units are too small to warm up");
        assertTrue(warmed.metrics().get("warm_up_steps") >= 300, warmed.metrics().toString());
        assertTrue(warmed.metrics().get("warm_up_seconds") > 0);
        assertNull(cold.metrics().get("warm_up_steps"));
        assertEquals(9, cold.history().get("train.loss").size());
        assertEquals(cold.history().get("train.loss"), warmed.history().get("train.loss").subList(0, 9));
        assertEquals(cold.history().get("train.accuracy"), warmed.history().get("train.accuracy").subList(0, 9));
    }

    @Test
    void anotherSeedGivesOtherNumbers() throws Exception {
        RunResult a = Experiments.run("binary-mlp.yaml", "training.epochs=2");
        RunResult b = Experiments.run("binary-mlp.yaml", "training.epochs=2", "seed=4");
        assertNotEquals(a.metrics().get("train.loss"), b.metrics().get("train.loss"));
    }

    @Test
    void aRunThatDivergesToNanFailsWithTheReason() throws Exception {
        RunResult r = Experiments.run("linear-regression.yaml", "learning.lr=1000");
        assertEquals(RunStatus.FAILED, r.status());
        assertTrue(r.reason().startsWith("diverged: train.loss is "), r.reason());
        assertTrue(r.reason().contains("learning.lr"), r.reason());
    }

    @Test
    void aCancelledRunFailsWithTheCancelReason() throws Exception {
        PreparedRun run = Experiments.prepare(Experiments.FOLDER.resolve("xor-mlp.yaml"), "training.stop_when.at_most=0");
        RunControl control = new RunControl();
        List<Progress> seen = new ArrayList<>();
        RunResult r = run.execute(new RunListener() {
            @Override
            public void progress(Progress p) {
                seen.add(p);
                if (p.epoch() == 3) {
                    control.cancel("plugin neuron:sigmoid was removed");
                }
            }
        }, control);
        assertEquals(RunStatus.FAILED, r.status());
        assertEquals("plugin neuron:sigmoid was removed", r.reason());
        assertEquals(3, seen.size());
    }

    @Test
    void progressReportsEveryEpochWithTheFractionDone() throws Exception {
        PreparedRun run = Experiments.prepare(Experiments.FOLDER.resolve("linear-regression.yaml"));
        List<Progress> seen = new ArrayList<>();
        RunResult r = run.execute(new RunListener() {
            @Override
            public void progress(Progress p) {
                seen.add(p);
            }
        }, new RunControl());
        assertEquals(RunStatus.FINISHED, r.status());
        List<Progress> epochEnds = seen.stream().filter(p -> p.fraction() * p.epochs() == p.epoch()).toList();
        assertEquals(5, epochEnds.size());
        assertEquals(1.0, epochEnds.get(4).fraction());
        assertTrue(epochEnds.get(0).metrics().containsKey("train.loss"));
        assertTrue(r.metrics().get("samples_per_second") > 0);
        assertTrue(r.metrics().get("last_epoch.samples_per_second") > 0);
        assertTrue(epochEnds.get(4).metrics().containsKey("last_epoch.samples_per_second"));
        assertEquals(Double.valueOf(5), r.metrics().get("epochs"));
    }

    @Test
    void thePartsARunHoldsAreListed() throws Exception {
        PreparedRun run = Experiments.prepare(Experiments.FOLDER.resolve("xor-mlp.yaml"));
        assertEquals("cpu", run.backend());
        assertTrue(run.parts().contains(new PartRef(PartKind.NEURON, "sigmoid")));
        assertTrue(run.parts().contains(new PartRef(PartKind.LEARNING_RULE, "adam")));
        assertTrue(run.parts().contains(new PartRef(PartKind.LOSS, "binary-cross-entropy")));
        assertTrue(run.parts().contains(new PartRef(PartKind.DATASET, "logic-gates")));
        assertTrue(run.parts().contains(new PartRef(PartKind.BACKEND, "cpu")));
    }
}
