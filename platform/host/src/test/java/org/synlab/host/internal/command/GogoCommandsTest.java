package org.synlab.host.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.synlab.host.internal.DistributionLayout;
import org.synlab.host.internal.Host;
import org.synlab.host.internal.TestBundles;
import org.synlab.host.internal.store.StoreSettings;

/**
 * The synlab commands through Gogo's real command processor (found by name, as the host never
 * links to Gogo), without a terminal.
 */
class GogoCommandsTest {

    @TempDir
    Path temp;

    private Host host;
    private Object session;

    @BeforeEach
    void start() throws Exception {
        Path bundles = Files.createDirectories(temp.resolve("bundles"));
        TestBundles.probeBundle(bundles, "org.synlab.test.probe", "probe");
        host = Host.start(new Host.Options(new DistributionLayout(TestBundles.systemDir(), bundles), "",
                Duration.ofSeconds(10), StoreSettings.h2(temp.resolve("store"))));
        GogoCommands.register(host, new Commands().console());
        BundleContext context = host.context();
        ServiceReference<?> ref = context.getServiceReference("org.apache.felix.service.command.CommandProcessor");
        Object processor = context.getService(ref);
        Method create = processor.getClass().getMethod("createSession", InputStream.class, OutputStream.class,
                OutputStream.class);
        session = create.invoke(processor, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private Object execute(String line) throws Exception {
        Method execute = session.getClass().getMethod("execute", CharSequence.class);
        return execute.invoke(session, line);
    }

    @Test
    void pluginsCommandAnswersInTheSynlabScope() throws Exception {
        String table = (String) execute("synlab:plugins");
        assertTrue(table.startsWith("KIND"), table);
        assertTrue(table.contains("probe") && table.contains("org.synlab.test.probe"), table);
        String json = (String) execute("synlab:plugins --json");
        assertTrue(json.startsWith("[{\"kind\":\"backend\",\"name\":\"probe\""), json);
    }

    @Test
    void commandsWithoutArgumentsAndWithBadOnesAnswerAsText() throws Exception {
        assertEquals("no runs recorded yet; 'synlab run FILE' starts one", execute("synlab:runs"));
        assertTrue(((String) execute("synlab:run --bogus")).startsWith("synlab: unknown flag '--bogus' for 'run'"));
        assertEquals("synlab: no run 'r-00000000' in this host process", execute("synlab:stop r-00000000"));
        assertTrue(((String) execute("synlab:show r-00000000")).startsWith("synlab: no run 'r-00000000' in the run store"));
        assertEquals("synlab: unknown format 'xml'; expected csv or json", execute("synlab:export r-1 --format xml"));
        assertTrue(((String) execute("synlab:compare r-1")).startsWith("synlab: 'compare' takes two or more"));
    }
}
