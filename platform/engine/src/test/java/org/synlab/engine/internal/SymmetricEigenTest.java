package org.synlab.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Jacobi eigen-solver behind truth.pc1_cosine, against matrices whose decomposition is known. */
class SymmetricEigenTest {

    @Test
    void twoByTwoRotatedEllipse() {
        // R diag(4, 1) R^T for 30 degrees: the first component is (cos 30, sin 30)
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        float[] m = {(float) (4 * c * c + s * s), (float) (3 * c * s), (float) (3 * c * s), (float) (4 * s * s + c * c)};
        SymmetricEigen e = SymmetricEigen.of(m, 2);
        assertArrayEquals(new double[] {4, 1}, e.values, 1e-6);
        double sign = Math.signum(e.vectors[0][0]);
        assertArrayEquals(new double[] {c, s}, new double[] {sign * e.vectors[0][0], sign * e.vectors[0][1]}, 1e-7);
    }

    @Test
    void diagonalAndEqualDiagonalEntries() {
        SymmetricEigen e = SymmetricEigen.of(new float[] {1, 0, 0, 0, 3, 0, 0, 0, 2}, 3);
        assertArrayEquals(new double[] {3, 2, 1}, e.values);
        assertArrayEquals(new double[] {0, 1, 0}, e.vectors[0]);
        // [[2, 1], [1, 2]]: a_pp = a_qq, the 45-degree rotation; eigenvalues 3 and 1
        SymmetricEigen equal = SymmetricEigen.of(new float[] {2, 1, 1, 2}, 2);
        assertArrayEquals(new double[] {3, 1}, equal.values, 1e-12);
        assertEquals(1 / Math.sqrt(2), Math.abs(equal.vectors[0][0]), 1e-12);
        assertEquals(equal.vectors[0][0], equal.vectors[0][1], 1e-12);
    }

    @Test
    void randomTenByTenIsDecomposedToDoublePrecision() {
        int n = 10;
        SplittableRandom random = new SplittableRandom(5);
        double[][] q = new double[n][n];
        // a random orthonormal basis (Gram-Schmidt) and a spectrum with a gap after the first value
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                q[k][i] = random.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[k][i] * q[j][i];
                }
                for (int i = 0; i < n; i++) {
                    q[k][i] -= dot * q[j][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[k][i] * q[k][i];
            }
            for (int i = 0; i < n; i++) {
                q[k][i] /= Math.sqrt(norm);
            }
        }
        double[] lambda = {9, 4, 2.25, 1.44, 1, 0.64, 0.36, 0.16, 0.04, 0.01};
        float[] m = new float[n * n];
        double[][] exact = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    exact[i][j] += lambda[k] * q[k][i] * q[k][j];
                }
                m[i * n + j] = (float) exact[i][j];
                m[j * n + i] = (float) exact[i][j];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(m, n);
        // the float32 rounding of the matrix moves the eigenvalues by about 1e-6 at most
        assertArrayEquals(lambda, e.values, 1e-5);
        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += e.vectors[0][i] * q[0][i];
        }
        assertEquals(1.0, Math.abs(dot), 1e-10);
        // every pair is an eigenpair of the matrix it was given, to double precision
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += m[i * n + j] * e.vectors[k][j];
                }
                assertEquals(e.values[k] * e.vectors[k][i], av, 1e-12, "eigenpair " + k + ", row " + i);
            }
        }
    }

    @Test
    void aMatrixOfTheWrongSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new float[5], 2));
    }
}
