package org.synlab.host;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.synlab.host.internal.DistributionLayout;
import org.synlab.host.internal.command.Cli;

/**
 * The Synlab host: {@code synlab <command> [arguments]}, see {@code synlab help}. Reads
 * {@code -Dsynlab.home} (the distribution, with its {@code system/} bundles) and
 * {@code -Dsynlab.bundles} (the plugin folder).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        boolean terminal = System.console() != null && System.console().isTerminal();
        int code = new Cli(out, err, DistributionLayout::fromSystemProperties, terminal).run(Arrays.asList(args));
        // the console and Vert.x leave threads behind that would keep the JVM alive
        System.exit(code);
    }
}
