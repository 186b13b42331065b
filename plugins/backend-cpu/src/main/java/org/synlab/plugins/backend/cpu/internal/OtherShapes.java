package org.synlab.plugins.backend.cpu.internal;

import org.synlab.api.Distribution;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * Products and kernels of other shapes than {@link ImageStep}'s, for {@link KernelWarmup}: the wide and narrow
 * micro-kernels with edge tiles, both transposes, a strip of columns that is not full, and the elementwise
 * operators other networks use (sigmoid, cross-entropy's logarithm).
 */
final class OtherShapes {

    private final CpuCompute c;
    private final Tensor a;
    private final Tensor b;
    private final Tensor ab;
    private final Tensor narrowB;
    private final Tensor narrowC;
    private final Tensor dw;
    private final Tensor bias;
    private final Tensor scalar;
    private final Tensor sparse;
    private final Tensor wideB;
    private final Tensor wideC;
    private final Tensor wideDw;
    private final Kernel addBias;
    private final Kernel[] kernels;

    OtherShapes(CpuCompute c) {
        this.c = c;
        a = c.zeros(40, 300);
        b = c.zeros(300, 72);
        ab = c.zeros(40, 72);
        narrowB = c.zeros(300, 10);
        narrowC = c.zeros(40, 10);
        dw = c.zeros(300, 72);
        bias = c.zeros(72);
        scalar = c.zeros(1);
        c.random(a, Distribution.UNIFORM, -1f, 1f, 1);
        c.random(b, Distribution.UNIFORM, -1f, 1f, 2);
        c.random(narrowB, Distribution.UNIFORM, -1f, 1f, 4);
        c.fill(scalar, 0.5f);
        // mostly zeros, with b wide enough for a full strip of columns and a partial one
        sparse = c.zeros(40, 300);
        wideB = c.zeros(300, 136);
        wideC = c.zeros(40, 136);
        wideDw = c.zeros(300, 136);
        c.random(sparse, Distribution.UNIFORM, -4f, 1f, 5);
        c.random(wideB, Distribution.UNIFORM, -1f, 1f, 6);
        addBias = c.kernel(Expr.parse("z + b"), "z", "b");
        kernels = new Kernel[] {
                c.kernel(Expr.parse("x > 0 ? x : 0"), "x"),
                c.kernel(Expr.parse("x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))"), "x"),
                c.kernel(Expr.parse("-t * log(clip(x, 1e-7, 1))"), "x", "t"),
                c.kernel(Expr.parse("(x - t) * s"), "x", "t", "s"),
        };
        c.apply(kernels[0], sparse, sparse); // ReLU: 20% of the values stay
    }

    void run() {
        c.gemm(false, false, 1f, sparse, wideB, 0f, wideC);
        c.gemm(true, false, 1f, sparse, wideC, 0f, wideDw);
        c.gemm(false, false, 1f, a, b, 0f, ab);
        c.gemm(true, false, 1f, a, ab, 0f, dw);
        c.gemm(false, true, 1f, ab, b, 0f, a);
        c.gemm(false, false, 1f, a, narrowB, 0f, narrowC);
        c.apply(addBias, ab, ab, bias);
        for (Kernel kernel : kernels) {
            Tensor[] inputs = new Tensor[kernel.inputs().size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = kernel.inputs().get(i).equals("s") ? scalar : ab;
            }
            c.apply(kernel, ab, inputs);
        }
        c.fill(ab, 0.25f); // keep the values tame: the products above would grow without bound
        c.sumColumns(ab, bias);
        c.softmaxRows(narrowC, narrowC);
    }
}
