package org.synlab.plugins.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synlab.api.Compute;
import org.synlab.api.Tensor;

/**
 * The packed GEMM's edges: dimensions around the vector length, the 8-row and two-vector tile, the
 * 64-row task, the 256-step inner block, the narrow path for up to one vector of columns, and every
 * transpose; then bit-for-bit agreement between thread counts on sizes that run in parallel.
 */
class GemmTilingTest {

    private static final int LANES = FloatVector.SPECIES_PREFERRED.length();

    private final Compute compute = TestData.open(2);

    @AfterEach
    void close() {
        compute.close();
    }

    static Stream<Arguments> tileEdges() {
        int[] ms = {1, 7, 8, 9, 63, 64, 65, 130};
        int[] ns = {LANES - 1, LANES, LANES + 1, 2 * LANES - 1, 2 * LANES, 2 * LANES + 1, 4 * LANES + 3, 130};
        int[] ks = {1, 5, 255, 256, 257, 600};
        List<Arguments> out = new ArrayList<>();
        int i = 0;
        for (int m : ms) {
            for (int n : ns) {
                // every transpose for every (m, n); k cycles so each inner-block edge meets each tile edge
                int k = ks[i++ % ks.length];
                for (int t = 0; t < 4; t++) {
                    out.add(Arguments.of(m, n, k, (t & 1) != 0, (t & 2) != 0));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("tileEdges")
    void tileEdgesMatchTheReference(int m, int n, int k, boolean ta, boolean tb) {
        check(m, n, k, ta, tb, 0.75f, 0.5f);
    }

    static Stream<Arguments> narrowColumns() {
        List<Arguments> out = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            out.add(Arguments.of(n, (n & 1) != 0, (n & 2) != 0));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "n={0} transA={1} transB={2}")
    @MethodSource("narrowColumns")
    void narrowOutputsMatchTheReference(int n, boolean ta, boolean tb) {
        check(67, n, 130, ta, tb, 1f, 0f);
        check(9, n, 3, !ta, !tb, -2f, 1f);
    }

    static Stream<Arguments> parallelShapes() {
        return Stream.of(
                Arguments.of(64, 128, 784, false, false), Arguments.of(784, 128, 64, true, false),
                Arguments.of(64, 784, 128, false, true), Arguments.of(200, 10, 1100, true, true),
                Arguments.of(131, 97, 530, false, false));
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("parallelShapes")
    void threadCountDoesNotChangeABit(int m, int n, int k, boolean ta, boolean tb) {
        float[] single = product(1, m, n, k, ta, tb);
        for (int threads : new int[] {2, 3}) {
            assertArrayEquals(TestData.bits(single), TestData.bits(product(threads, m, n, k, ta, tb)), threads + " threads");
        }
    }

    private void check(int m, int n, int k, boolean ta, boolean tb, float alpha, float beta) {
        float[] a = TestData.randomFloats(m * k, 11 + m * 131L + k);
        float[] b = TestData.randomFloats(k * n, 12 + n * 131L + k);
        float[] c0 = TestData.randomFloats(m * n, 13 + m + n);
        Tensor tc = compute.upload(c0, m, n);
        compute.gemm(ta, tb, alpha, compute.upload(a, ta ? new int[] {k, m} : new int[] {m, k}),
                compute.upload(b, tb ? new int[] {n, k} : new int[] {k, n}), beta, tc);
        GemmTest.assertClose(GemmTest.reference(ta, tb, alpha, a, b, beta, c0, m, n, k), compute.download(tc));
    }

    private static float[] product(int threads, int m, int n, int k, boolean ta, boolean tb) {
        try (Compute c = TestData.open(threads)) {
            Tensor a = c.upload(TestData.randomFloats(m * k, 21), ta ? new int[] {k, m} : new int[] {m, k});
            Tensor b = c.upload(TestData.randomFloats(k * n, 22), tb ? new int[] {n, k} : new int[] {k, n});
            Tensor out = c.upload(TestData.randomFloats(m * n, 23), m, n);
            c.gemm(ta, tb, 0.5f, a, b, 0.25f, out);
            return c.download(out);
        }
    }
}
