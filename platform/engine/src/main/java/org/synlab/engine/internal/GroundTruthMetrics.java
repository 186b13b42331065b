package org.synlab.engine.internal;

import java.util.List;
import java.util.Map;
import org.synlab.api.Compute;
import org.synlab.api.Dataset;
import org.synlab.api.Tensor;

/**
 * How the network compares with the process that generated synthetic data, from the keys of
 * {@link Dataset.Data#groundTruth()} this engine knows:
 * <ul>
 *   <li>{@code weights}, {@code bias} (a one-layer network): {@code truth.weights_max_abs_error},
 *       {@code truth.bias_max_abs_error}.</li>
 *   <li>{@code covariance} (of the inputs): {@code truth.pc1_cosine}, the |cosine| between a first-layer
 *       unit's weight vector and the covariance's first principal component (its leading
 *       eigenvector, found in double precision; the sign of a component is arbitrary), the smallest
 *       over the layer's units; {@code truth.pc1_eigenvalue}; and the weight vectors' lengths,
 *       {@code weights.norm} for one unit, {@code weights.norm_min} and {@code weights.norm_max} for
 *       several.</li>
 *   <li>{@code patterns} (K prototype inputs): the output layer's responses to each, with dropout
 *       off. Per unit j (from 1) and pattern k (from 1): {@code patterns.unit<j>.response.p<k>},
 *       {@code patterns.unit<j>.preferred} (the pattern with the strongest response) and
 *       {@code patterns.unit<j>.selectivity}, {@code 1 - mean_k r_k / max_k r_k} over the responses
 *       clipped at 0 (Bienenstock, Cooper and Munro 1982): 0 when the unit answers every pattern
 *       alike, {@code 1 - 1/K} when it answers one alone. {@code patterns.selectivity} is the mean over
 *       the units.</li>
 * </ul>
 * The summary figures ({@code truth.pc1_cosine}, the weight norms, {@code patterns.selectivity}, and
 * the linear model's errors) are also measured after every epoch, so their history shows how the
 * network got there; the detail ({@code truth.pc1_eigenvalue}, per-unit figures) comes at the end.
 */
final class GroundTruthMetrics {

    /** Relative gap below which the two largest eigenvalues count as equal (no single first component). */
    private static final double DEGENERATE = 1e-9;

    private final Compute compute;
    private final Network network;
    private final Dataset.Data data;
    private final float[] weights;
    private final float[] bias;
    /** The first principal component, or null when the data has no (usable) covariance. */
    private final double[] component;
    private final double eigenvalue;
    private final Tensor patterns;
    private final int patternCount;

    GroundTruthMetrics(Compute compute, Network network, Dataset.Data data, List<String> notes) {
        this.compute = compute;
        this.network = network;
        this.data = data;
        Map<String, float[]> truth = data.groundTruth();
        DenseLayer first = network.layers.get(0);
        boolean oneLayer = network.layers.size() == 1;
        float[] w = truth.get("weights");
        this.weights = oneLayer && w != null && w.length == first.inputs * first.units ? w : null;
        float[] b = truth.get("bias");
        this.bias = oneLayer && b != null && b.length == first.units ? b : null;

        int d = data.features();
        float[] covariance = truth.get("covariance");
        double[] pc1 = null;
        double lambda1 = Double.NaN;
        if (covariance != null && covariance.length == d * d) {
            SymmetricEigen eigen = SymmetricEigen.of(covariance, d);
            lambda1 = eigen.values[0];
            boolean unique = lambda1 > 0 && (d == 1 || eigen.values[0] - eigen.values[1] > DEGENERATE * lambda1);
            if (unique) {
                pc1 = eigen.vectors[0];
            } else {
                notes.add("the inputs' covariance has no single first principal component (its largest eigenvalue, "
                        + lambda1 + ", is " + (lambda1 > 0 ? "repeated" : "not positive")
                        + "), so truth.pc1_cosine is not reported");
            }
        }
        this.component = pc1;
        this.eigenvalue = lambda1;

        float[] prototypes = truth.get("patterns");
        if (prototypes != null && prototypes.length > 0 && prototypes.length % d == 0) {
            this.patternCount = prototypes.length / d;
            this.patterns = compute.upload(prototypes, patternCount, d);
        } else {
            this.patternCount = 0;
            this.patterns = null;
        }
    }

    /** Whether the data has ground truth this class measures against. */
    boolean applies() {
        return weights != null || bias != null || !Double.isNaN(eigenvalue) || patterns != null;
    }

    /** Puts the figures into {@code metrics}; {@code detailed} adds the per-unit ones. */
    void measure(Map<String, Double> metrics, boolean detailed) {
        DenseLayer first = network.layers.get(0);
        if (weights != null) {
            metrics.put("truth.weights_max_abs_error", maxAbsDifference(weights, compute.download(first.weight)));
        }
        if (bias != null) {
            metrics.put("truth.bias_max_abs_error", maxAbsDifference(bias, compute.download(first.bias)));
        }
        if (!Double.isNaN(eigenvalue)) {
            principalComponent(first, metrics, detailed);
        }
        if (patterns != null) {
            selectivity(metrics, detailed);
        }
    }

    private void principalComponent(DenseLayer layer, Map<String, Double> metrics, boolean detailed) {
        float[] w = compute.download(layer.weight);
        int units = layer.units;
        double worstCosine = Double.POSITIVE_INFINITY;
        double minNorm = Double.POSITIVE_INFINITY;
        double maxNorm = 0;
        for (int j = 0; j < units; j++) {
            double dot = 0;
            double squares = 0;
            for (int i = 0; i < layer.inputs; i++) {
                double wij = w[i * units + j];
                squares += wij * wij;
                if (component != null) {
                    dot += wij * component[i];
                }
            }
            double norm = Math.sqrt(squares);
            minNorm = Math.min(minNorm, norm);
            maxNorm = Math.max(maxNorm, norm);
            worstCosine = Math.min(worstCosine, norm == 0 ? 0 : Math.abs(dot) / norm);
        }
        if (component != null) {
            metrics.put("truth.pc1_cosine", worstCosine);
        }
        if (detailed) {
            metrics.put("truth.pc1_eigenvalue", eigenvalue);
        }
        if (units == 1) {
            metrics.put("weights.norm", maxNorm);
        } else {
            metrics.put("weights.norm_min", minNorm);
            metrics.put("weights.norm_max", maxNorm);
        }
    }

    private void selectivity(Map<String, Double> metrics, boolean detailed) {
        Tensor out = network.forward(patterns, false, 0);
        float[] responses = compute.download(out);
        int units = responses.length / patternCount;
        double sum = 0;
        for (int j = 0; j < units; j++) {
            int preferred = 0;
            double max = 0;
            double total = 0;
            for (int k = 0; k < patternCount; k++) {
                float r = responses[k * units + j];
                if (r > responses[preferred * units + j]) {
                    preferred = k;
                }
                double rate = Math.max(0, r);
                max = Math.max(max, rate);
                total += rate;
            }
            double selectivity = max > 0 ? 1 - total / patternCount / max : 0;
            sum += selectivity;
            if (detailed) {
                String unit = "patterns.unit" + (j + 1) + ".";
                for (int k = 0; k < patternCount; k++) {
                    metrics.put(unit + "response.p" + (k + 1), (double) responses[k * units + j]);
                }
                metrics.put(unit + "preferred", (double) (preferred + 1));
                metrics.put(unit + "selectivity", selectivity);
            }
        }
        metrics.put("patterns.selectivity", sum / units);
    }

    private static double maxAbsDifference(float[] expected, float[] actual) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs((double) expected[i] - actual[i]));
        }
        return max;
    }
}
