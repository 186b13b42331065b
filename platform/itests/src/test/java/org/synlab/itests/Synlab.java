package org.synlab.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./synlab} launcher of this checkout as a user would, and captures what it prints. */
final class Synlab {

    static final Path ROOT = Path.of(System.getProperty("synlab.root", "../..")).toAbsolutePath().normalize();
    static final Path EXPERIMENTS = ROOT.resolve("experiments");
    /**
     * The run store of tests that do not bring their own: under this module's target/, so the runs
     * the tests make never land in the developer's ~/.synlab (whose datasets the MNIST test still uses).
     */
    static final Path TEST_STORE = ROOT.resolve("platform/itests/target/run-store");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one command did. */
    record Outcome(int exit, String stdout, String stderr) {

        /** The last line of stdout, parsed as JSON (the contract of {@code --json}). */
        JsonNode json() throws IOException {
            String[] lines = stdout.strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        }

        /** Lines of stderr, without the JVM's own warnings. */
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING:")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    static Outcome run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("synlab").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().put("SYNLAB_NO_BUILD", "1");
        pb.environment().merge("SYNLAB_JAVA_OPTS", storeOption(TEST_STORE), (mine, store) -> mine + " " + store);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("synlab-out", ".txt");
        Path err = Files.createTempFile("synlab-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("synlab " + String.join(" ", args) + " did not finish in 180 s");
            }
            return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The launcher option that puts the run store (an H2 file) in {@code dir}. */
    static String storeOption(Path dir) {
        return "-Dsynlab.store.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("runs") + ";AUTO_SERVER=TRUE";
    }

    static Outcome run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private Synlab() {
    }
}
