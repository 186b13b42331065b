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
 * Two isotropic Gaussian blobs, one per class, for binary classification. The centres sit at
 * {@code ±separation/2} along the diagonal {@code (1, 1, ...)/sqrt(features)}, so the distance between
 * them is {@code separation} whatever the dimension; every coordinate has standard deviation
 * {@code spread}. With the defaults (4 apart, spread 1) the classes are almost linearly separable.
 * Half the samples belong to each class (target 0 around the negative centre, 1 around the positive
 * one); they are shuffled before the test split is cut off.
 */
@Component(service = Dataset.class)
public class BlobsDataset implements Dataset {

    static final String SAMPLES = "samples";
    static final String FEATURES = "features";
    static final String SEPARATION = "separation";
    static final String SPREAD = "spread";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .integer(SAMPLES, 200L, 2L, 10_000_000L, "number of samples over both splits, half per class")
            .integer(FEATURES, 2L, 1L, 10_000L, "dimension of each sample")
            .number(SEPARATION, 4.0, "1", 0.0, null, "distance between the two blob centres")
            .number(SPREAD, 1.0, "1", 0.0, null, "standard deviation of each coordinate around its centre")
            .number(TrainTestSplit.TEST_FRACTION, 0.25, "1", 0.0, 1.0, "fraction of the samples held out as the test split")
            .build();

    @Override
    public String name() {
        return "blobs";
    }

    @Override
    public String description() {
        return "Two Gaussian blobs, one per class, for binary classification";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) {
        int samples = Math.toIntExact(params.integer(SAMPLES));
        int features = Math.toIntExact(params.integer(FEATURES));
        double halfSeparation = params.number(SEPARATION) / 2;
        double spread = params.number(SPREAD);
        double testFraction = params.number(TrainTestSplit.TEST_FRACTION);
        TrainTestSplit.testSize(samples, testFraction);

        SplittableRandom random = new SplittableRandom(seed);
        double offset = halfSeparation / Math.sqrt(features);
        SampleTable table = new SampleTable(samples, features, 1);
        for (int i = 0; i < samples; i++) {
            int label = i < samples / 2 ? 0 : 1;
            double centre = label == 0 ? -offset : offset;
            for (int f = 0; f < features; f++) {
                table.setInput(i, f, centre + spread * random.nextGaussian());
            }
            table.setTarget(i, 0, label);
        }
        table.shuffle(random);
        return new GeneratedData(Task.BINARY, features, 1, List.of("class"),
                TrainTestSplit.split(table, testFraction));
    }
}
