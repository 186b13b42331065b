package org.synlab.plugins.learning.plasticity;

import java.util.SplittableRandom;

/**
 * Seeded zero-mean Gaussian samples with a known covariance {@code C = Q diag(lambda) Q^T}: Q is an orthonormal
 * basis from Gram-Schmidt on a seeded random matrix, so the first principal component is known exactly (column 0
 * of Q, for the largest lambda) without an eigen-solver. Double precision throughout; samples are handed out as
 * float32 rows.
 */
final class GaussianData {

    final int dimensions;
    /** Q's columns, {@code basis[k]} is eigenvector k. */
    final double[][] basis;
    private final double[] lambda;
    private final SplittableRandom random;

    /** @param lambda eigenvalues, largest first */
    GaussianData(double[] lambda, long seed) {
        this.dimensions = lambda.length;
        this.lambda = lambda.clone();
        this.random = new SplittableRandom(seed);
        this.basis = orthonormal(dimensions, random);
    }

    /** {@code count} samples, row-major {@code [count, dimensions]}. */
    float[] samples(int count) {
        float[] out = new float[count * dimensions];
        double[] z = new double[dimensions];
        for (int n = 0; n < count; n++) {
            for (int k = 0; k < dimensions; k++) {
                z[k] = gaussian() * Math.sqrt(lambda[k]);
            }
            for (int i = 0; i < dimensions; i++) {
                double x = 0;
                for (int k = 0; k < dimensions; k++) {
                    x += basis[k][i] * z[k];
                }
                out[n * dimensions + i] = (float) x;
            }
        }
        return out;
    }

    /** |cos| of the angle between {@code w} and the first principal component. */
    double cosineWithFirstComponent(float[] w) {
        double dot = 0;
        for (int i = 0; i < dimensions; i++) {
            dot += w[i] * basis[0][i];
        }
        return Math.abs(dot) / norm(w);
    }

    static double norm(float[] w) {
        double s = 0;
        for (float v : w) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    private double gaussian() {
        // Box-Muller: two uniforms give one normal (the other is dropped for simplicity)
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double[][] orthonormal(int d, SplittableRandom random) {
        double[][] q = new double[d][d];
        for (int k = 0; k < d; k++) {
            for (int i = 0; i < d; i++) {
                q[k][i] = random.nextDouble(-1, 1);
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += q[k][i] * q[j][i];
                }
                for (int i = 0; i < d; i++) {
                    q[k][i] -= dot * q[j][i];
                }
            }
            double n = 0;
            for (int i = 0; i < d; i++) {
                n += q[k][i] * q[k][i];
            }
            n = Math.sqrt(n);
            for (int i = 0; i < d; i++) {
                q[k][i] /= n;
            }
        }
        return q;
    }
}
