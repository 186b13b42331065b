package org.synlab.host.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synlab.host.internal.DistributionLayout;
import org.synlab.host.internal.Host;
import org.synlab.host.internal.RunRecord;
import org.synlab.host.internal.TestBundles;
import org.synlab.host.internal.TestTasks;
import org.synlab.host.internal.store.RunStore;
import org.synlab.host.internal.store.StoreSettings;

/**
 * How {@code run} follows a started run: progress and summary come from the event bus, the JSON
 * summary is the last line of stdout, the exit code follows the status.
 */
class RunCommandTest {

    @TempDir
    Path temp;

    private Host host;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        host = Host.start(new Host.Options(new DistributionLayout(TestBundles.systemDir(),
                Files.createDirectories(temp.resolve("bundles"))), null, Duration.ofSeconds(10),
                StoreSettings.h2(temp.resolve("store"))));
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private CommandContext headless() {
        return new CommandContext(host, new PrintWriter(out, true), new PrintWriter(err, true), false, false);
    }

    @Test
    void headlessJsonRunEndsStdoutWithTheSummaryAndDrawsProgressOnStderr() throws Exception {
        int code = new RunCommand().start(headless(), TestTasks.epochs(3, Set.of()), true, false);

        assertEquals(0, code);
        List<String> lines = out.toString().lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.getLast());
        assertEquals("finished", summary.get("status").asText());
        assertEquals("counting", summary.get("experiment").asText());
        assertTrue(summary.get("run").asText().matches("r-[0-9a-f]{8}"));
        assertEquals(3.0, summary.get("metrics").get("epochs").asDouble());
        assertTrue(err.toString().contains("epoch 1/3  loss 1  accuracy 0.6  1000 samples/s"), err.toString());
        assertTrue(err.toString().contains("epoch 3/3"), err.toString());
        assertEquals("finished", host.runs().list().getFirst().status());
    }

    @Test
    void aFailedRunExitsOneWithAHumanSummary() throws Exception {
        int code = new RunCommand().start(headless(), TestTasks.crashing(), false, false);

        assertEquals(1, code);
        assertTrue(out.toString().matches("(?s)r-[0-9a-f]{8} crashing: failed \\(internal error: .*Gone\\).*"),
                out.toString());
    }

    @Test
    void inTheConsoleARunStartsInTheBackgroundAndCanBeStopped() throws Exception {
        CommandContext console = new CommandContext(host, new PrintWriter(out, true), new PrintWriter(err, true),
                true, false);

        int code = new RunCommand().start(console, TestTasks.untilCancelled(Set.of(), 0), false, false);

        assertEquals(0, code);
        RunRecord run = host.runs().list().getFirst();
        assertTrue(out.toString().startsWith("started " + run.id() + " (endless)"), out.toString());
        assertTrue(run.running());
        Cli.invoke(new StopCommand(), List.of(run.id()), console);
        assertEquals("stopped by user", run.done().get().reason());
        assertEquals("", err.toString());
    }

    @Test
    void aConsoleRunIsInTheStoreWhileRunningAndWhenStoppedAndRunsShowsItsEpoch() throws Exception {
        StringWriter text = new StringWriter();
        CommandContext console = new CommandContext(host, new PrintWriter(text, true), new PrintWriter(text, true),
                true, false);
        new RunCommand().start(console, TestTasks.untilCancelled(Set.of(), 0), false, false);
        RunRecord run = host.runs().list().getFirst();
        RunStore store = host.store().orElseThrow();
        while (run.epoch() == 0) {
            Thread.sleep(5);
        }
        store.flush();
        assertEquals("running", store.find(run.id()).orElseThrow().status(), "the row is written at start");

        text.getBuffer().setLength(0);
        Cli.invoke(new RunsCommand(), List.of(), console);
        assertTrue(text.toString().lines().anyMatch(l -> l.startsWith(run.id()) && l.contains("running (epoch ")),
                text.toString());

        Cli.invoke(new StopCommand(), List.of(run.id()), console);
        run.done().get();
        store.flush();
        assertEquals("failed", store.find(run.id()).orElseThrow().status());
        assertEquals("stopped by user", store.find(run.id()).orElseThrow().reason());
        text.getBuffer().setLength(0);
        Cli.invoke(new ShowCommand(), List.of(run.id()), console);
        assertTrue(text.toString().startsWith(run.id() + " endless: failed (stopped by user)"), text.toString());
    }
}
