package org.synlab.engine.internal;

/**
 * Eigenvalues and unit eigenvectors of a real symmetric matrix by cyclic Jacobi rotations, in
 * double precision: each rotation zeroes one off-diagonal pair, and sweeps over all pairs repeat
 * until the off-diagonal part is negligible (quadratic convergence; a handful of sweeps for the
 * matrices a run meets). Used for the first principal component of a dataset's known covariance.
 */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    /** Eigenvalues, largest first. */
    final double[] values;
    /** {@code vectors[k]}: the unit eigenvector of {@code values[k]}. */
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric matrix {@code matrix} (row-major {@code [n * n]}; only its upper
     * triangle is read, so rounding asymmetry does not matter).
     */
    static SymmetricEigen of(float[] matrix, int n) {
        if (matrix.length != n * n) {
            throw new IllegalArgumentException("expected " + n + " x " + n + " = " + n * n + " values, got "
                    + matrix.length);
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = matrix[i * n + j];
                a[j][i] = matrix[i * n + j];
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        double scale = 0;
        for (double[] row : a) {
            for (double x : row) {
                scale += x * x;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-32 * scale) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = a[order[k]][order[k]];
            for (int i = 0; i < n; i++) {
                vectors[k][i] = v[i][order[k]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /**
     * {@code A <- J^T A J} and {@code V <- V J} for the rotation J in the (p, q) plane that zeroes
     * {@code A[p][q]}: with {@code theta = (a_qq - a_pp) / (2 a_pq)}, {@code t = tan} of the angle is the
     * smaller root of {@code t^2 + 2 theta t - 1 = 0}.
     */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        int n = a.length;
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }
}
