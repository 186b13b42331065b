package org.synlab.host.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.host.internal.store.Artifact;
import org.synlab.host.internal.store.MetricPoints;
import org.synlab.host.internal.store.PluginUse;
import org.synlab.host.internal.store.RunEnd;
import org.synlab.host.internal.store.RunStart;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoreSettings;

/** {@code runs}, {@code show}, {@code compare} and {@code export} through the CLI, on a store filled beforehand. */
class StoreCommandsTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void fill() throws Exception {
        try (RunStore store = RunStore.open(settings())) {
            for (String[] r : new String[][] {{"r-aaaa0001", "7", "2000"}, {"r-bbbb0002", "3", "5"}}) {
                store.submit(new RunStart(r[0], "xor-mlp", "/lab/xor-mlp.yaml",
                        "experiment: xor-mlp\nseed: " + r[1] + "\ntraining:\n  epochs: " + r[2] + "\n", List.of(),
                        Long.parseLong(r[1]), "cpu", null, 1_000, store.owner(),
                        List.of(new PluginUse("backend", "cpu", "org.synlab.backend-cpu", "0.1.0"))));
                for (int step = 1; step <= 3; step++) {
                    store.submit(new MetricPoints(r[0], step, 1_000 + step, Map.of("train.loss", 1.0 / step)));
                }
                store.submit(new RunEnd(r[0], "finished", null, 2_000, 1.0, Map.of("train.loss", 1.0 / 3),
                        List.of(), List.of(new Artifact("checkpoint", "/lab/out/w.safetensors"))));
            }
            store.submit(new RunStart("r-cccc0003", "mnist", null, null, List.of(), 1, "cpu", null, 3_000,
                    store.owner(), List.of()));
            store.submit(new RunEnd("r-cccc0003", "failed", "diverged", 4_000, 1.0, Map.of(), List.of(), List.of()));
            store.flush();
        }
    }

    private StoreSettings settings() {
        return StoreSettings.h2(temp.resolve("store"));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return new Cli(new PrintWriter(out, true), new PrintWriter(err, true), () -> {
            throw new AssertionError("the store commands must not boot the host");
        }, this::settings, false).run(List.of(args));
    }

    @Test
    void runsListsAndFilters() throws Exception {
        assertEquals(0, run("runs"));
        List<String> lines = out.toString().lines().toList();
        assertEquals(4, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("ID  "), lines.get(0));
        assertTrue(lines.get(1).matches("r-aaaa0001 +xor-mlp +finished .* 1\\.00 +train\\.loss=0\\.3333"), lines.get(1));
        assertTrue(lines.get(3).contains("failed (diverged)"), lines.get(3));

        assertEquals(0, run("runs", "--json", "--experiment=xor-mlp"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(2, json.size());
        assertEquals("r-aaaa0001", json.get(0).get("run").asText());
        assertEquals("1970-01-01T00:00:01Z", json.get(0).get("started").asText());
        assertEquals(1.0 / 3, json.get(0).get("metrics").get("train.loss").asDouble());

        assertEquals(0, run("runs", "--status", "failed", "--json"));
        assertEquals("r-cccc0003", new ObjectMapper().readTree(out.toString()).get(0).get("run").asText());
        assertEquals(0, run("runs", "--status", "interrupted"));
        assertEquals("no recorded runs match", out.toString().strip());
    }

    @Test
    void showGivesEverythingAndTakesAUniquePrefix() throws Exception {
        assertEquals(0, run("show", "r-aaaa"));
        String text = out.toString();
        for (String expected : List.of("r-aaaa0001 xor-mlp: finished after 1.00 s", "file        /lab/xor-mlp.yaml",
                "git commit  - (not in a git repository)", "backend  cpu   org.synlab.backend-cpu  0.1.0",
                "history (3 points;", "train.loss  3       1..3   0.3333  1    0.3333",
                "checkpoint  /lab/out/w.safetensors", "experiment as run", "    epochs: 2000")) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
        assertEquals(0, run("show", "r-cccc0003", "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("diverged", json.get("reason").asText());
        assertTrue(json.get("config").isNull());
    }

    @Test
    void anAmbiguousPrefixListsTheCandidates() {
        assertEquals(2, run("show", "r-"));
        assertEquals("synlab: 'r-' matches several runs (r-aaaa0001, r-bbbb0002, r-cccc0003); give more of the id",
                err.toString().strip());
    }

    @Test
    void compareLinesTheRunsUp() {
        assertEquals(0, run("compare", "r-aaaa0001", "r-bbbb0002"));
        String text = out.toString();
        assertTrue(text.contains("training.epochs  2000        5"), text);
        assertTrue(text.contains("seed             7           3"), text);
        assertTrue(text.contains("train.loss  0.3333      0.3333"), text);
        assertEquals(2, run("compare", "r-aaaa0001", "r-nope"));
        assertTrue(err.toString().startsWith("synlab: no run 'r-nope' in the run store"), err.toString());
        assertEquals("", out.toString(), "nothing is printed before every id is known");
    }

    @Test
    void exportWritesTheHistory() throws Exception {
        assertEquals(0, run("export", "r-bbbb0002", "--format", "csv"));
        List<String> lines = out.toString().lines().toList();
        assertEquals("run,metric,step,wall_time,value", lines.getFirst());
        assertEquals(4, lines.size());
        assertEquals("r-bbbb0002,train.loss,3,1970-01-01T00:00:01.003Z,0.3333333333333333", lines.getLast());
        assertEquals(0, run("export", "r-bbbb0002", "--format=json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("[1,2,3]", json.get("metrics").get("train.loss").get("step").toString());
    }
}
