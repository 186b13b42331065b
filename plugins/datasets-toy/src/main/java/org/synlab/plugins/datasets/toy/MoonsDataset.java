package org.synlab.plugins.datasets.toy;

import java.util.List;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Dataset;
import org.synlab.api.ParamSchema;
import org.synlab.api.Params;
import org.synlab.plugins.datasets.toy.internal.GeneratedData;
import org.synlab.plugins.datasets.toy.internal.SampleTable;
import org.synlab.plugins.datasets.toy.internal.TrainTestSplit;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons}: {@code floor(samples/2)} points
 * of the outer moon {@code (cos a, sin a)} (target 0) and the rest on the inner moon
 * {@code (1 - cos a, 0.5 - sin a)} (target 1), {@code a} evenly spaced over {@code [0, pi]}, plus
 * Gaussian noise of standard deviation {@code noise} on both coordinates. Not linearly separable: a
 * network needs a hidden layer. Shuffled before the test split is cut off.
 */
@Component(service = Dataset.class)
public class MoonsDataset implements Dataset {

    static final String SAMPLES = "samples";
    static final String NOISE = "noise";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .integer(SAMPLES, 200L, 2L, 10_000_000L, "number of samples over both splits, half per moon")
            .number(NOISE, 0.1, "1", 0.0, null, "standard deviation of the Gaussian noise added to each coordinate")
            .number(TrainTestSplit.TEST_FRACTION, 0.25, "1", 0.0, 1.0, "fraction of the samples held out as the test split")
            .build();

    @Override
    public String name() {
        return "moons";
    }

    @Override
    public String description() {
        return "Two interleaving half circles (scikit-learn make_moons), binary classification";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) {
        int samples = Math.toIntExact(params.integer(SAMPLES));
        double noise = params.number(NOISE);
        double testFraction = params.number(TrainTestSplit.TEST_FRACTION);
        TrainTestSplit.testSize(samples, testFraction);

        int outer = samples / 2;
        int inner = samples - outer;
        SplittableRandom random = new SplittableRandom(seed);
        SampleTable table = new SampleTable(samples, 2, 1);
        for (int i = 0; i < outer; i++) {
            double a = angle(i, outer);
            put(table, i, Math.cos(a), Math.sin(a), 0, noise, random);
        }
        for (int i = 0; i < inner; i++) {
            double a = angle(i, inner);
            put(table, outer + i, 1 - Math.cos(a), 0.5 - Math.sin(a), 1, noise, random);
        }
        table.shuffle(random);
        return new GeneratedData(Task.BINARY, 2, 1, List.of("moon"), TrainTestSplit.split(table, testFraction));
    }

    /** {@code linspace(0, pi, count)[i]}, as numpy gives it (a single point sits at 0). */
    private static double angle(int i, int count) {
        return count == 1 ? 0 : Math.PI * i / (count - 1);
    }

    private static void put(SampleTable table, int sample, double x, double y, int label, double noise,
                            SplittableRandom random) {
        table.setInput(sample, 0, x + noise * random.nextGaussian());
        table.setInput(sample, 1, y + noise * random.nextGaussian());
        table.setTarget(sample, 0, label);
    }
}
