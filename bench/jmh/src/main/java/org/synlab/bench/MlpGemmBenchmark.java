package org.synlab.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Tensor;
import org.synlab.plugins.backend.cpu.CpuBackend;

/**
 * The six products of one training step of a 784-128-10 MLP at batch 64, on the cpu backend with 1
 * and 2 threads. The {@code gflops} counter is GFLOP/s (2·m·n·k per call, zeros included, so a
 * sparse op(a) shows as the dense-equivalent rate). {@code aDensity} is the share of non-zeros in
 * op(a): 1 for dense data, 0.19 for MNIST's pixels (81% of them are 0), which the backend skips.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MlpGemmBenchmark {

    /** name: m, n, k, op(a) transposed, op(b) transposed. */
    @Param({"fwd_64x784x128", "dW_784x64x128_tA", "dX_64x128x784_tB", "l2fwd_64x128x10", "l2dW_128x64x10_tA", "l2dX_64x10x128_tB"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    @Param({"1", "0.19"})
    public double aDensity;

    private Compute compute;
    private Tensor a;
    private Tensor b;
    private Tensor c;
    private boolean transposeA;
    private boolean transposeB;
    private double gflopPerCall;

    @Setup
    public void open() {
        int m;
        int n;
        int k;
        switch (shape) {
            case "fwd_64x784x128" -> { m = 64; k = 784; n = 128; }
            case "dW_784x64x128_tA" -> { m = 784; k = 64; n = 128; transposeA = true; }
            case "dX_64x128x784_tB" -> { m = 64; k = 128; n = 784; transposeB = true; }
            case "l2fwd_64x128x10" -> { m = 64; k = 128; n = 10; }
            case "l2dW_128x64x10_tA" -> { m = 128; k = 64; n = 10; transposeA = true; }
            case "l2dX_64x10x128_tB" -> { m = 64; k = 10; n = 128; transposeB = true; }
            default -> throw new IllegalArgumentException(shape);
        }
        compute = new CpuBackend().open(new ComputeConfig(threads, 1L));
        a = compute.upload(sparse(random(m * k, 1), aDensity, 3), transposeA ? new int[] {k, m} : new int[] {m, k});
        b = compute.upload(random(k * n, 2), transposeB ? new int[] {n, k} : new int[] {k, n});
        c = compute.zeros(m, n);
        gflopPerCall = 2.0 * m * n * k / 1e9;
    }

    @Benchmark
    public void gemm(FlopCounter counter) {
        compute.gemm(transposeA, transposeB, 1f, a, b, 0f, c);
        counter.gflops += gflopPerCall;
    }

    @TearDown
    public void close() {
        compute.close();
    }

    static float[] sparse(float[] x, double density, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < x.length; i++) {
            if (r.nextDouble() >= density) {
                x[i] = 0f;
            }
        }
        return x;
    }

    static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return x;
    }
}
