package org.synlab.host.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synlab.host.internal.store.StoredRun;

class CompareTextTest {

    private static StoredRun run(String id, String config, Map<String, Double> metrics) {
        return new StoredRun(id, "xor", "/x.yaml", config, List.of(), 7, "cpu", null, 0L, 1_000L, "finished", null,
                1.0, List.of(), metrics);
    }

    @Test
    void onlyTheConfigKeysThatDifferAreListedWithAbsentOnesMarked() {
        String a = "seed: 7\ntraining:\n  epochs: 2000\n  batch_size: 4\nnetwork:\n  layers:\n  - units: 4\n";
        String b = "seed: 3\ntraining:\n  epochs: 5\n  batch_size: 4\n  shuffle: true\nnetwork:\n  layers:\n  - units: 8\n";
        String text = CompareText.format(List.of(run("r-a", a, Map.of("train.loss", 0.005)),
                run("r-b", b, Map.of("train.loss", 0.6383, "converged", 0.0))));
        List<String> lines = text.lines().toList();
        int config = lines.indexOf("config (keys that differ)");
        assertTrue(config > 0, text);
        assertEquals(List.of("KEY                      r-a       r-b",
                "network.layers[0].units  4         8",
                "seed                     7         3",
                "training.epochs          2000      5",
                "training.shuffle         (absent)  true"), lines.subList(config + 1, config + 6));
        assertFalse(text.contains("batch_size"), "equal keys are not listed");
        int metrics = lines.indexOf("final metrics");
        assertEquals(List.of("METRIC      r-a    r-b", "converged   -      0", "train.loss  0.005  0.6383"),
                lines.subList(metrics + 1, metrics + 4));
        assertTrue(lines.getFirst().matches(" +r-a +r-b"), lines.getFirst());
        assertTrue(lines.get(1).matches("experiment +xor +xor"), lines.get(1));
    }

    @Test
    void identicalExperimentsSaySo() {
        String text = CompareText.format(List.of(run("r-a", "seed: 1\n", Map.of()), run("r-b", "seed: 1\n", Map.of())));
        assertTrue(text.contains("config: the experiments as run are identical"), text);
        assertTrue(text.contains("final metrics: none recorded"), text);
    }
}
