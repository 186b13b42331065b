package org.synlab.plugins.datasets.toy.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The Boolean functions the {@code logic-gates} dataset can tabulate. */
public enum LogicGate {
    AND {
        @Override
        public boolean apply(boolean a, boolean b) {
            return a && b;
        }
    },
    OR {
        @Override
        public boolean apply(boolean a, boolean b) {
            return a || b;
        }
    },
    NAND {
        @Override
        public boolean apply(boolean a, boolean b) {
            return !(a && b);
        }
    },
    NOR {
        @Override
        public boolean apply(boolean a, boolean b) {
            return !(a || b);
        }
    },
    XOR {
        @Override
        public boolean apply(boolean a, boolean b) {
            return a ^ b;
        }
    },
    XNOR {
        @Override
        public boolean apply(boolean a, boolean b) {
            return a == b;
        }
    },
    /** NOT of the first input; the second input is ignored. */
    NOT {
        @Override
        public boolean apply(boolean a, boolean b) {
            return !a;
        }
    };

    public abstract boolean apply(boolean a, boolean b);

    /** The name used in the {@code gates} parameter. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** All names, for error messages and documentation. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(LogicGate::id).toList();
    }

    /** The gate called {@code id}, or {@code null}. */
    public static LogicGate byId(String id) {
        for (LogicGate gate : values()) {
            if (gate.id().equals(id)) {
                return gate;
            }
        }
        return null;
    }
}
