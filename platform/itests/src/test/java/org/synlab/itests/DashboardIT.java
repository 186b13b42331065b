package org.synlab.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.synlab.monitoring.Chromium;

/**
 * The dashboard of a real {@code ./synlab serve}: a run started from the page's API trains MNIST on the
 * real bundles while a headless Chromium watches its curves grow, and the finished run's history comes
 * back from the run store; a spiking run's raster is drawn from the spikes it publishes on the bus.
 * Screenshots land in target/screenshots.
 */
class DashboardIT {

    private static final Pattern ADDRESS = Pattern.compile("dashboard at (http://[0-9.]+:\\d+/)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Process serve;
    private String url;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Synlab.ROOT.resolve("synlab").toString(), "serve", "--port", "0")
                .directory(Synlab.ROOT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("SYNLAB_NO_BUILD", "1");
        pb.environment().merge("SYNLAB_JAVA_OPTS", Synlab.storeOption(Synlab.TEST_STORE), (mine, store) -> mine + " " + store);
        serve = pb.start();
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = ADDRESS.matcher(line);
                    if (m.find()) {
                        address.complete(m.group(1));
                    }
                }
                address.completeExceptionally(new AssertionError("serve ended without printing the dashboard's address"));
            } catch (Exception e) {
                address.completeExceptionally(e);
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        url = address.get(90, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (serve != null) {
            serve.destroy(); // SIGTERM: the host shuts down through its shutdown hook
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void aRunStartedFromTheDashboardDrawsItsCurvesAndLeavesItsHistoryInTheStore() throws Exception {
        ChromeDriver browser = Chromium.start();
        try {
            browser.get(url);
            JsonNode started = post("api/runs/start", "{\"experiment\": \"experiments/mnist-mlp.yaml\", \"overrides\":"
                    + " [\"dataset.train_size=6000\", \"dataset.test_size=1000\", \"training.epochs=4\"]}");
            assertTrue(started.path("ok").asBoolean(), started.toString());
            String run = started.path("reply").path("run").asText();
            assertTrue(run.startsWith("r-"), started.toString());

            long points = awaitCurve(browser, 2, Duration.ofSeconds(120));
            assertTrue(points >= 2, "the curve has " + points + " points");
            screenshot(browser, "dashboard-mnist.png");

            JsonNode finished = awaitStatus(run, "finished", Duration.ofSeconds(180));
            assertTrue(finished.path("metrics").path("test.accuracy").asDouble() > 0.8, finished.toString());
            // the store commits in batches (within 200 ms): wait for the run's end to be written
            JsonNode history = awaitStoredEnd(run, Duration.ofSeconds(30));
            assertEquals(4, history.path("series").path("train.loss").path("y").size(), history.toString());
        } finally {
            browser.quit();
        }
    }

    @Test
    void aSpikingRunDrawsItsRasterFromTheSpikesItPublishes() throws Exception {
        ChromeDriver browser = Chromium.start();
        try {
            browser.get(url);
            JsonNode started = post("api/runs/start", "{\"experiment\": \"experiments/cuba.yaml\", \"overrides\":"
                    + " [\"simulation.duration=3 s\"]}");
            assertTrue(started.path("ok").asBoolean(), started.toString());
            String run = started.path("reply").path("run").asText();

            long pixels = awaitPixels(browser, run, "#rasters canvas", 500, Duration.ofSeconds(90));
            assertTrue(pixels >= 500, "the raster of " + run + " has " + pixels + " painted pixels");
            // its throughput reads as simulated seconds per second of loop
            Object throughput = ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelector('#runs').innerText;");
            assertTrue(String.valueOf(throughput).contains("sim s/s"), String.valueOf(throughput));
            screenshot(browser, "dashboard-spiking.png");
            JsonNode finished = awaitStatus(run, "finished", Duration.ofSeconds(120));
            assertTrue(finished.path("metrics").path("rate_hz").asDouble() > 1, finished.toString());
        } finally {
            browser.quit();
        }
    }

    @Test
    void anUnsupervisedRunDrawsItsReceptiveFieldsFromTheWeightsItPublishes() throws Exception {
        ChromeDriver browser = Chromium.start();
        try {
            browser.get(url);
            JsonNode started = post("api/runs/start", "{\"experiment\": \"experiments/diehl-cook-quick.yaml\","
                    + " \"overrides\": [\"network.populations.exc.size=25\", \"network.populations.inh.size=25\","
                    + " \"presentation.train=400\", \"presentation.label=50\", \"presentation.test=50\","
                    + " \"presentation.report_every=100\"]}");
            assertTrue(started.path("ok").asBoolean(), started.toString());
            String run = started.path("reply").path("run").asText();

            // 25 fields of 28 x 28 pixels: most of them painted once a weight frame has arrived
            long pixels = awaitPixels(browser, run, "#fields canvas", 25 * 28 * 28 / 2, Duration.ofSeconds(120));
            assertTrue(pixels >= 25 * 28 * 28 / 2, "the receptive fields of " + run + " have " + pixels
                    + " painted pixels");
            JsonNode finished = awaitStatus(run, "finished", Duration.ofSeconds(120));
            screenshot(browser, "dashboard-diehl-cook.png");
            assertTrue(finished.path("metrics").path("test.accuracy").asDouble() > 0.2, finished.toString());
        } finally {
            browser.quit();
        }
    }

    @Test
    void aBadExperimentFileIsRefusedWithItsNameAndTheHostGoesOn() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(url + "api/runs/start"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"experiment\": \"experiments/none.yaml\"}")).build());
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("none.yaml"), refused.body());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(url + "metrics")).GET().build()).statusCode());
    }

    /** Waits until the page's loss curve has at least {@code wanted} points (read from the page). */
    private static long awaitCurve(ChromeDriver browser, int wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long points = 0;
        while (System.nanoTime() < deadline) {
            Object n = ((JavascriptExecutor) browser).executeScript(
                    "return window.synlab ? window.synlab.pointCount('train.loss') : 0;");
            points = n instanceof Number num ? num.longValue() : 0;
            if (points >= wanted) {
                return points;
            }
            Thread.sleep(250);
        }
        return points;
    }

    private JsonNode awaitStoredEnd(String run, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode history = get("api/runs/" + run + "/history");
        while (!"finished".equals(history.path("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            history = get("api/runs/" + run + "/history");
        }
        return history;
    }

    private JsonNode awaitStatus(String run, String status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode r : get("api/runs")) {
                if (run.equals(r.path("run").asText())) {
                    last = r;
                    if (status.equals(r.path("status").asText())) {
                        return r;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("run " + run + " did not reach " + status + "; last seen " + last);
    }

    /** Polls the painted (non-white) pixels of the run's canvases under {@code selector} until {@code at least}. */
    private static long awaitPixels(ChromeDriver browser, String run, String selector, long atLeast, Duration timeout)
            throws InterruptedException {
        long pixels = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pixels < atLeast && System.nanoTime() < deadline) {
            Object n = ((JavascriptExecutor) browser).executeScript(
                    "return window.synlab ? window.synlab.rasterPixels(arguments[0], arguments[1]) : 0;", run, selector);
            pixels = n instanceof Number num ? num.longValue() : 0;
            Thread.sleep(250);
        }
        return pixels;
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path dir = Path.of(System.getProperty("synlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + path)).GET().build());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
