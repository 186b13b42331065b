package org.synlab.spiking.internal;

import java.util.Arrays;
import org.synlab.spiking.Connector;
import org.synlab.spiking.Projection;
import org.synlab.spiking.Sign;
import org.synlab.spiking.Value;

/**
 * Builds a projection's {@link SynapseMatrix} from its connector, weights and delays. Every random choice is keyed by
 * the unit it belongs to, never by the order of work: a fixed-probability row {@code i} reads its own Philox
 * positions {@code (i << 32) + k}, a fixed-in-degree target {@code j} its own positions {@code (j << 32) + k}, and
 * the weight and delay of synapse {@code (i, j)} the position {@code i * postSize + j}. So the same seed gives the
 * same synapses however the build is split up.
 */
public final class SynapseBuilder {

    private final long seed;
    private final double dt;

    /** A builder for networks seeded with {@code seed} and stepped with {@code dt} milliseconds. */
    public SynapseBuilder(long seed, double dt) {
        this.seed = seed;
        this.dt = dt;
    }

    /**
     * The synapses of {@code projection}, the {@code index}-th of its network, between populations of the given
     * sizes; {@code recurrent} says whether pre and post are the same population (self connections then matter).
     */
    public SynapseMatrix build(Projection projection, int index, int preSize, int postSize, boolean recurrent) {
        long connectStream = Streams.of(Streams.CONNECT, index, 0);
        int[] rowPtr;
        int[] target;
        if (projection.connector() instanceof Connector.FixedInDegree f) {
            int[][] csr = fixedInDegree(f, preSize, postSize, recurrent, connectStream);
            rowPtr = csr[0];
            target = csr[1];
        } else {
            IntList targets = new IntList(16);
            rowPtr = new int[preSize + 1];
            RandomSequence random = new RandomSequence();
            for (int i = 0; i < preSize; i++) {
                row(projection.connector(), i, postSize, recurrent, random.reset(seed, connectStream, (long) i << 32),
                        targets);
                rowPtr[i + 1] = targets.size();
            }
            target = targets.toArray();
        }
        int[] delay = delays(projection, index, rowPtr, target, postSize);
        float[] weight = weights(projection, index, rowPtr, target, postSize);
        return new SynapseMatrix(preSize, postSize, rowPtr, target, weight, delay);
    }

    /** Appends row {@code i}'s targets, ascending. */
    private static void row(Connector connector, int i, int postSize, boolean recurrent, RandomSequence random,
            IntList out) {
        switch (connector) {
            case Connector.AllToAll a -> {
                for (int j = 0; j < postSize; j++) {
                    if (a.allowSelf() || !recurrent || j != i) {
                        out.add(j);
                    }
                }
            }
            case Connector.AllButSelf ignored -> {
                for (int j = 0; j < postSize; j++) {
                    if (j != i) {
                        out.add(j);
                    }
                }
            }
            case Connector.OneToOne ignored -> out.add(i);
            case Connector.FixedProbability f -> bernoulliRow(f, i, postSize, recurrent, random, out);
            case Connector.FixedInDegree ignored -> throw new IllegalStateException("built by target, not by row");
        }
    }

    /**
     * Bernoulli trials along a row by geometric skips: the gap to the next chosen target is {@code floor(ln u /
     * ln(1 - p))}, so the cost is proportional to the synapses made, not to the row length.
     */
    private static void bernoulliRow(Connector.FixedProbability f, int i, int postSize, boolean recurrent,
            RandomSequence random, IntList out) {
        double p = f.p();
        boolean skipSelf = recurrent && !f.allowSelf();
        if (p == 0) {
            return;
        }
        if (p == 1) {
            for (int j = 0; j < postSize; j++) {
                if (!skipSelf || j != i) {
                    out.add(j);
                }
            }
            return;
        }
        double logQ = Math.log1p(-p);
        double j = -1;
        while (true) {
            j += 1 + Math.floor(Math.log(random.nextUniformOpen()) / logQ);
            if (j >= postSize) {
                return;
            }
            if (!skipSelf || (int) j != i) {
                out.add((int) j);
            }
        }
    }

    /**
     * Floyd's sampling of {@code k} distinct partners per target, then a counting sort into rows. Targets are visited
     * in ascending order, so each row's targets come out ascending without a sort.
     */
    private int[][] fixedInDegree(Connector.FixedInDegree f, int preSize, int postSize, boolean recurrent,
            long stream) {
        int k = f.k();
        int[] chosen = new int[Math.multiplyExact(k, postSize)];
        int[] stamp = new int[preSize];
        RandomSequence random = new RandomSequence();
        for (int j = 0; j < postSize; j++) {
            boolean skipSelf = recurrent && !f.allowSelf();
            int candidates = skipSelf ? preSize - 1 : preSize;
            random.reset(seed, stream, (long) j << 32);
            int mark = j + 1;
            int base = j * k;
            int n = 0;
            for (int r = candidates - k; r < candidates; r++) {
                int t = random.nextBelow(r + 1);
                if (stamp[t] == mark) {
                    t = r;
                }
                stamp[t] = mark;
                // candidate c stands for neuron c, or c + 1 from the target's own index on, which skips the target
                chosen[base + n++] = skipSelf && t >= j ? t + 1 : t;
            }
        }
        int[] rowPtr = new int[preSize + 1];
        for (int pre : chosen) {
            rowPtr[pre + 1]++;
        }
        for (int i = 0; i < preSize; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        int[] fill = Arrays.copyOf(rowPtr, preSize);
        int[] target = new int[chosen.length];
        for (int j = 0; j < postSize; j++) {
            for (int n = 0; n < k; n++) {
                target[fill[chosen[j * k + n]]++] = j;
            }
        }
        return new int[][] {rowPtr, target};
    }

    /** Draws each synapse's delay in steps and reorders every row by (delay, target). */
    private int[] delays(Projection projection, int index, int[] rowPtr, int[] target, int postSize) {
        int[] delay = new int[target.length];
        if (projection.delayMs() instanceof Value.Constant c) {
            Arrays.fill(delay, steps(c.value()));
            return delay;
        }
        long stream = Streams.of(Streams.DELAY, index, 0);
        Draws draws = new Draws();
        long[] keys = new long[0];
        for (int i = 0; i + 1 < rowPtr.length; i++) {
            int from = rowPtr[i];
            int length = rowPtr[i + 1] - from;
            if (keys.length < length) {
                keys = new long[Math.max(length, keys.length * 2)];
            }
            for (int s = 0; s < length; s++) {
                int j = target[from + s];
                int d = steps(draws.sample(projection.delayMs(), seed, stream, (long) i * postSize + j));
                keys[s] = ((long) d << 32) | j;
            }
            Arrays.sort(keys, 0, length);
            for (int s = 0; s < length; s++) {
                delay[from + s] = (int) (keys[s] >>> 32);
                target[from + s] = (int) keys[s];
            }
        }
        return delay;
    }

    private float[] weights(Projection projection, int index, int[] rowPtr, int[] target, int postSize) {
        float[] weight = new float[target.length];
        Value value = projection.weight();
        if (value instanceof Value.Constant c) {
            Arrays.fill(weight, (float) c.value());
            return weight;
        }
        long stream = Streams.of(Streams.WEIGHT, index, 0);
        boolean clip = projection.sign() == Sign.EXCITATORY;
        Draws draws = new Draws();
        for (int i = 0; i + 1 < rowPtr.length; i++) {
            for (int s = rowPtr[i]; s < rowPtr[i + 1]; s++) {
                double w = draws.sample(value, seed, stream, (long) i * postSize + target[s]);
                weight[s] = (float) (clip ? Math.max(0, w) : w);
            }
        }
        return weight;
    }

    private int steps(double delayMs) {
        return delaySteps(delayMs, dt);
    }

    /** A delay in whole steps: {@code max(1, round(delayMs / dt))}, at most 2^20. */
    public static int delaySteps(double delayMs, double dt) {
        long steps = Math.max(1, Math.round(delayMs / dt));
        if (steps > 1 << 20) {
            throw new IllegalArgumentException("delay " + delayMs + " ms is over 2^20 steps of " + dt + " ms");
        }
        return (int) steps;
    }
}
