package org.synlab.host.internal.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.synlab.host.internal.PluginPart;

/** {@code plugins [--json]}: every live plugin part with the bundle it comes from. */
final class PluginsCommand implements Command {

    static final String JSON = "--json";

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String synopsis() {
        return "plugins [--json]";
    }

    @Override
    public String description() {
        return "list the live plugin parts: kind, name, bundle, version, description";
    }

    @Override
    public Action parse(List<String> args) throws UsageException {
        Arguments arguments = Arguments.parse(this, args, Set.of(JSON));
        if (arguments.wantsHelp()) {
            return Arguments.usage(this);
        }
        if (!arguments.positional().isEmpty()) {
            throw new UsageException("'plugins' takes no arguments, got '" + arguments.positional().getFirst() + "'");
        }
        boolean json = arguments.has(JSON);
        return context -> {
            List<PluginPart> parts = context.host().plugins().parts();
            if (json) {
                context.out().println(Json.line(parts.stream().map(PluginsCommand::toMap).toList()));
            } else if (parts.isEmpty()) {
                context.out().println("no plugin parts; drop plugin bundles into " + context.host().layout().bundlesDir());
            } else {
                TextTable table = new TextTable("KIND", "NAME", "BUNDLE", "VERSION", "DESCRIPTION");
                parts.forEach(p -> table.row(p.kind().label(), p.name(), p.bundleSymbolicName(), p.bundleVersion(),
                        p.description()));
                context.out().print(table);
            }
            return ExitCodes.OK;
        };
    }

    static Map<String, Object> toMap(PluginPart part) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", part.kind().label());
        map.put("name", part.name());
        map.put("bundle", part.bundleSymbolicName());
        map.put("version", part.bundleVersion());
        map.put("description", part.description());
        return map;
    }
}
