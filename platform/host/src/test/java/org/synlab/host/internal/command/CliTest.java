package org.synlab.host.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.host.internal.DistributionLayout;
import org.synlab.host.internal.TestBundles;
import org.synlab.host.internal.store.StoreSettings;

class CliTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Bad input must be answered before anything boots. */
    private static final Supplier<DistributionLayout> NO_HOST = () -> {
        throw new AssertionError("the host was started for a command line that should have been rejected");
    };

    private int run(Supplier<DistributionLayout> layout, String... args) {
        return new Cli(new PrintWriter(out, true), new PrintWriter(err, true), layout,
                () -> StoreSettings.h2(temp.resolve("store")), false).run(List.of(args));
    }

    private void assertOneErrorLine(String expectedStart) {
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.getFirst().startsWith(expectedStart), lines.getFirst());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
        assertEquals("", out.toString());
    }

    @Test
    void unknownFlagIsBadInput() {
        assertEquals(2, run(NO_HOST, "plugins", "--jsn"));
        assertOneErrorLine("synlab: unknown flag '--jsn' for 'plugins'");
    }

    @Test
    void unknownFlagOfRunIsBadInputEvenBeforeTheFileIsRead() {
        assertEquals(2, run(NO_HOST, "run", "x.yaml", "--fast"));
        assertOneErrorLine("synlab: unknown flag '--fast' for 'run'");
    }

    @Test
    void unknownCommandIsBadInput() {
        assertEquals(2, run(NO_HOST, "train"));
        assertOneErrorLine("synlab: unknown command 'train'; commands: run, runs, show, compare, export, stop, plugins, "
                + "shell, serve, help");
    }

    @Test
    void missingCommandIsBadInput() {
        assertEquals(2, run(NO_HOST));
        assertOneErrorLine("synlab: missing command");
    }

    @Test
    void runWithoutAFileIsBadInput() {
        assertEquals(2, run(NO_HOST, "run", "--json"));
        assertOneErrorLine("synlab: missing the experiment file");
    }

    @Test
    void stopWithoutAnIdIsBadInput() {
        assertEquals(2, run(NO_HOST, "stop"));
        assertOneErrorLine("synlab: 'stop' takes one run id");
    }

    @Test
    void aMissingExperimentFileNamesTheFile() {
        Path missing = temp.resolve("missing.yaml");
        assertEquals(2, run(NO_HOST, "run", missing.toString()));
        assertOneErrorLine("synlab: " + missing + ": no such file");
    }

    @Test
    void aMalformedOverrideNamesFileAndKey() throws Exception {
        Path file = Files.writeString(temp.resolve("e.yaml"), "experiment: e\nlearning:\n  lr: 0.1\n");
        assertEquals(2, run(NO_HOST, "run", file.toString(), "learning.lr.x=3"));
        // the engine words the problem; the CLI's part is one line that names the file and the key
        assertOneErrorLine("synlab: " + file + ": learning.lr");
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        assertEquals(0, run(NO_HOST, "--help"));
        for (String synopsis : List.of("run FILE [key=value ...] [--json] [--wait]", "plugins [--json]",
                "runs [--json] [--experiment NAME] [--status STATUS]", "show RUN [--json]", "compare RUN RUN...",
                "export RUN [--format csv|json]", "stop ID", "shell", "serve")) {
            assertTrue(out.toString().contains(synopsis), synopsis);
        }
        assertEquals("", err.toString());
    }

    @Test
    void commandHelpPrintsItsUsage() {
        assertEquals(0, run(NO_HOST, "run", "--help"));
        assertTrue(out.toString().startsWith("usage: synlab run FILE"), out.toString());
    }

    @Test
    void aHostThatCannotStartExitsOneWithOneLine() {
        assertEquals(1, run(() -> new DistributionLayout(temp.resolve("no-dist/system"), temp), "plugins"));
        assertOneErrorLine("synlab: cannot start the host: ");
    }

    @Test
    void pluginsJsonIsOneArrayOnTheLastLineOfStdout() throws Exception {
        assumeTrue(TestBundles.cpuBackendBuilt(), "the backend-cpu bundle has no CpuBackend yet");
        Path bundles = Files.createDirectories(temp.resolve("bundles"));
        Files.copy(TestBundles.cpuBackendJar(), bundles.resolve("backend-cpu.jar"));
        TestBundles.probeBundle(bundles, "org.synlab.test.probe", "probe");

        assertEquals(0, run(() -> new DistributionLayout(TestBundles.systemDir(), bundles), "plugins", "--json"));

        List<String> lines = out.toString().lines().toList();
        JsonNode parts = new ObjectMapper().readTree(lines.getLast());
        assertTrue(parts.isArray());
        assertEquals(2, parts.size(), parts.toString());
        JsonNode cpu = parts.get(0);
        assertEquals(List.of("kind", "name", "bundle", "version", "description"), fieldNames(cpu));
        assertEquals("backend", cpu.get("kind").asText());
        assertEquals("cpu", cpu.get("name").asText());
        assertEquals(TestBundles.CPU_BSN, cpu.get("bundle").asText());
        assertEquals("probe", parts.get(1).get("name").asText());
        assertEquals("1.0.0", parts.get(1).get("version").asText());
    }

    @Test
    void headlessRunsReadTheStoreWithoutBootingTheHostAndStopSpeaksOfThisProcessOnly() throws Exception {
        assertEquals(0, run(NO_HOST, "runs"));
        assertEquals("no runs recorded yet; 'synlab run FILE' starts one", out.toString().strip());
        Supplier<DistributionLayout> layout = () -> new DistributionLayout(TestBundles.systemDir(), temp);
        assertEquals(2, run(layout, "stop", "r-12345678"));
        assertTrue(err.toString().contains("synlab: no run 'r-12345678' in this host process"), err.toString());
    }

    @Test
    void anUnknownRunIdIsBadInputThatSaysWhatWasExpected() {
        assertEquals(2, run(NO_HOST, "show", "r-12345678"));
        String line = err.toString().strip();
        assertTrue(line.startsWith("synlab: no run 'r-12345678' in the run store jdbc:h2:file:"), line);
        assertTrue(line.endsWith("expected a run id such as r-1a2b3c4d, as 'synlab runs' lists them"), line);
        assertEquals("", out.toString());
    }

    @Test
    void badStoreCommandLinesAreRejectedBeforeTheStoreOpens() {
        assertEquals(2, new Cli(new PrintWriter(out, true), new PrintWriter(err, true), NO_HOST, () -> {
            throw new AssertionError("the store was opened for a command line that should have been rejected");
        }, false).run(List.of("export", "r-1", "--format", "xml")));
        assertOneErrorLine("synlab: unknown format 'xml'; expected csv or json");
    }

    @Test
    void anUnknownStatusNamesTheStatusesThereAre() {
        assertEquals(2, run(NO_HOST, "runs", "--status", "done"));
        assertOneErrorLine("synlab: unknown status 'done'; expected one of running, finished, failed, interrupted");
    }

    @Test
    void compareNeedsTwoRunsAndAnOptionNeedsItsValue() {
        assertEquals(2, run(NO_HOST, "compare", "r-1", "r-1"));
        assertOneErrorLine("synlab: 'compare' takes two or more different run ids");
        err.getBuffer().setLength(0);
        assertEquals(2, run(NO_HOST, "runs", "--experiment"));
        assertOneErrorLine("synlab: '--experiment' needs a value");
    }

    @Test
    void withTheStoreOffTheStoreCommandsSaySo() {
        int code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true), NO_HOST, StoreSettings::off, false)
                .run(List.of("show", "r-1"));
        assertEquals(2, code);
        assertOneErrorLine("synlab: the run store is off (-Dsynlab.store=off or SYNLAB_STORE=off)");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
