package org.synlab.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run store through the real launcher: a run is recorded in the H2 file under the data
 * directory ({@code SYNLAB_DATA}, here a temporary folder), and {@code runs}, {@code show},
 * {@code compare} and {@code export} read it back in later processes.
 */
class RunStoreIT {

    @TempDir
    Path data;

    /** The launcher's default store location, under a data directory of this test's own. */
    private Map<String, String> env() {
        return Map.of("SYNLAB_DATA", data.toString(), "SYNLAB_JAVA_OPTS", "");
    }

    private String run(String... overrides) throws Exception {
        String[] args = new String[overrides.length + 3];
        args[0] = "run";
        args[1] = "experiments/xor-mlp.yaml";
        System.arraycopy(overrides, 0, args, 2, overrides.length);
        args[args.length - 1] = "--json";
        Synlab.Outcome o = Synlab.run(env(), args);
        assertEquals(0, o.exit(), o::toString);
        return o.json().get("run").asText();
    }

    @Test
    void aRunIsRecordedAndReadBackByRunsShowCompareAndExport() throws Exception {
        String first = run("training.epochs=30", "training.stop_when=~");
        String second = run("training.epochs=20", "training.stop_when=~", "seed=3");
        assertTrue(Files.isRegularFile(data.resolve("store/runs.mv.db")), "the H2 file is under SYNLAB_DATA");

        Synlab.Outcome runs = Synlab.run(env(), "runs", "--json");
        assertEquals(0, runs.exit(), runs::toString);
        JsonNode list = runs.json();
        assertEquals(2, list.size(), list::toString);
        JsonNode stored = list.get(0);
        assertEquals(first, stored.get("run").asText());
        assertEquals("xor-mlp", stored.get("experiment").asText());
        assertEquals("finished", stored.get("status").asText());
        assertEquals(7, stored.get("seed").asInt());
        assertEquals("cpu", stored.get("backend").asText());
        assertEquals(Synlab.EXPERIMENTS.resolve("xor-mlp.yaml").toString(), stored.get("file").asText());
        assertEquals("[\"training.epochs=30\",\"training.stop_when=~\"]", stored.get("overrides").toString());
        assertEquals(30.0, stored.get("metrics").get("epochs").asDouble());
        assertTrue(stored.get("wall_seconds").asDouble() > 0);
        assertTrue(stored.get("git_commit").isNull() || stored.get("git_commit").asText().matches("[0-9a-f]{40}"),
                stored::toString);

        Synlab.Outcome filtered = Synlab.run(env(), "runs", "--json", "--status", "interrupted");
        assertEquals("[]", filtered.json().toString(), filtered::toString);

        Synlab.Outcome show = Synlab.run(env(), "show", first);
        assertEquals(0, show.exit(), show::toString);
        for (String expected : List.of(first + " xor-mlp: finished", "org.synlab.backend-cpu", "org.synlab.datasets-toy",
                "train.loss", "1..30", "experiment as run", "epochs: 30")) {
            assertTrue(show.stdout().contains(expected), expected + " in " + show);
        }

        Synlab.Outcome compare = Synlab.run(env(), "compare", first, second);
        assertEquals(0, compare.exit(), compare::toString);
        assertTrue(compare.stdout().lines().anyMatch(l -> l.matches("seed +7 +3")), compare::toString);
        assertTrue(compare.stdout().lines().anyMatch(l -> l.matches("training\\.epochs +30 +20")), compare::toString);
        assertTrue(compare.stdout().lines().anyMatch(l -> l.matches("epochs +30 +20")), compare::toString);

        Synlab.Outcome csv = Synlab.run(env(), "export", first, "--format", "csv");
        assertEquals(0, csv.exit(), csv::toString);
        List<String> lines = csv.stdout().lines().toList();
        assertEquals("run,metric,step,wall_time,value", lines.getFirst());
        List<String> loss = lines.stream().filter(l -> l.startsWith(first + ",train.loss,")).toList();
        assertEquals(30, loss.size(), csv::toString);
        assertTrue(loss.getLast().startsWith(first + ",train.loss,30,"), loss.getLast());
        assertTrue(loss.getLast().split(",")[3].endsWith("Z"), "ISO-8601 UTC wall time: " + loss.getLast());

        Synlab.Outcome unknown = Synlab.run(env(), "show", "r-00000000");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertTrue(unknown.errorLines().getFirst().startsWith("synlab: no run 'r-00000000' in the run store"),
                unknown::toString);
    }

    @Test
    void aHostKilledMidRunLeavesItsRunInterruptedWithTheHistoryWrittenSoFar() throws Exception {
        // a run far too long to finish: XOR for ten million epochs, one history step per epoch
        Path stderr = data.resolve("host-stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(Synlab.ROOT.resolve("synlab").toString(), "run",
                "experiments/xor-mlp.yaml", "training.epochs=10000000", "training.stop_when=~")
                .directory(Synlab.ROOT.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        pb.environment().put("SYNLAB_NO_BUILD", "1");
        pb.environment().putAll(env());
        Process host = pb.start();
        String id;
        long pointsBeforeKill;
        try {
            id = awaitRunningRunWithHistory(host, stderr);
            pointsBeforeKill = exportedPoints(id);
            assertTrue(host.isAlive(), "the run must still be going when the host is killed");
        } finally {
            // SIGKILL: no shutdown hook runs, nothing is flushed; the store must cope
            host.destroyForcibly();
            host.waitFor();
        }

        Synlab.Outcome runs = Synlab.run(env(), "runs", "--json");
        assertEquals(0, runs.exit(), runs::toString);
        JsonNode run = runs.json().get(0);
        assertEquals(id, run.get("run").asText());
        assertEquals("interrupted", run.get("status").asText(), run::toString);
        assertTrue(run.get("reason").asText().contains("ended mid-run"), run::toString);
        assertNotNull(run.get("ended").textValue(), "ended at the last recorded point");
        assertTrue(exportedPoints(id) >= pointsBeforeKill, "the committed history survives the kill");

        Synlab.Outcome interrupted = Synlab.run(env(), "runs", "--status", "interrupted");
        assertTrue(interrupted.stdout().contains(id), interrupted::toString);
    }

    /** Polls the store, from other processes, until the running run has committed some history. */
    private String awaitRunningRunWithHistory(Process host, Path stderr) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!host.isAlive()) {
                throw new AssertionError("the host ended by itself: " + Files.readString(stderr));
            }
            Synlab.Outcome running = Synlab.run(env(), "runs", "--json", "--status", "running");
            if (running.exit() == 0 && running.json().size() == 1) {
                String id = running.json().get(0).get("run").asText();
                if (exportedPoints(id) > 0) {
                    return id;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no running run with history within 90 s");
    }

    private long exportedPoints(String id) throws Exception {
        Synlab.Outcome csv = Synlab.run(env(), "export", id);
        assertEquals(0, csv.exit(), csv::toString);
        return csv.stdout().lines().count() - 1;
    }
}
