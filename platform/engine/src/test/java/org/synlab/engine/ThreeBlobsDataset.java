package org.synlab.engine;

import java.util.List;
import java.util.SplittableRandom;
import org.synlab.api.Dataset;
import org.synlab.api.Params;

/** Test-only MULTICLASS data: three Gaussian blobs in the plane, one-hot targets, 300 train and 90 test samples. */
final class ThreeBlobsDataset implements Dataset {

    private static final double[][] CENTRES = {{-2, 0}, {2, 0}, {0, 2.5}};

    @Override
    public String name() {
        return "three-blobs";
    }

    @Override
    public String description() {
        return "three Gaussian blobs, one-hot";
    }

    @Override
    public Data open(Params params, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Split train = split(300, random);
        Split test = split(90, random);
        return new Data() {
            @Override
            public Task task() {
                return Task.MULTICLASS;
            }

            @Override
            public int features() {
                return 2;
            }

            @Override
            public int outputs() {
                return 3;
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
                return List.of("left", "right", "top");
            }
        };
    }

    private static Split split(int size, SplittableRandom random) {
        float[] x = new float[size * 2];
        float[] y = new float[size * 3];
        for (int i = 0; i < size; i++) {
            int c = i % 3;
            x[2 * i] = (float) (CENTRES[c][0] + random.nextGaussian());
            x[2 * i + 1] = (float) (CENTRES[c][1] + random.nextGaussian());
            y[3 * i + c] = 1;
        }
        return new Split() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public void read(int index, float[] xOut, int xOffset, float[] yOut, int yOffset) {
                System.arraycopy(x, index * 2, xOut, xOffset, 2);
                System.arraycopy(y, index * 3, yOut, yOffset, 3);
            }
        };
    }
}
