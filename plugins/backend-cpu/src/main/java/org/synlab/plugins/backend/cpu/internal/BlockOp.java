package org.synlab.plugins.backend.cpu.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One instruction of a {@link BlockProgram}, applied to {@code n} consecutive elements at once. Its
 * operands are slots of an operand table: slot {@code s} is the array {@code arr[s]} from offset
 * {@code off[s]} (a scratch register, an input, a constant block or the output).
 *
 * <p>The semantics are those of {@link KernelCompiler}'s float nodes: float arithmetic, comparisons
 * giving 1 or 0, and functions such as exp computed as {@code (float) Math.exp(x)}. Those functions
 * are not taken from the Vector API because its versions differ from {@link Math} by an ulp and
 * differ between interpreted and compiled code, which would make results depend on JIT timing. The
 * vector operations used are exact in IEEE arithmetic, so they give the same bits in every tier.
 *
 * <p>Each constant holds its own loop with its operator written in: a shared loop taking the
 * operator as an argument is only fast where the JIT inlines it, and it does not inline a loop that
 * runs once per call. The last partial vector is done with a mask, so every element of a block goes
 * through the same lanewise operation.
 */
enum BlockOp {
    COPY(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            System.arraycopy(x, xo, y, yo, n);
        }
    },
    NEG(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.NEG).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.NEG).intoArray(y, yo + i, m);
            }
        }
    },
    ABS(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.ABS).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.ABS).intoArray(y, yo + i, m);
            }
        }
    },
    /** Vector square root is correctly rounded, as is the float cast of the double square root. */
    SQRT(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.SQRT).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.SQRT).intoArray(y, yo + i, m);
            }
        }
    },
    /** 1 where x is 0, else 0 (NaN counts as non-zero, as in Java). */
    NOT(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.EQ, 0f)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.EQ, 0f)).intoArray(y, yo + i, m);
            }
        }
    },
    EXP(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            for (int i = 0; i < n; i++) {
                y[yo + i] = (float) Math.exp(x[xo + i]);
            }
        }
    },
    LOG(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            for (int i = 0; i < n; i++) {
                y[yo + i] = (float) Math.log(x[xo + i]);
            }
        }
    },
    TANH(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            for (int i = 0; i < n; i++) {
                y[yo + i] = (float) Math.tanh(x[xo + i]);
            }
        }
    },
    SIN(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            for (int i = 0; i < n; i++) {
                y[yo + i] = (float) Math.sin(x[xo + i]);
            }
        }
    },
    COS(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            for (int i = 0; i < n; i++) {
                y[yo + i] = (float) Math.cos(x[xo + i]);
            }
        }
    },
    FLOOR(1) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            for (int i = 0; i < n; i++) {
                y[yo + i] = (float) Math.floor(x[xo + i]);
            }
        }
    },
    ADD(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.ADD, FloatVector.fromArray(S, z, zo + i)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.ADD, FloatVector.fromArray(S, z, zo + i, m)).intoArray(y, yo + i, m);
            }
        }
    },
    SUB(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.SUB, FloatVector.fromArray(S, z, zo + i)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.SUB, FloatVector.fromArray(S, z, zo + i, m)).intoArray(y, yo + i, m);
            }
        }
    },
    MUL(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.MUL, FloatVector.fromArray(S, z, zo + i)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.MUL, FloatVector.fromArray(S, z, zo + i, m)).intoArray(y, yo + i, m);
            }
        }
    },
    DIV(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.DIV, FloatVector.fromArray(S, z, zo + i)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.DIV, FloatVector.fromArray(S, z, zo + i, m)).intoArray(y, yo + i, m);
            }
        }
    },
    MIN(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.MIN, FloatVector.fromArray(S, z, zo + i)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.MIN, FloatVector.fromArray(S, z, zo + i, m)).intoArray(y, yo + i, m);
            }
        }
    },
    MAX(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.MAX, FloatVector.fromArray(S, z, zo + i)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                FloatVector.fromArray(S, x, xo + i, m).lanewise(VectorOperators.MAX, FloatVector.fromArray(S, z, zo + i, m)).intoArray(y, yo + i, m);
            }
        }
    },
    POW(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            for (int i = 0; i < n; i++) {
                y[yo + i] = (float) Math.pow(x[xo + i], z[zo + i]);
            }
        }
    },
    LT(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.LT, FloatVector.fromArray(S, z, zo + i))).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.LT, FloatVector.fromArray(S, z, zo + i, m))).intoArray(y, yo + i, m);
            }
        }
    },
    LE(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.LE, FloatVector.fromArray(S, z, zo + i))).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.LE, FloatVector.fromArray(S, z, zo + i, m))).intoArray(y, yo + i, m);
            }
        }
    },
    GT(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.GT, FloatVector.fromArray(S, z, zo + i))).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.GT, FloatVector.fromArray(S, z, zo + i, m))).intoArray(y, yo + i, m);
            }
        }
    },
    GE(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.GE, FloatVector.fromArray(S, z, zo + i))).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.GE, FloatVector.fromArray(S, z, zo + i, m))).intoArray(y, yo + i, m);
            }
        }
    },
    EQ(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.EQ, FloatVector.fromArray(S, z, zo + i))).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                ZERO.blend(ONE, FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.EQ, FloatVector.fromArray(S, z, zo + i, m))).intoArray(y, yo + i, m);
            }
        }
    },
    /** x != y is x == y negated, so NaN compares unequal as in Java. */
    NE(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                ONE.blend(ZERO, FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.EQ, FloatVector.fromArray(S, z, zo + i))).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                ONE.blend(ZERO, FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.EQ, FloatVector.fromArray(S, z, zo + i, m))).intoArray(y, yo + i, m);
            }
        }
    },
    AND(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                VectorMask<Float> p = FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.NE, 0f);
                VectorMask<Float> q = FloatVector.fromArray(S, z, zo + i).compare(VectorOperators.NE, 0f);
                ZERO.blend(ONE, p.and(q)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                VectorMask<Float> p = FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.NE, 0f);
                VectorMask<Float> q = FloatVector.fromArray(S, z, zo + i, m).compare(VectorOperators.NE, 0f);
                ZERO.blend(ONE, p.and(q)).intoArray(y, yo + i, m);
            }
        }
    },
    OR(2) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] z = arr[b];
            int zo = off[b];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                VectorMask<Float> p = FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.NE, 0f);
                VectorMask<Float> q = FloatVector.fromArray(S, z, zo + i).compare(VectorOperators.NE, 0f);
                ZERO.blend(ONE, p.or(q)).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                VectorMask<Float> p = FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.NE, 0f);
                VectorMask<Float> q = FloatVector.fromArray(S, z, zo + i, m).compare(VectorOperators.NE, 0f);
                ZERO.blend(ONE, p.or(q)).intoArray(y, yo + i, m);
            }
        }
    },
    /** condition ? then : otherwise, with both branches already evaluated (they have no effects). */
    SELECT(3) {
        @Override
        void run(float[][] arr, int[] off, int d, int a, int b, int c, int n) {
            float[] x = arr[a];
            int xo = off[a];
            float[] y = arr[d];
            int yo = off[d];
            float[] t = arr[b];
            int to = off[b];
            float[] e = arr[c];
            int eo = off[c];
            int i = 0;
            for (int bound = S.loopBound(n); i < bound; i += L) {
                VectorMask<Float> otherwise = FloatVector.fromArray(S, x, xo + i).compare(VectorOperators.EQ, 0f);
                FloatVector.fromArray(S, t, to + i).blend(FloatVector.fromArray(S, e, eo + i), otherwise).intoArray(y, yo + i);
            }
            if (i < n) {
                VectorMask<Float> m = S.indexInRange(i, n);
                VectorMask<Float> otherwise = FloatVector.fromArray(S, x, xo + i, m).compare(VectorOperators.EQ, 0f);
                FloatVector.fromArray(S, t, to + i, m).blend(FloatVector.fromArray(S, e, eo + i, m), otherwise).intoArray(y, yo + i, m);
            }
        }
    };

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    private final int arity;

    BlockOp(int arity) {
        this.arity = arity;
    }

    int arity() {
        return arity;
    }

    /** arr[d][off[d] + i] = op(arr[a][off[a] + i], ...) for i in [0, n); the destination may be an operand. */
    abstract void run(float[][] arr, int[] off, int d, int a, int b, int c, int n);
}
