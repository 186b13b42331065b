package org.synlab.engine.internal.spiking;

import java.util.List;
import java.util.SplittableRandom;
import org.synlab.api.Dataset;
import org.synlab.api.Params;

/**
 * Test-only labelled images: 28x28 bars, three horizontal and three vertical, six pixels wide (class = bar), with
 * a seeded random brightness per image in [0.7, 1]. Train and test splits in a seeded shuffled order, 20 images per
 * class each; a stand-in for MNIST that a 20-neuron Diehl and Cook network learns in seconds.
 */
final class BarsDataset implements Dataset {

    static final int SIDE = 28;
    static final int CLASSES = 6;
    private static final int PER_CLASS = 20;

    @Override
    public String name() {
        return "bars";
    }

    @Override
    public String description() {
        return "six 28x28 bars, one class each";
    }

    @Override
    public Data open(Params params, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Split train = split(random);
        Split test = split(random);
        return new Data() {
            @Override
            public Task task() {
                return Task.MULTICLASS;
            }

            @Override
            public int features() {
                return SIDE * SIDE;
            }

            @Override
            public int outputs() {
                return CLASSES;
            }

            @Override
            public List<String> splits() {
                return List.of("train", "test");
            }

            @Override
            public Split split(String name) {
                return name.equals("train") ? train : test;
            }

            @Override
            public List<String> outputNames() {
                return List.of("h0", "h1", "h2", "v0", "v1", "v2");
            }
        };
    }

    /** Whether pixel {@code p} is on in bar {@code c}. */
    static boolean on(int c, int p) {
        int along = c < 3 ? p / SIDE : p % SIDE;
        int from = 3 + (c % 3) * 8;
        return along >= from && along < from + 6;
    }

    private static Split split(SplittableRandom random) {
        int size = CLASSES * PER_CLASS;
        int[] classes = new int[size];
        for (int i = 0; i < size; i++) {
            classes[i] = i % CLASSES;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = classes[i];
            classes[i] = classes[j];
            classes[j] = t;
        }
        float[] brightness = new float[size];
        for (int i = 0; i < size; i++) {
            brightness[i] = (float) (0.7 + 0.3 * random.nextDouble());
        }
        return new Split() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public void read(int index, float[] x, int xOffset, float[] y, int yOffset) {
                for (int p = 0; p < SIDE * SIDE; p++) {
                    x[xOffset + p] = on(classes[index], p) ? brightness[index] : 0f;
                }
                for (int c = 0; c < CLASSES; c++) {
                    y[yOffset + c] = c == classes[index] ? 1f : 0f;
                }
            }
        };
    }
}
