package org.synlab.plugins.datasets.toy;

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
 * A few fixed non-negative input patterns, shown in random order, without targets: the stimuli of
 * selectivity experiments (BCM). Pattern {@code k} (of {@code patterns}) drives its own block of
 * {@code width} inputs, {@code k*width ... (k+1)*width - 1}, at {@code level}; every other input sits at
 * {@code background}, so with a background above 0 the patterns overlap. There are
 * {@code patterns * width} features. Each pattern is shown equally often (to within one sample), in
 * an order shuffled from the seed; {@code noise} adds Gaussian noise of that standard deviation to
 * every input of every sample, clipped at 0 so that inputs stay non-negative.
 * {@link Data#groundTruth()} returns the clean {@code patterns}, so a run can report each unit's
 * responses to them and how selective it became.
 */
@Component(service = Dataset.class)
public class PatternsDataset implements Dataset {

    static final String PATTERNS = "patterns";
    static final String WIDTH = "width";
    static final String LEVEL = "level";
    static final String BACKGROUND = "background";
    static final String NOISE = "noise";
    static final String SAMPLES = "samples";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .integer(PATTERNS, 4L, 2L, 1000L, "number of patterns")
            .integer(WIDTH, 2L, 1L, 100_000L, "inputs each pattern drives; the data has patterns * width features")
            .number(LEVEL, 1.0, "1", 0.0, null, "value of the inputs a pattern drives")
            .number(BACKGROUND, 0.1, "1", 0.0, null, "value of the other inputs (above 0, the patterns overlap)")
            .number(NOISE, 0.0, "1", 0.0, null,
                    "standard deviation of the Gaussian noise added to every input of every sample, clipped at 0")
            .integer(SAMPLES, 1000L, 1L, 10_000_000L, "number of samples over both splits, each pattern equally often")
            .number(TrainTestSplit.TEST_FRACTION, 0.0, "1", 0.0, 1.0,
                    "fraction of the samples held out as the test split (0: train only)")
            .build();

    @Override
    public String name() {
        return "patterns";
    }

    @Override
    public String description() {
        return "A few fixed non-negative input patterns (one block of active inputs each) in random order, unlabelled,"
                + " for selectivity (BCM)";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) {
        int count = Math.toIntExact(params.integer(PATTERNS));
        int width = Math.toIntExact(params.integer(WIDTH));
        double level = params.number(LEVEL);
        double background = params.number(BACKGROUND);
        double noise = params.number(NOISE);
        int samples = Math.toIntExact(params.integer(SAMPLES));
        double testFraction = params.number(TrainTestSplit.TEST_FRACTION);
        TrainTestSplit.testSize(samples, testFraction);
        if (level == background) {
            throw new ParameterException(LEVEL, "parameter 'level' must differ from 'background' (both " + level
                    + "), or every pattern is the same input");
        }
        int features = Math.multiplyExact(count, width);
        if (features > 10_000_000) {
            throw new ParameterException(WIDTH, "patterns * width gives " + features
                    + " features; expected at most 10000000");
        }
        float[] prototypes = new float[count * features];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < features; i++) {
                prototypes[k * features + i] = (float) (i / width == k ? level : background);
            }
        }

        SplittableRandom random = new SplittableRandom(seed);
        SampleTable table = new SampleTable(samples, features, 0);
        for (int n = 0; n < samples; n++) {
            int k = n % count;
            for (int i = 0; i < features; i++) {
                double x = prototypes[k * features + i];
                if (noise > 0) {
                    x = Math.max(0.0, x + noise * random.nextGaussian());
                }
                table.setInput(n, i, x);
            }
        }
        table.shuffle(random);
        return new GeneratedData(Task.UNLABELLED, features, 0, List.of(), TrainTestSplit.split(table, testFraction),
                Map.of(PATTERNS, prototypes));
    }
}
