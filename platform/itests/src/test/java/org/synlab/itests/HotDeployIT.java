package org.synlab.itests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot deploy as a user meets it: {@code ./synlab serve} runs with its console; the example plugin's
 * jar is copied into the watched folder and its neuron is used by the next run; the jar is deleted
 * while a run uses it, and that run fails with the reason while the host goes on serving.
 */
class HotDeployIT {

    private static final Duration SHORT = Duration.ofSeconds(30);
    private static final Path EXAMPLE_JAR = Path.of(System.getProperty("synlab.example.jar"));
    /** The whole table of synlab:plugins, header to last row (datasets come last). */
    private static final String PLUGIN_TABLE = "KIND\\s+NAME.*?dataset\\s+patterns[^\\n]*\\n";
    private static final String SOFTSIGN_XOR = "plugins/examples/neuron-example/softsign-xor.yaml";

    @TempDir
    Path bundles;

    @Test
    void aDroppedJarIsUsableByTheNextRunAndRemovingItFailsTheRunUsingIt() throws Exception {
        assertTrue(Files.isRegularFile(EXAMPLE_JAR), "the example plugin must be built: " + EXAMPLE_JAR);
        try (var jars = Files.newDirectoryStream(Synlab.ROOT.resolve("bundles"), "synlab-*.jar")) {
            for (Path jar : jars) {
                Files.copy(jar, bundles.resolve(jar.getFileName()));
            }
        }
        try (ServedConsole console = new ServedConsole(bundles)) {
            console.await("Synlab serving: \\d+ plugin parts .*console ready", Duration.ofSeconds(60));

            console.type("synlab:plugins");
            assertFalse(console.await(PLUGIN_TABLE, SHORT).group().contains("softsign"));

            // drop the jar; poll the console until the new neuron is listed
            long dropped = System.nanoTime();
            Path jar = Files.copy(EXAMPLE_JAR, bundles.resolve("neuron-example.jar"));
            boolean live = false;
            while (!live && System.nanoTime() - dropped < Duration.ofSeconds(20).toNanos()) {
                console.type("synlab:plugins");
                live = console.await(PLUGIN_TABLE, SHORT).group().contains("softsign");
                if (!live) {
                    Thread.sleep(100);
                }
            }
            double seconds = (System.nanoTime() - dropped) / 1e9;
            System.out.printf("hot deploy: softsign listed %.2f s after the jar was copied%n", seconds);
            assertTrue(live, "softsign never became live");

            console.type("synlab:run --wait " + SOFTSIGN_XOR);
            console.await("softsign-xor: finished.*?train\\.accuracy\\s+1\\n", SHORT);

            // a long run on the example neuron, then the jar goes away under it
            console.type("synlab:run " + SOFTSIGN_XOR + " training.epochs=10000000 training.stop_when.at_most=0");
            String id = console.await("started (r-[0-9a-f]{8})", SHORT).group(1);
            Thread.sleep(1000);
            Files.delete(jar);
            String failed = null;
            long deleted = System.nanoTime();
            while (failed == null && System.nanoTime() - deleted < Duration.ofSeconds(20).toNanos()) {
                console.type("synlab:runs");
                String row = console.await(id + "\\s+softsign-xor\\s+[^\\n]*\\n", SHORT).group();
                if (row.contains("failed")) {
                    failed = row;
                } else {
                    Thread.sleep(200);
                }
            }
            assertTrue(failed != null, "the run using the removed neuron did not fail");
            assertTrue(failed.contains("neuron:softsign") && failed.contains("was removed"), failed);

            // the host goes on: a run with the shipped plugins still works, the example is gone
            console.type("synlab:run --wait experiments/xor-mlp.yaml");
            console.await("xor-mlp: finished", SHORT);
            console.type("synlab:plugins");
            assertFalse(console.await(PLUGIN_TABLE, SHORT).group().contains("softsign"));
            assertTrue(console.alive());
        }
    }
}
