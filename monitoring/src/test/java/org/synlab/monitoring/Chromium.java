package org.synlab.monitoring;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through Debian's chromedriver. Both are found on the PATH (or given
 * with {@code -Dwebdriver.chrome.driver} and {@code -Dsynlab.chromium}); nothing is downloaded, and a
 * missing one fails the test with what to install instead of skipping it.
 */
public final class Chromium {

    public static final String INSTALL = "install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)";

    private Chromium() {
    }

    public static ChromeDriver start() {
        String path = System.getenv("PATH");
        Path driver = locate("chromedriver", System.getProperty("webdriver.chrome.driver"), path, "chromedriver");
        Path browser = locate("chromium", System.getProperty("synlab.chromium"), path, "chromium", "chromium-browser");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // --no-sandbox: CI containers run as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1300,2400", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The executable given explicitly, else the first of {@code names} on {@code pathEnv}; fails saying what to install. */
    static Path locate(String what, String explicit, String pathEnv, String... names) {
        if (explicit != null) {
            Path p = Path.of(explicit);
            if (!Files.isExecutable(p)) {
                throw new AssertionError(what + " was given as " + explicit + ", which is not an executable file: " + INSTALL);
            }
            return p;
        }
        for (String name : names) {
            Optional<Path> found = onPath(name, pathEnv);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new AssertionError(what + " is not on the PATH (looked for " + String.join(", ", names) + "): " + INSTALL);
    }

    private static Optional<Path> onPath(String name, String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }
}
