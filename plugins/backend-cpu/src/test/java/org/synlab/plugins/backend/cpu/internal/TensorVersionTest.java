package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Distribution;
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/**
 * A tensor's version moves with every operation that writes it and with no operation that only reads
 * it: what the backend derives from a tensor's values (the sparse products' count of non-zeros) is
 * reused only while the version stands.
 */
class TensorVersionTest {

    private final CpuCompute compute = new CpuCompute(new ComputeConfig(2, 7L), closed -> { });

    @AfterEach
    void close() {
        compute.close();
    }

    @Test
    void everyWritingOperationMovesTheVersion() {
        Tensor t = compute.zeros(2, 2);
        Tensor other = compute.upload(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor row = compute.zeros(2);
        Tensor column = compute.zeros(2, 1);
        Kernel twice = compute.kernel(Expr.parse("2 * x"), "x");

        writes(t, x -> compute.upload(new float[] {5, 6, 7, 8}, 0, x));
        writes(t, x -> compute.fill(x, 1f));
        writes(t, x -> compute.copy(other, x));
        writes(t, x -> compute.gemm(false, false, 1f, other, other, 0f, x));
        writes(t, x -> compute.apply(twice, x, other));
        writes(t, x -> compute.apply(twice, x, x));
        writes(t, x -> compute.softmaxRows(other, x));
        writes(t, x -> compute.random(x, Distribution.UNIFORM, 0f, 1f, 3));
        writes(row, x -> compute.sumColumns(other, x));
        writes(row, x -> compute.sumRows(other, x));
        writes(column, x -> compute.sumRows(other, x));
    }

    @Test
    void readingLeavesTheVersion() {
        Tensor t = compute.upload(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor out = compute.zeros(2, 2);
        Kernel twice = compute.kernel(Expr.parse("2 * x"), "x");
        int before = version(t);

        compute.download(t);
        compute.sum(t);
        compute.copy(t, out);
        compute.gemm(true, false, 1f, t, t, 0f, out);
        compute.apply(twice, out, t);
        compute.softmaxRows(t, out);
        compute.sumColumns(t, compute.zeros(2));

        assertEquals(before, version(t));
    }

    private void writes(Tensor t, Consumer<Tensor> operation) {
        int before = version(t);
        operation.accept(t);
        assertEquals(before + 1, version(t), "one write, one step of the version");
    }

    private static int version(Tensor t) {
        return ((CpuTensor) t).version();
    }
}
