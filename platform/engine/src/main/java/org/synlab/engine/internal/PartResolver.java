package org.synlab.engine.internal;

import java.util.Map;
import java.util.TreeSet;
import org.synlab.api.ParameterException;
import org.synlab.api.Params;
import org.synlab.api.Plugin;
import org.synlab.engine.BadInputException;
import org.synlab.engine.PartKind;
import org.synlab.engine.internal.Node.PartSpec;

/** Looks plugin names up among the live parts and validates their parameters against their schemas. */
public final class PartResolver {

    private PartResolver() {
    }

    /** A part found by name, with its validated parameters. */
    public record Resolved<T extends Plugin>(T part, Params params) {
    }

    public static <T extends Plugin> Resolved<T> resolve(PartSpec spec, PartKind kind, Map<String, T> available)
            throws BadInputException {
        T part = available.get(spec.name());
        if (part == null) {
            String known = available.isEmpty() ? "none is installed" : "known: " + String.join(", ", new TreeSet<>(available.keySet()));
            throw spec.node().error("unknown " + kind.label() + " '" + spec.name() + "'; " + known);
        }
        return new Resolved<>(part, validate(spec, part));
    }

    static Params validate(PartSpec spec, Plugin part) throws BadInputException {
        try {
            return part.parameters().validate(spec.params());
        } catch (ParameterException e) {
            throw new BadInputException(spec.node().file(), spec.paramPath(e.key()),
                    e.getMessage() + " (" + spec.name() + ")");
        }
    }

    /** Narrows a part to the sub-interface an experiment needs, or says what it is instead. */
    static <T> T require(Resolved<?> resolved, Class<T> type, PartSpec spec, String expected) throws BadInputException {
        if (!type.isInstance(resolved.part())) {
            throw spec.node().error("'" + spec.name() + "' is not " + expected);
        }
        return type.cast(resolved.part());
    }
}
