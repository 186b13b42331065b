package org.synlab.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.synlab.monitoring.TestSupport.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.synlab.monitoring.internal.BinaryFrames;

/**
 * The page in a real headless Chromium, fed by real bus events: the runs table, growing curves that
 * keep their zoom, the spike raster and receptive fields drawn from binary frames, and the stop
 * button's answer. Saves a screenshot under {@code target/screenshots/}.
 */
class DashboardBrowserTest {

    private static Vertx vertx;
    private static Dashboard dashboard;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        dashboard = await(Dashboard.start(vertx, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        // Vert.x copies class-path files to its cache on first use; on a loaded CI machine with cold disk
        // caches that first hit took over 10 s and the browser's page load timed out behind it
        for (String file : new String[] {"", "app.js", "style.css", "vendor/uplot/dist/uPlot.iife.min.js", "vendor/uplot/dist/uPlot.min.css"}) {
            assertEquals(200, TestSupport.get(dashboard.url() + file).statusCode(), file);
        }
        browser = Chromium.start();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            await(dashboard.close());
        }
        if (vertx != null) {
            await(vertx.close());
        }
    }

    @Test
    void thePageShowsRunsCurvesRastersAndFieldsAsEventsArrive() throws Exception {
        EventBus bus = vertx.eventBus();
        String mnist = "mnist-1";
        String stdp = "stdp-1";
        browser.get(dashboard.url());
        until("the live feed", () -> "live".equals(browser.findElement(By.id("connection")).getText()));

        TestSupport.started(bus, mnist, "experiments/mnist-mlp.yaml");
        until("the run's row", () -> statusOf(mnist).equals("running"));
        assertEquals("experiments/mnist-mlp.yaml", cell(mnist, "experiment"));

        // the same element throughout: rows are updated in place, so a click on Stop is not lost to a re-render
        WebElement row = browser.findElement(By.cssSelector("tr[data-run='mnist-1']"));
        int epochs = 20;
        for (int e = 1; e <= 10; e++) {
            TestSupport.progress(bus, mnist, e, epochs, 2.3 * Math.exp(-e / 6.0), 1 - 0.9 * Math.exp(-e / 5.0));
        }
        until("10 points on the loss curve", () -> points("train.loss") == 10);
        until("10 points on the accuracy curve", () -> points("train.accuracy") == 10);

        // zoom on epochs 2..6 by dragging over the chart, as a user would
        WebElement over = browser.findElement(By.cssSelector(".chart[data-metric='train.loss'] .u-over"));
        int w = over.getSize().getWidth();
        new Actions(browser).moveToElement(over, -w / 2 + w / 10, 0).clickAndHold()
                .moveByOffset(w * 4 / 10, 0).release().perform();
        until("the zoom", () -> Boolean.TRUE.equals(browser.executeScript("return window.synlab.zoomed('train.loss')")));
        JsonArray zoom = xScale();

        for (int e = 11; e <= epochs; e++) {
            TestSupport.progress(bus, mnist, e, epochs, 2.3 * Math.exp(-e / 6.0), 1 - 0.9 * Math.exp(-e / 5.0));
        }
        until("20 points on the loss curve", () -> points("train.loss") == 20);
        assertEquals(zoom, xScale(), "the zoom moved while points arrived");
        assertEquals(mnist, row.getDomAttribute("data-run"), "the row was replaced instead of updated");
        until("the last loss in the table", () -> cell(mnist, "loss")
                .startsWith(String.format("%.4g", 2.3 * Math.exp(-epochs / 6.0)).substring(0, 4)));

        // a spiking run: spikes in the JSON form and in the binary form, weights as 28x28 receptive fields
        TestSupport.started(bus, stdp, "experiments/diehl-cook.yaml");
        until("the spiking run's row", () -> statusOf(stdp).equals("running"));
        SplittableRandom random = new SplittableRandom(1);
        for (int step = 0; step < 1000; step += 100) {
            JsonArray steps = new JsonArray();
            JsonArray neurons = new JsonArray();
            for (int k = 0; k < 400; k++) {
                steps.add(step + random.nextInt(100));
                neurons.add(random.nextInt(100));
            }
            JsonObject frame = new JsonObject().put("population", "exc").put("size", 100).put("dt", 0.5)
                    .put("steps", steps).put("neurons", neurons);
            if (step % 200 == 0) {
                bus.publish(Dashboard.spikesAddress(stdp), frame);
            } else {
                Buffer bytes = BinaryFrames.spikes(stdp, frame);
                bus.publish(Dashboard.spikesAddress(stdp), bytes);
            }
        }
        JsonArray weights = new JsonArray();
        for (int n = 0; n < 16; n++) {
            for (int p = 0; p < 784; p++) {
                int x = p % 28;
                int y = p / 28;
                weights.add(Math.exp(-((x - 14) * (x - 14) + (y - 14 + n - 8) * (y - 14 + n - 8)) / 30.0));
            }
        }
        bus.publish(Dashboard.weightsAddress(stdp), new JsonObject().put("projection", "input-exc").put("step", 1000)
                .put("rows", 16).put("cols", 784).put("width", 28).put("values", weights));
        // a later snapshot, in the binary form, with the weights grown: the histogram over time gets a second column
        JsonArray grown = new JsonArray();
        weights.forEach(v -> grown.add(((Number) v).doubleValue() * 1.5));
        bus.publish(Dashboard.weightsAddress(stdp), BinaryFrames.weights(stdp, new JsonObject().put("projection", "input-exc")
                .put("step", 2000).put("rows", 16).put("cols", 784).put("width", 28).put("values", grown)));

        // membrane traces of two recorded neurons, 200 steps in two frames
        for (int frame = 0; frame < 2; frame++) {
            JsonArray v0 = new JsonArray();
            JsonArray v1 = new JsonArray();
            for (int j = 0; j < 100; j++) {
                v0.add(-65 + 10 * Math.sin((frame * 100 + j) / 10.0));
                v1.add(-70 + (j % 25) * 0.8);
            }
            bus.publish(Dashboard.tracesAddress(stdp), new JsonObject().put("population", "exc").put("variable", "v")
                    .put("step", frame * 100).put("dt", 0.5).put("neurons", new JsonArray().add(3).add(42))
                    .put("values", new JsonArray().add(v0).add(v1)));
        }
        until("200 trace samples", () -> ((Number) browser.executeScript("return window.synlab.tracePoints('stdp-1/exc.v')")).longValue() == 200);

        until("the raster to draw", () -> ((Number) browser.executeScript("return window.synlab.rasterPixels('stdp-1')")).longValue() > 500);
        until("the receptive fields", () -> !browser.findElements(By.cssSelector("#fields canvas[data-run='stdp-1']")).isEmpty());
        Number fieldPixels = (Number) browser.executeScript(
                "const c = document.querySelector(\"#fields canvas[data-run='stdp-1']\");"
                        + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + "let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 128) n++; return n;");
        assertTrue(fieldPixels.longValue() > 1000, "receptive fields look blank: " + fieldPixels);
        until("the second weight snapshot", () -> browser.findElement(By.cssSelector("#histograms .caption")).getText().contains("steps 1000–2000"));
        assertTrue(((Number) browser.executeScript("return window.synlab.rasterPixels('stdp-1', '#histograms canvas')")).longValue() > 500,
                "the weight histogram over time looks blank");
        assertEquals("0.2500", cell(mnist, "step-time"));

        // stop: nothing handles synlab.runs.stop in this test, and the page must say so
        browser.findElement(By.cssSelector("tr[data-run='stdp-1'] button.stop")).click();
        until("the stop answer", () -> browser.findElement(By.id("control-message")).getText().contains("nothing handles synlab.runs.stop"));

        TestSupport.finished(bus, mnist, "experiments/mnist-mlp.yaml", "completed");
        until("the finished status", () -> statusOf(mnist).equals("completed"));
        assertTrue(browser.findElements(By.cssSelector("tr[data-run='mnist-1'] button.stop")).isEmpty(), "a finished run has no stop button");

        Path dir = Path.of(System.getProperty("synlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path shot = dir.resolve("dashboard.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(shot) > 10_000, "the screenshot is suspiciously small");
    }

    @Test
    void aTabOpenedMidRunGetsTheWholeCurveFromTheHistory() throws Exception {
        EventBus bus = vertx.eventBus();
        TestSupport.started(bus, "late-1", "experiments/late.yaml");
        for (int e = 1; e <= 30; e++) {
            TestSupport.progress(bus, "late-1", e, 40, 1.0 / e, 0.5);
        }
        // a fresh tab, opened after the 30 points were published
        browser.get(dashboard.url());
        until("the late run's row", () -> statusOf("late-1").equals("running"));
        until("the whole history", () -> points("train.loss") >= 30);
        TestSupport.progress(bus, "late-1", 31, 40, 1.0 / 31, 0.5);
        until("the next live point", () -> points("train.loss") >= 31);
    }

    private static String statusOf(String run) {
        return cell(run, "status");
    }

    /** A cell's text read in one script call, so a re-render between finding and reading cannot make it stale. */
    private static String cell(String run, String cls) {
        return (String) browser.executeScript("const td = document.querySelector(\"tr[data-run='\" + arguments[0] + \"'] td.\" + arguments[1]);"
                + " return td ? td.textContent : '';", run, cls);
    }

    private static long points(String metric) {
        return ((Number) browser.executeScript("return window.synlab.pointCount(arguments[0])", metric)).longValue();
    }

    private static JsonArray xScale() {
        Object v = browser.executeScript("const u = window.synlab.state.charts.get('train.loss').u; return [u.scales.x.min, u.scales.x.max];");
        return new JsonArray(v.toString().replace("[", "[").replace("]", "]"));
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(what).until(d -> condition.getAsBoolean());
    }
}
