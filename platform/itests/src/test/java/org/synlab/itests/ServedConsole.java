package org.synlab.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./synlab serve} with its Gogo console on a real pseudo-terminal (through util-linux
 * {@code script}), typed into and read back as a user at a terminal would.
 */
final class ServedConsole implements AutoCloseable {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[a-zA-Z]|\u001B[=>]|\r");

    private final Process process;
    private final OutputStream keyboard;
    private final StringBuilder screen = new StringBuilder();
    private int consumed;

    ServedConsole(Path bundles) throws IOException {
        // any free port for the dashboard: tests may run beside a host already serving on the default
        String command = Synlab.ROOT.resolve("synlab") + " serve --port 0";
        ProcessBuilder pb = new ProcessBuilder(List.of("script", "-qfec", command, "/dev/null"))
                .directory(Synlab.ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("SYNLAB_NO_BUILD", "1");
        pb.environment().merge("SYNLAB_JAVA_OPTS", Synlab.storeOption(Synlab.TEST_STORE), (mine, store) -> mine + " " + store);
        pb.environment().put("SYNLAB_BUNDLES", bundles.toString());
        pb.environment().put("TERM", "xterm");
        process = pb.start();
        keyboard = process.getOutputStream();
        Thread reader = new Thread(() -> pump(process.getInputStream()), "served-console-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                String text = ANSI.matcher(new String(buffer, 0, n, StandardCharsets.UTF_8)).replaceAll("");
                synchronized (screen) {
                    screen.append(text);
                    screen.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; what was read stays in the screen
        }
    }

    /** Types a command line. */
    void type(String line) throws IOException {
        keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /**
     * Waits until the output after what earlier calls consumed matches {@code regex}; returns the
     * match and consumes the output up to its end.
     */
    Matcher await(String regex, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (screen) {
            while (true) {
                Matcher m = pattern.matcher(screen);
                if (m.find(consumed)) {
                    consumed = m.end();
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !pattern.matcher(screen).find(consumed)) {
                    throw new AssertionError("no match for /" + regex + "/ within " + timeout + "; output so far:\n"
                            + screen.substring(consumed));
                }
                screen.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
