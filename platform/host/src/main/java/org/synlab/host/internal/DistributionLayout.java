package org.synlab.host.internal;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where the host finds its bundles: {@code system/} (infrastructure bundles) under the
 * distribution home, and the hot-deploy folder of plugin bundles.
 *
 * @param systemDir  the infrastructure bundles (SCR, FileInstall, Gogo, JLine)
 * @param bundlesDir the plugin bundles FileInstall watches
 */
public record DistributionLayout(Path systemDir, Path bundlesDir) {

    /** The distribution home, {@code <dist>}. */
    public static final String HOME_PROPERTY = "synlab.home";
    /** The hot-deploy folder; defaults to {@code <home>/bundles}. */
    public static final String BUNDLES_PROPERTY = "synlab.bundles";

    public DistributionLayout {
        systemDir = systemDir.toAbsolutePath().normalize();
        bundlesDir = bundlesDir.toAbsolutePath().normalize();
    }

    /**
     * From {@code -Dsynlab.home} and {@code -Dsynlab.bundles}; without a home, the folder above the
     * jar this class was loaded from ({@code <dist>/lib/synlab-host.jar} gives {@code <dist>}).
     */
    public static DistributionLayout fromSystemProperties() {
        String home = System.getProperty(HOME_PROPERTY);
        Path homeDir = home != null && !home.isBlank() ? Path.of(home) : homeFromCodeSource();
        String bundles = System.getProperty(BUNDLES_PROPERTY);
        Path bundlesDir = bundles != null && !bundles.isBlank() ? Path.of(bundles) : homeDir.resolve("bundles");
        return new DistributionLayout(homeDir.resolve("system"), bundlesDir);
    }

    private static Path homeFromCodeSource() {
        CodeSource source = DistributionLayout.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where the host was started from; set -D" + HOME_PROPERTY);
        }
        try {
            Path location = Path.of(source.getLocation().toURI()).toAbsolutePath();
            // <dist>/lib/synlab-host.jar -> <dist>; a classes folder (IDE, tests) -> its parent
            Path parent = Files.isRegularFile(location) ? location.getParent() : location;
            return parent.getParent() == null ? parent : parent.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the host was started from; set -D" + HOME_PROPERTY, e);
        }
    }
}
