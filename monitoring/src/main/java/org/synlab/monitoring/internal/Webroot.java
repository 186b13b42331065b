package org.synlab.monitoring.internal;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The page and its one library: {@code webroot/} from this jar at {@code /}, and uPlot from its
 * WebJar at {@code /vendor/uplot/}. Everything comes from the class path, so the page works with no
 * network and no build step.
 */
final class Webroot {

    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private Webroot() {
    }

    static void mount(Router router) {
        router.route("/vendor/uplot/*").handler(StaticHandler.create("META-INF/resources/webjars/uplot/" + uplotVersion())
                .setCachingEnabled(true));
        // the page changes with the jar; a stale cached app.js against a newer server would confuse
        router.route("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false).setIndexPage("index.html"));
    }

    /** The WebJar's folder is named by its version; read it from the jar, so an upgrade is only a pom change. */
    static String uplotVersion() {
        try (InputStream in = Webroot.class.getClassLoader().getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("uPlot's WebJar (org.webjars.npm:uplot) is not on the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + UPLOT_POM + ": " + e.getMessage(), e);
        }
    }
}
