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
import org.synlab.plugins.datasets.toy.internal.PrincipalAxes;
import org.synlab.plugins.datasets.toy.internal.SampleTable;
import org.synlab.plugins.datasets.toy.internal.TrainTestSplit;

/**
 * Zero-mean Gaussian samples with a known covariance, without targets: the data of principal
 * component analysis and of Hebbian rules such as Oja's. The covariance is
 * {@code C = B diag(std^2) B^T}: {@code std} lists the standard deviation along each principal axis
 * (so the number of features is its length and the largest entry marks the first principal
 * component), and the columns of {@code B} are the axes, either
 * <ul>
 *   <li>{@code basis: axes}: the feature axes, turned by {@code rotation} degrees in the plane of the
 *       first two features (for 2-D data, an ellipse tilted by that angle), or</li>
 *   <li>{@code basis: random}: a random orthonormal basis drawn from the run's seed (Gram-Schmidt on
 *       a Gaussian matrix), for N-D data whose components lie along no feature axis.</li>
 * </ul>
 * A sample is {@code x = B (std * z)} with {@code z ~ N(0, I)}. {@link Data#groundTruth()} returns
 * {@code covariance}, so a run can report how close a unit came to the first principal component.
 */
@Component(service = Dataset.class)
public class GaussianDataset implements Dataset {

    static final String SAMPLES = "samples";
    static final String STD = "std";
    static final String ROTATION = "rotation";
    static final String BASIS = "basis";
    static final String AXES = "axes";
    static final String RANDOM = "random";
    static final String COVARIANCE = "covariance";

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .integer(SAMPLES, 1000L, 1L, 10_000_000L, "number of samples over both splits")
            .numbers(STD, List.of(2.0, 1.0), "1",
                    "standard deviation along each principal axis, one per feature (at least one, none negative);"
                            + " the largest marks the first principal component")
            .number(ROTATION, 0.0, "degree", -360.0, 360.0,
                    "with basis: axes, the angle by which the principal axes are turned in the plane of the first two"
                            + " features")
            .text(BASIS, AXES, List.of(AXES, RANDOM),
                    "axes: the principal axes are the feature axes, turned by rotation; random: a random orthonormal"
                            + " basis drawn from the seed")
            .number(TrainTestSplit.TEST_FRACTION, 0.0, "1", 0.0, 1.0,
                    "fraction of the samples held out as the test split (0: train only)")
            .build();

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String description() {
        return "Zero-mean Gaussian samples with a known covariance (std per principal axis, rotated or random axes),"
                + " unlabelled, for PCA and Hebbian rules";
    }

    @Override
    public ParamSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Data open(Params params, long seed) {
        int samples = Math.toIntExact(params.integer(SAMPLES));
        double[] std = std(params.numbers(STD));
        double rotation = params.number(ROTATION);
        String basis = params.text(BASIS);
        double testFraction = params.number(TrainTestSplit.TEST_FRACTION);
        TrainTestSplit.testSize(samples, testFraction);
        int d = std.length;
        if (rotation != 0 && d < 2) {
            throw new ParameterException(ROTATION, "parameter 'rotation' turns the plane of the first two features;"
                    + " with 1 feature (std has 1 entry) it must be 0, got " + rotation);
        }
        if (rotation != 0 && basis.equals(RANDOM)) {
            throw new ParameterException(ROTATION, "parameter 'rotation' applies to basis: axes; a random basis is"
                    + " turned already, so rotation must be 0, got " + rotation);
        }

        SplittableRandom random = new SplittableRandom(seed);
        // the basis has its own stream, so the samples of basis: axes and basis: random differ only in B
        double[][] axes = basis.equals(RANDOM) ? PrincipalAxes.random(d, random.split())
                : PrincipalAxes.rotated(d, Math.toRadians(rotation));
        SampleTable table = new SampleTable(samples, d, 0);
        double[] z = new double[d];
        for (int n = 0; n < samples; n++) {
            for (int k = 0; k < d; k++) {
                z[k] = std[k] * random.nextGaussian();
            }
            for (int i = 0; i < d; i++) {
                double x = 0;
                for (int k = 0; k < d; k++) {
                    x += axes[k][i] * z[k];
                }
                table.setInput(n, i, x);
            }
        }
        return new GeneratedData(Task.UNLABELLED, d, 0, List.of(), TrainTestSplit.split(table, testFraction),
                Map.of(COVARIANCE, PrincipalAxes.covariance(axes, std)));
    }

    private static double[] std(List<Double> values) {
        if (values.isEmpty()) {
            throw new ParameterException(STD, "parameter 'std' must list at least one standard deviation (one per"
                    + " feature), got []");
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            double v = values.get(i);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new ParameterException(STD, "parameter 'std' must list finite standard deviations >= 0, got "
                        + v + " at position " + (i + 1));
            }
            out[i] = v;
        }
        return out;
    }
}
