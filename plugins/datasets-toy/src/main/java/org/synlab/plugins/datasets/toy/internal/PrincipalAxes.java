package org.synlab.plugins.datasets.toy.internal;

import java.util.SplittableRandom;

/**
 * Orthonormal bases for Gaussian data with known principal axes, in double precision. A basis is
 * {@code double[d][d]} with {@code axes[k]} the unit vector of principal axis k.
 */
public final class PrincipalAxes {

    private PrincipalAxes() {
    }

    /** The feature axes, with the first two turned by {@code radians} in their plane (d >= 2, or radians = 0). */
    public static double[][] rotated(int d, double radians) {
        double[][] axes = new double[d][d];
        for (int k = 0; k < d; k++) {
            axes[k][k] = 1;
        }
        if (d >= 2) {
            double c = Math.cos(radians);
            double s = Math.sin(radians);
            axes[0][0] = c;
            axes[0][1] = s;
            axes[1][0] = -s;
            axes[1][1] = c;
        }
        return axes;
    }

    /**
     * A random orthonormal basis: modified Gram-Schmidt on a matrix of standard normal entries
     * (rows drawn in order from {@code random}); a row that comes out (numerically) dependent on the
     * ones before is drawn again.
     */
    public static double[][] random(int d, SplittableRandom random) {
        double[][] axes = new double[d][d];
        for (int k = 0; k < d; k++) {
            double norm;
            do {
                for (int i = 0; i < d; i++) {
                    axes[k][i] = random.nextGaussian();
                }
                for (int j = 0; j < k; j++) {
                    double dot = dot(axes[k], axes[j]);
                    for (int i = 0; i < d; i++) {
                        axes[k][i] -= dot * axes[j][i];
                    }
                }
                norm = Math.sqrt(dot(axes[k], axes[k]));
            } while (norm < 1e-6);
            for (int i = 0; i < d; i++) {
                axes[k][i] /= norm;
            }
        }
        return axes;
    }

    /** {@code C = sum_k std_k^2 axes[k] axes[k]^T}, row-major {@code [d * d]}, rounded to float32 at the end. */
    public static float[] covariance(double[][] axes, double[] std) {
        int d = std.length;
        float[] c = new float[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += std[k] * std[k] * axes[k][i] * axes[k][j];
                }
                // computed once per pair, so the matrix is exactly symmetric
                c[i * d + j] = (float) sum;
                c[j * d + i] = (float) sum;
            }
        }
        return c;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
