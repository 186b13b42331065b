package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.synlab.api.expr.Expr;

class KernelCompilerTest {

    @Test
    void subtreesWithoutInputsAreFolded() {
        FloatNode root = KernelCompiler.compile(Expr.parse("2 ^ 3 + exp(0) * 2")).root();
        assertEquals(new Constant(10f), root);
    }

    @Test
    void knownConditionKeepsOnlyItsBranch() {
        FloatNode root = KernelCompiler.compile(Expr.parse("1 < 2 ? 5 : x"), "x").root();
        assertEquals(new Constant(5f), root);
    }

    @Test
    void foldingUsesFloatArithmetic() {
        // 0.1 + 0.2 in float differs from the double sum rounded to float
        FloatNode root = KernelCompiler.compile(Expr.parse("0.1 + 0.2")).root();
        assertInstanceOf(Constant.class, root);
        assertEquals(0.1f + 0.2f, root.eval(new float[0]));
    }
}
