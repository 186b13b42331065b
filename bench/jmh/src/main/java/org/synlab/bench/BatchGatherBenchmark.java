package org.synlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.api.Tensor;
import org.synlab.plugins.backend.cpu.CpuBackend;

/**
 * Gathering a shuffled batch of 64 rows of MNIST's training images into the input tensor, as the engine
 * does every training step: from the float table ({@code Compute.uploadRows}, 188 MB) and from the
 * 8-bit codes ({@code Compute.uploadByteRows}, 47 MB, decoded to the same floats). The rows come from
 * {@code ~/.synlab/datasets/mnist} when it holds them, else random pixels 81% zeros; each call takes the
 * next 64 of a shuffled order, so the rows come from memory, not from the caches. Microseconds per batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BatchGatherBenchmark {

    static final int ROWS = 60_000;
    static final int IN = 784;
    static final int BATCH = 64;

    private Compute compute;
    private Tensor x;
    private float[] floats;
    private byte[] codes;
    private int[] order;
    private int next;

    @Setup
    public void open() throws IOException {
        compute = new CpuBackend().open(new ComputeConfig(1, 1L));
        x = compute.zeros(BATCH, IN);
        codes = new byte[ROWS * IN];
        Path images = Path.of(System.getProperty("user.home"), ".synlab", "datasets", "mnist",
                "train-images-idx3-ubyte");
        if (Files.isReadable(images)) {
            byte[] file = Files.readAllBytes(images);
            System.arraycopy(file, 16, codes, 0, codes.length);
        } else {
            SplittableRandom random = new SplittableRandom(5);
            for (int i = 0; i < codes.length; i++) {
                codes[i] = random.nextDouble() < 0.19 ? (byte) (1 + random.nextInt(255)) : 0;
            }
        }
        floats = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            floats[i] = (codes[i] & 0xFF) / 255f;
        }
        order = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = ROWS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private int nextBatch() {
        int from = next;
        next = next + 2 * BATCH > ROWS ? 0 : next + BATCH;
        return from;
    }

    /** The rows copied from the float table. */
    @Benchmark
    public Tensor fromFloats() {
        compute.uploadRows(floats, IN, order, nextBatch(), x);
        return x;
    }

    /** The same rows decoded from the codes. */
    @Benchmark
    public Tensor fromCodes() {
        compute.uploadByteRows(codes, 255f, IN, order, nextBatch(), x);
        return x;
    }

    @TearDown
    public void close() {
        compute.close();
    }
}
