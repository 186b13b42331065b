package org.synlab.bench;

import java.util.Map;
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
import org.synlab.api.Kernel;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;
import org.synlab.plugins.backend.cpu.CpuBackend;

/**
 * Adam's three elementwise updates of the 784x128 weight matrix (100,352 floats), as an optimiser
 * plugin writes them. Time per call; divide by {@link #ELEMENTS} for ns per element and update.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AdamKernelBenchmark {

    static final int ELEMENTS = 784 * 128;

    @Param({"1", "2"})
    public int threads;

    private Compute compute;
    private Tensor w;
    private Tensor g;
    private Tensor m;
    private Tensor v;
    private Kernel firstMoment;
    private Kernel secondMoment;
    private Kernel step;

    @Setup
    public void open() {
        compute = new CpuBackend().open(new ComputeConfig(threads, 1L));
        w = compute.upload(MlpGemmBenchmark.random(ELEMENTS, 3), 784, 128);
        g = compute.upload(MlpGemmBenchmark.random(ELEMENTS, 4), 784, 128);
        m = compute.zeros(784, 128);
        v = compute.zeros(784, 128);
        Map<String, Double> p = Map.of("b1", 0.9, "b2", 0.999, "lr", 1e-3, "eps", 1e-8, "c1", 10.0, "c2", 1000.0);
        firstMoment = compute.kernel(Expr.parse("b1 * m + (1 - b1) * g").bind(p), "m", "g");
        secondMoment = compute.kernel(Expr.parse("b2 * v + (1 - b2) * g * g").bind(p), "v", "g");
        step = compute.kernel(Expr.parse("w - lr * (m * c1) / (sqrt(v * c2) + eps)").bind(p), "w", "m", "v");
    }

    /** One Adam step: three kernels, in place. */
    @Benchmark
    public void adamStep() {
        compute.apply(firstMoment, m, m, g);
        compute.apply(secondMoment, v, v, g);
        compute.apply(step, w, w, m, v);
    }

    /** The single fused update alone (three inputs, ten operations per element). */
    @Benchmark
    public void weightUpdate() {
        compute.apply(step, w, w, m, v);
    }

    @TearDown
    public void close() {
        compute.close();
    }
}
