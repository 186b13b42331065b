package org.synlab.host.internal.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the run store lives, and whether there is one.
 *
 * <ul>
 *   <li>{@code -Dsynlab.store=on|off} (or the environment variable {@code SYNLAB_STORE}): {@code off}
 *       records nothing, for measuring the store's cost or for throw-away runs;</li>
 *   <li>{@code -Dsynlab.store.url=JDBC-URL}: any database with a JDBC driver on the host class path,
 *       e.g. {@code jdbc:postgresql://db/synlab?user=synlab&password=...} with the PostgreSQL driver
 *       jar added to the distribution's {@code lib/};</li>
 *   <li>default: an H2 file, {@code <synlab.data>/store/runs.mv.db}, where {@code synlab.data} is the
 *       launcher's data directory ({@code SYNLAB_DATA}, default {@code ~/.synlab}).</li>
 * </ul>
 *
 * @param enabled false when the store is switched off
 * @param url     the JDBC URL; null when disabled
 */
public record StoreSettings(boolean enabled, String url) {

    public static final String STORE_PROPERTY = "synlab.store";
    public static final String STORE_ENV = "SYNLAB_STORE";
    public static final String URL_PROPERTY = "synlab.store.url";
    public static final String DATA_PROPERTY = "synlab.data";

    public StoreSettings {
        if (enabled && (url == null || url.isBlank())) {
            throw new IllegalArgumentException("the run store needs a JDBC URL");
        }
    }

    public static StoreSettings off() {
        return new StoreSettings(false, null);
    }

    /**
     * An H2 database file in {@code dir}. AUTO_SERVER lets a second Synlab process (say
     * {@code ./synlab runs} next to a running {@code ./synlab serve}) share the file: the first
     * process serves it to the others over a local socket, and another takes over when it exits.
     */
    public static StoreSettings h2(Path dir) {
        Path file = dir.toAbsolutePath().normalize().resolve("runs");
        return new StoreSettings(true, "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE");
    }

    /** From the system properties and environment, as the launcher sets them. */
    public static StoreSettings fromSystemProperties() {
        String switched = System.getProperty(STORE_PROPERTY);
        if (switched == null || switched.isBlank()) {
            switched = System.getenv(STORE_ENV);
        }
        if (switched != null && !switched.isBlank()) {
            switch (switched.strip().toLowerCase(Locale.ROOT)) {
                case "off", "false", "no", "0" -> {
                    return off();
                }
                case "on", "true", "yes", "1" -> {
                    // recorded as usual
                }
                default -> throw new IllegalArgumentException("-D" + STORE_PROPERTY + " (or " + STORE_ENV
                        + ") is '" + switched + "'; expected on or off");
            }
        }
        String url = System.getProperty(URL_PROPERTY);
        if (url != null && !url.isBlank()) {
            return new StoreSettings(true, url.strip());
        }
        return h2(dataDirectory().resolve("store"));
    }

    /** {@code -Dsynlab.data}, else {@code ~/.synlab}: where datasets are cached too. */
    static Path dataDirectory() {
        String root = System.getProperty(DATA_PROPERTY);
        if (root == null || root.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".synlab");
        }
        String path = root.strip();
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path);
    }

    /** For messages: the URL without anything after {@code ;} or {@code ?} (options, credentials). */
    public String describe() {
        if (!enabled) {
            return "off";
        }
        int cut = url.length();
        for (char c : new char[] {';', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return url.substring(0, cut);
    }
}
