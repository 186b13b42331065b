package org.synlab.monitoring;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine without Chromium must fail the browser test with what to install, never skip it. */
class ChromiumTest {

    @Test
    void aMissingDriverFailsSayingWhatToInstall(@TempDir Path empty) {
        AssertionError e = assertThrows(AssertionError.class, () -> Chromium.locate("chromedriver", null, empty.toString(), "chromedriver"));
        assertTrue(e.getMessage().contains("apt-get install -y chromium chromium-driver"), e.getMessage());
        assertTrue(e.getMessage().contains("chromedriver is not on the PATH"), e.getMessage());
    }

    @Test
    void anExplicitPathThatIsNotAnExecutableFails(@TempDir Path dir) {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Chromium.locate("chromium", dir.resolve("nope").toString(), "", "chromium"));
        assertTrue(e.getMessage().contains("not an executable file"), e.getMessage());
    }
}
