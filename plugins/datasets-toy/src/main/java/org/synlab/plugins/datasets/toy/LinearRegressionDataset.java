package org.synlab.plugins.datasets.toy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import org.synlab.api.Dataset;
import org.synlab.api.ParamSchema;
import org.synlab.api.ParameterException;
import org.synlab.api.Params;
import org.synlab.plugins.datasets.toy.internal.GeneratedData;
import org.synlab.plugins.datasets.toy.internal.SampleTable;
import org.synlab.plugins.datasets.toy.internal.TrainTestSplit;

/**
 * A noisy linear model {@code y = X·w + b + e}, with {@code X ~ N(0, 1)} per coordinate and
 * {@code e ~ N(0, noise^2)}; the defaults are the synthetic data of Dive into Deep Learning (d2l.ai,
 * section 3.3: {@code w = [2, -3.4]}, {@code b = 4.2}, noise 0.01, 1000 samples). The number of
 * features is the length of {@code weights}. {@link Data#groundTruth()} returns {@code weights} and
 * {@code bias}, so a run can report how closely a linear neuron recovers them. All samples are
 * training samples unless {@code test_fraction} is set, as in d2l.
 */
@Component(service = Dataset.class)
public class LinearRegressionDataset implements Dataset {

    static final String SAMPLES = "samples";
    static final String WEIGHTS = "weights";
    static final String BIAS = "bias";
    static final String NOISE = "noise";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .integer(SAMPLES, 1000L, 1L, 10_000_000L, "number of samples over both splits")
            .numbers(WEIGHTS, List.of(2.0, -3.4), "1", "true weights w, one per feature (at least one)")
            .number(BIAS, 4.2, "1", null, null, "true bias b")
            .number(NOISE, 0.01, "1", 0.0, null, "standard deviation of the Gaussian noise added to y")
            .number(TrainTestSplit.TEST_FRACTION, 0.0, "1", 0.0, 1.0, "fraction of the samples held out as the test split (0: train only)")
            .build();

    @Override
    public String name() {
        return "linear-regression";
    }

    @Override
    public String description() {
        return "Noisy linear model y = X.w + b + noise (the d2l.ai example), regression with known ground truth";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) {
        int samples = Math.toIntExact(params.integer(SAMPLES));
        float[] weights = toFloats(params.numbers(WEIGHTS));
        if (weights.length == 0) {
            throw new ParameterException(WEIGHTS, "parameter 'weights' must list at least one weight (one per feature)");
        }
        double bias = params.number(BIAS);
        double noise = params.number(NOISE);
        double testFraction = params.number(TrainTestSplit.TEST_FRACTION);
        TrainTestSplit.testSize(samples, testFraction);

        int features = weights.length;
        SplittableRandom random = new SplittableRandom(seed);
        SampleTable table = new SampleTable(samples, features, 1);
        for (int i = 0; i < samples; i++) {
            double y = bias;
            for (int f = 0; f < features; f++) {
                double x = random.nextGaussian();
                table.setInput(i, f, x);
                // use the stored float input, so the noise is exactly the residual a perfect model sees
                y += table.input(i, f) * (double) weights[f];
            }
            table.setTarget(i, 0, y + noise * random.nextGaussian());
        }
        Map<String, float[]> truth = new LinkedHashMap<>();
        truth.put(WEIGHTS, weights);
        truth.put(BIAS, new float[] {(float) bias});
        return new GeneratedData(Task.REGRESSION, features, 1, List.of("y"),
                TrainTestSplit.split(table, testFraction), truth);
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
