package org.synlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.synlab.api.Backend;
import org.synlab.api.Dataset;
import org.synlab.api.LearningRule;
import org.synlab.api.Loss;
import org.synlab.api.NeuronModel;
import org.synlab.api.Plugin;

/**
 * The shipped plugin parts as Declarative Services would create them, without a framework: reads
 * each bundle's {@code Service-Component} header and component XML from the test class path and
 * instantiates the implementation classes. Lets engine tests use every real part by name.
 */
public final class ShippedPlugins {

    private static final Pattern IMPLEMENTATION = Pattern.compile("<implementation\\s+class=\"([^\"]+)\"");

    private final List<Plugin> parts = new ArrayList<>();

    public ShippedPlugins() {
        try {
            ClassLoader loader = ShippedPlugins.class.getClassLoader();
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                Manifest manifest;
                try (InputStream in = manifests.nextElement().openStream()) {
                    manifest = new Manifest(in);
                }
                String components = manifest.getMainAttributes().getValue("Service-Component");
                if (components == null) {
                    continue;
                }
                for (String xml : components.split(",")) {
                    URL resource = loader.getResource(xml.trim());
                    if (resource == null) {
                        continue;
                    }
                    String text;
                    try (InputStream in = resource.openStream()) {
                        text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                    Matcher m = IMPLEMENTATION.matcher(text);
                    if (m.find()) {
                        Object instance = Class.forName(m.group(1)).getConstructor().newInstance();
                        if (instance instanceof Plugin p) {
                            parts.add(p);
                        }
                    }
                }
            }
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the shipped plugins from the test class path", e);
        }
    }

    public <T extends Plugin> Map<String, T> byName(Class<T> kind) {
        Map<String, T> out = new LinkedHashMap<>();
        for (Plugin p : parts) {
            if (kind.isInstance(p)) {
                out.put(p.name(), kind.cast(p));
            }
        }
        return out;
    }

    public RunExecutor executor() {
        return new RunExecutor(byName(Backend.class), byName(NeuronModel.class), byName(LearningRule.class),
                byName(Loss.class), byName(Dataset.class));
    }
}
