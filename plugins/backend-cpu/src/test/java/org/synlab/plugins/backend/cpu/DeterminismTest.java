package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.synlab.api.Compute;
import org.synlab.api.Distribution;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;

/** The same work on one thread and on several must give the same float bits. */
class DeterminismTest {

    @ParameterizedTest(name = "1 thread vs {0}")
    @ValueSource(ints = {2, 3})
    void largeOperationsGiveIdenticalBits(int threads) {
        Results single = workload(1);
        Results multi = workload(threads);
        assertEquals(single.tensors().size(), multi.tensors().size());
        for (int i = 0; i < single.tensors().size(); i++) {
            assertArrayEquals(TestData.bits(single.tensors().get(i)), TestData.bits(multi.tensors().get(i)), "tensor " + i);
        }
        assertEquals(Double.doubleToRawLongBits(single.sum()), Double.doubleToRawLongBits(multi.sum()), "sum");
    }

    private record Results(List<float[]> tensors, double sum) {
    }

    /** Every operation that runs in parallel, on sizes large enough to be split into many tasks. */
    private static Results workload(int threads) {
        List<float[]> results = new ArrayList<>();
        try (Compute compute = TestData.open(threads, 2024L)) {
            int m = 301;
            int k = 203;
            int n = 257;
            Tensor a = compute.zeros(m, k);
            Tensor at = compute.zeros(k, m);
            Tensor b = compute.zeros(k, n);
            Tensor bt = compute.zeros(n, k);
            compute.random(a, Distribution.NORMAL, 0f, 1f, 1L);
            compute.random(at, Distribution.NORMAL, 0f, 1f, 2L);
            compute.random(b, Distribution.UNIFORM, -1f, 1f, 3L);
            compute.random(bt, Distribution.UNIFORM, -1f, 1f, 4L);
            Tensor c = compute.zeros(m, n);
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    compute.gemm(ta, tb, 0.7f, ta ? at : a, tb ? bt : b, 0.3f, c);
                    results.add(compute.download(c));
                }
            }

            int rows = 1500;
            int cols = 700;
            Tensor x = compute.zeros(rows, cols);
            Tensor bias = compute.zeros(cols);
            compute.random(x, Distribution.NORMAL, 0f, 3f, 5L);
            compute.random(bias, Distribution.UNIFORM, -1f, 1f, 6L);
            results.add(compute.download(x));

            compute.apply(compute.kernel(Expr.parse("tanh(x + b) * 0.5 + exp(-x * x)"), "x", "b"), x, x, bias);
            results.add(compute.download(x));

            Tensor colSums = compute.zeros(cols);
            Tensor rowSums = compute.zeros(rows);
            compute.sumColumns(x, colSums);
            compute.sumRows(x, rowSums);
            results.add(compute.download(colSums));
            results.add(compute.download(rowSums));
            double sum = compute.sum(x);

            Tensor probabilities = compute.zeros(rows, cols);
            compute.softmaxRows(x, probabilities);
            results.add(compute.download(probabilities));
            return new Results(results, sum);
        }
    }
}
