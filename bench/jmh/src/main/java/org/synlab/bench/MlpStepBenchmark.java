package org.synlab.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.synlab.api.Distribution;
import org.synlab.api.GradientRule;
import org.synlab.api.Kernel;
import org.synlab.api.Params;
import org.synlab.api.Tensor;
import org.synlab.api.expr.Expr;
import org.synlab.plugins.backend.cpu.CpuBackend;
import org.synlab.plugins.learning.gradient.AdamRule;

/**
 * One whole training step of experiments/mnist-mlp.yaml (784-128-10, ReLU, softmax with fused
 * cross-entropy gradient, Adam, batch 64) on the cpu backend, making the engine's calls in the
 * engine's order (platform/engine DenseLayer, LossTerm, Learner, Trainer): upload of the batch, the
 * forward pass, the loss value, the download of the output for the accuracy, backpropagation and
 * Adam's update of the four parameters. Batches are the first 6,400 MNIST training images when
 * {@code ~/.synlab/datasets/mnist} holds them (else random pixels, 81% zeros), uploaded in turn, so
 * every step sees a new input as a training run does. Microseconds per step; 64 / score is
 * samples per microsecond.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MlpStepBenchmark {

    static final int BATCH = 64;
    static final int BATCHES = 100;
    static final int IN = 784;
    static final int HIDDEN = 128;
    static final int OUT = 10;

    @Param({"1", "2"})
    public int threads;

    private Compute compute;
    private float[][] xs;
    private float[][] ys;
    private float[] predicted;
    private Tensor x;
    private Tensor y;
    private Tensor lossScratch;
    private Tensor w1;
    private Tensor b1;
    private Tensor w1Grad;
    private Tensor b1Grad;
    private Tensor w2;
    private Tensor b2;
    private Tensor w2Grad;
    private Tensor b2Grad;
    private Tensor z1;
    private Tensor a1;
    private Tensor gradOut1;
    private Tensor dz1;
    private Tensor z2;
    private Tensor a2;
    private Tensor dz2;
    private Tensor scale;
    private Kernel addBias;
    private Kernel relu;
    private Kernel reluBack;
    private Kernel lossValue;
    private Kernel lossGradient;
    private GradientRule.Optimizer adam;
    private List<GradientRule.Parameter> parameters;
    private long step;
    private int next;
    /** Keeps the loss live, so no call is dead code. */
    public double lossSum;

    @Setup
    public void open() throws IOException {
        compute = new CpuBackend().open(new ComputeConfig(threads, 1L));
        loadBatches();
        predicted = new float[BATCH * OUT];
        x = compute.zeros(BATCH, IN);
        y = compute.zeros(BATCH, OUT);
        lossScratch = compute.zeros(BATCH, OUT);
        w1 = compute.zeros(IN, HIDDEN);
        b1 = compute.zeros(HIDDEN);
        w1Grad = compute.zeros(IN, HIDDEN);
        b1Grad = compute.zeros(HIDDEN);
        w2 = compute.zeros(HIDDEN, OUT);
        b2 = compute.zeros(OUT);
        w2Grad = compute.zeros(HIDDEN, OUT);
        b2Grad = compute.zeros(OUT);
        double limit1 = Math.sqrt(6.0 / (IN + HIDDEN));
        double limit2 = Math.sqrt(6.0 / (HIDDEN + OUT));
        compute.random(w1, Distribution.UNIFORM, (float) -limit1, (float) limit1, 11);
        compute.random(w2, Distribution.UNIFORM, (float) -limit2, (float) limit2, 12);
        z1 = compute.zeros(BATCH, HIDDEN);
        a1 = compute.zeros(BATCH, HIDDEN);
        gradOut1 = compute.zeros(BATCH, HIDDEN);
        dz1 = compute.zeros(BATCH, HIDDEN);
        z2 = compute.zeros(BATCH, OUT);
        a2 = compute.zeros(BATCH, OUT);
        dz2 = compute.zeros(BATCH, OUT);
        scale = compute.zeros(1);
        addBias = compute.kernel(Expr.parse("z + b"), "z", "b");
        relu = compute.kernel(Expr.parse("x > 0 ? x : 0"), "x");
        reluBack = compute.kernel(Expr.parse("g * (x > 0 ? 1 : 0)"), "x", "y", "g");
        lossValue = compute.kernel(Expr.parse("-t * log(clip(p, epsilon, 1 - epsilon))").bind(Map.of("epsilon", 1e-7)),
                "p", "t");
        lossGradient = compute.kernel(Expr.parse("(p - t) * s"), "p", "t", "s");
        AdamRule rule = new AdamRule();
        adam = rule.optimizer(compute, rule.parameters().validate(Map.of("lr", 0.001)));
        parameters = List.of(
                new GradientRule.Parameter("layer1.weight", w1, w1Grad, true),
                new GradientRule.Parameter("layer1.bias", b1, b1Grad, false),
                new GradientRule.Parameter("layer2.weight", w2, w2Grad, true),
                new GradientRule.Parameter("layer2.bias", b2, b2Grad, false));
    }

    @Benchmark
    public double trainingStep() {
        int b = next;
        next = (b + 1) % BATCHES;
        compute.upload(xs[b], 0, x);
        compute.upload(ys[b], 0, y);
        step++;
        // forward
        compute.gemm(false, false, 1f, x, w1, 0f, z1);
        compute.apply(addBias, z1, z1, b1);
        compute.apply(relu, a1, z1);
        compute.gemm(false, false, 1f, a1, w2, 0f, z2);
        compute.apply(addBias, z2, z2, b2);
        compute.softmaxRows(z2, a2);
        // loss value and accuracy download
        compute.apply(lossValue, lossScratch, a2, y);
        double loss = compute.sum(lossScratch) / BATCH;
        compute.download(a2, predicted, 0);
        // backward
        compute.fill(scale, 1f / BATCH);
        compute.apply(lossGradient, dz2, a2, y, scale);
        compute.gemm(true, false, 1f, a1, dz2, 0f, w2Grad);
        compute.sumColumns(dz2, b2Grad);
        compute.gemm(false, true, 1f, dz2, w2, 0f, gradOut1);
        compute.apply(reluBack, dz1, z1, a1, gradOut1);
        compute.gemm(true, false, 1f, x, dz1, 0f, w1Grad);
        compute.sumColumns(dz1, b1Grad);
        adam.step(parameters, 1e-3f, step);
        lossSum += loss;
        return loss + predicted[0];
    }

    @TearDown
    public void close() {
        compute.close();
    }

    private void loadBatches() throws IOException {
        xs = new float[BATCHES][BATCH * IN];
        ys = new float[BATCHES][BATCH * OUT];
        Path dir = Path.of(System.getProperty("user.home"), ".synlab", "datasets", "mnist");
        Path images = dir.resolve("train-images-idx3-ubyte");
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        if (Files.isReadable(images) && Files.isReadable(labels)) {
            try (InputStream ii = Files.newInputStream(images); InputStream li = Files.newInputStream(labels)) {
                DataInputStream im = new DataInputStream(new java.io.BufferedInputStream(ii));
                DataInputStream lb = new DataInputStream(new java.io.BufferedInputStream(li));
                im.skipNBytes(16);
                lb.skipNBytes(8);
                for (int b = 0; b < BATCHES; b++) {
                    for (int i = 0; i < BATCH * IN; i++) {
                        xs[b][i] = im.readUnsignedByte() / 255f;
                    }
                    for (int r = 0; r < BATCH; r++) {
                        ys[b][r * OUT + lb.readUnsignedByte()] = 1f;
                    }
                }
            }
            return;
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int b = 0; b < BATCHES; b++) {
            for (int i = 0; i < BATCH * IN; i++) {
                xs[b][i] = random.nextDouble() < 0.19 ? (float) random.nextDouble() : 0f;
            }
            for (int r = 0; r < BATCH; r++) {
                ys[b][r * OUT + random.nextInt(OUT)] = 1f;
            }
        }
    }
}
