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
 * Three independent 0/1 labels per sample, for sigmoid outputs with binary cross-entropy: inputs
 * {@code x ~ N(0, 1)^3}, targets {@code label-a = x1 + x2 > 0}, {@code label-b = x2 - x3 > 0} (both
 * linearly separable) and {@code label-c = x1 * x3 > 0} (an XOR of signs, which needs a hidden layer).
 */
@Component(service = Dataset.class)
public class MultilabelDataset implements Dataset {

    static final String SAMPLES = "samples";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .integer(SAMPLES, 1000L, 1L, 10_000_000L, "number of samples over both splits")
            .number(TrainTestSplit.TEST_FRACTION, 0.2, "1", 0.0, 1.0, "fraction of the samples held out as the test split")
            .build();

    @Override
    public String name() {
        return "multilabel";
    }

    @Override
    public String description() {
        return "Three 0/1 labels of Gaussian inputs: x1+x2>0, x2-x3>0, x1*x3>0 (multi-label binary)";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) {
        int samples = Math.toIntExact(params.integer(SAMPLES));
        double testFraction = params.number(TrainTestSplit.TEST_FRACTION);
        TrainTestSplit.testSize(samples, testFraction);

        SplittableRandom random = new SplittableRandom(seed);
        SampleTable table = new SampleTable(samples, 3, 3);
        for (int i = 0; i < samples; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            double x3 = random.nextGaussian();
            table.setInput(i, 0, x1);
            table.setInput(i, 1, x2);
            table.setInput(i, 2, x3);
            // labels from the stored float inputs, so a reader of the split sees consistent data
            double f1 = table.input(i, 0);
            double f2 = table.input(i, 1);
            double f3 = table.input(i, 2);
            table.setTarget(i, 0, f1 + f2 > 0 ? 1 : 0);
            table.setTarget(i, 1, f2 - f3 > 0 ? 1 : 0);
            table.setTarget(i, 2, f1 * f3 > 0 ? 1 : 0);
        }
        return new GeneratedData(Task.BINARY, 3, 3, List.of("label-a", "label-b", "label-c"),
                TrainTestSplit.split(table, testFraction));
    }
}
