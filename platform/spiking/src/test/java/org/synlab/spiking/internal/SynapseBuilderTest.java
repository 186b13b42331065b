package org.synlab.spiking.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.synlab.spiking.Connector;
import org.synlab.spiking.Projection;
import org.synlab.spiking.Sign;
import org.synlab.spiking.Value;

class SynapseBuilderTest {

    private static final double DT = 0.1;

    private static SynapseMatrix build(Connector connector, int pre, int post, boolean recurrent, long seed) {
        return build(connector, pre, post, recurrent, seed, Value.constant(1), Value.constant(0.1));
    }

    private static SynapseMatrix build(Connector connector, int pre, int post, boolean recurrent, long seed,
            Value weight, Value delay) {
        Projection projection = Projection.of("a", recurrent ? "a" : "b", connector, "x", Sign.EXCITATORY, weight,
                delay);
        return new SynapseBuilder(seed, DT).build(projection, 0, pre, post, recurrent);
    }

    /** Every row strictly ascending in (delay, target): sorted, and no (pre, post) pair twice. */
    private static void assertRowsSortedWithoutDuplicates(SynapseMatrix m) {
        for (int i = 0; i < m.preSize(); i++) {
            for (int s = m.rowPtr()[i] + 1; s < m.rowPtr()[i + 1]; s++) {
                long previous = ((long) m.delay()[s - 1] << 32) | m.target()[s - 1];
                long current = ((long) m.delay()[s] << 32) | m.target()[s];
                assertTrue(previous < current, "row " + i + " not strictly ascending at synapse " + s);
            }
            int[] targets = Arrays.copyOfRange(m.target(), m.rowPtr()[i], m.rowPtr()[i + 1]);
            assertEquals(targets.length, Arrays.stream(targets).distinct().count(), "duplicate pair in row " + i);
        }
    }

    private static boolean hasSelf(SynapseMatrix m) {
        for (int i = 0; i < m.preSize(); i++) {
            for (int s = m.rowPtr()[i]; s < m.rowPtr()[i + 1]; s++) {
                if (m.target()[s] == i) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] inDegrees(SynapseMatrix m) {
        int[] in = new int[m.postSize()];
        for (int t : m.target()) {
            in[t]++;
        }
        return in;
    }

    @Test
    void allToAllConnectsEveryPair() {
        SynapseMatrix m = build(Connector.allToAll(true), 30, 40, false, 1);
        assertEquals(30 * 40, m.size());
        for (int i = 0; i < 30; i++) {
            assertEquals(40, m.outDegree(i));
        }
        assertRowsSortedWithoutDuplicates(m);
    }

    @Test
    void allToAllWithoutSelfConnectionsSkipsTheDiagonal() {
        SynapseMatrix m = build(Connector.allToAll(false), 50, 50, true, 1);
        assertEquals(50 * 49, m.size());
        assertFalse(hasSelf(m));
        SynapseMatrix withSelf = build(Connector.allToAll(true), 50, 50, true, 1);
        assertEquals(50 * 50, withSelf.size());
        assertTrue(hasSelf(withSelf));
    }

    @Test
    void oneToOneConnectsEachNeuronToItsTwin() {
        SynapseMatrix m = build(Connector.oneToOne(), 25, 25, false, 1);
        assertEquals(25, m.size());
        for (int i = 0; i < 25; i++) {
            assertEquals(1, m.outDegree(i));
            assertEquals(i, m.target()[m.rowPtr()[i]]);
        }
    }

    @Test
    void fixedProbabilityCountIsWithinFiveSigmaOfPNM() {
        int n = 400;
        int mPost = 500;
        double p = 0.1;
        SynapseMatrix m = build(Connector.fixedProbability(p, true), n, mPost, false, 7);
        double mean = p * n * mPost;
        double sigma = Math.sqrt(n * mPost * p * (1 - p));
        assertTrue(Math.abs(m.size() - mean) < 5 * sigma, "count " + m.size() + " vs " + mean + " +- " + sigma);
        assertRowsSortedWithoutDuplicates(m);
        // the in-degree of each target is Binomial(n, p): its spread must match, not only the total
        int[] in = inDegrees(m);
        double avg = Arrays.stream(in).average().orElseThrow();
        double var = Arrays.stream(in).mapToDouble(d -> (d - avg) * (d - avg)).sum() / (in.length - 1);
        double expectedVar = n * p * (1 - p);
        assertTrue(var > 0.75 * expectedVar && var < 1.25 * expectedVar, "in-degree variance " + var
                + " vs " + expectedVar);
    }

    @Test
    void fixedProbabilityWithoutSelfConnectionsExcludesTheDiagonal() {
        int n = 600;
        double p = 0.05;
        SynapseMatrix m = build(Connector.fixedProbability(p, false), n, n, true, 11);
        assertFalse(hasSelf(m));
        double mean = p * n * (n - 1);
        double sigma = Math.sqrt(n * (n - 1) * p * (1 - p));
        assertTrue(Math.abs(m.size() - mean) < 5 * sigma, "count " + m.size() + " vs " + mean);
    }

    @Test
    void fixedProbabilityExtremes() {
        assertEquals(0, build(Connector.fixedProbability(0, true), 20, 20, false, 3).size());
        assertEquals(20 * 19, build(Connector.fixedProbability(1, false), 20, 20, true, 3).size());
    }

    @Test
    void fixedInDegreeGivesExactlyKDistinctPartnersPerTarget() {
        int n = 300;
        int mPost = 400;
        int k = 50;
        SynapseMatrix m = build(Connector.fixedInDegree(k, true), n, mPost, false, 5);
        assertEquals(k * mPost, m.size());
        for (int d : inDegrees(m)) {
            assertEquals(k, d);
        }
        assertRowsSortedWithoutDuplicates(m);
        // partners chosen uniformly: each source's out-degree is Binomial(mPost, k/n)
        double p = (double) k / n;
        double avg = (double) m.size() / n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (m.outDegree(i) - avg) * (m.outDegree(i) - avg);
        }
        var /= n - 1;
        double expectedVar = mPost * p * (1 - p);
        assertTrue(var > 0.7 * expectedVar && var < 1.3 * expectedVar, "out-degree variance " + var + " vs "
                + expectedVar);
    }

    @Test
    void fixedInDegreeWithoutSelfConnectionsNeverPicksTheTarget() {
        int n = 40;
        // k = n - 1 forces every other neuron to be chosen, the hardest case for excluding self
        SynapseMatrix full = build(Connector.fixedInDegree(n - 1, false), n, n, true, 9);
        assertFalse(hasSelf(full));
        assertEquals(n * (n - 1), full.size());
        SynapseMatrix m = build(Connector.fixedInDegree(10, false), 500, 500, true, 9);
        assertFalse(hasSelf(m));
        for (int d : inDegrees(m)) {
            assertEquals(10, d);
        }
        assertRowsSortedWithoutDuplicates(m);
    }

    @Test
    void sameSeedSameSynapsesOtherSeedOthers() {
        Connector c = Connector.fixedProbability(0.2, true);
        SynapseMatrix a = build(c, 100, 100, false, 42, Value.normal(1, 0.3), Value.uniform(0.1, 2));
        SynapseMatrix b = build(c, 100, 100, false, 42, Value.normal(1, 0.3), Value.uniform(0.1, 2));
        SynapseMatrix other = build(c, 100, 100, false, 43, Value.normal(1, 0.3), Value.uniform(0.1, 2));
        assertArrayEquals(a.rowPtr(), b.rowPtr());
        assertArrayEquals(a.target(), b.target());
        assertArrayEquals(a.weight(), b.weight());
        assertArrayEquals(a.delay(), b.delay());
        assertFalse(Arrays.equals(a.target(), other.target()));
    }

    @Test
    void delaysAreQuantisedToAtLeastOneStepAndRowsGroupedByDelay() {
        SynapseMatrix m = build(Connector.fixedProbability(0.3, true), 80, 90, false, 2, Value.constant(1),
                Value.uniform(0.0, 1.0));
        assertRowsSortedWithoutDuplicates(m);
        int min = Arrays.stream(m.delay()).min().orElseThrow();
        int max = Arrays.stream(m.delay()).max().orElseThrow();
        assertEquals(1, min, "delays under half a step become one step");
        assertEquals(10, max);
        assertEquals(10, m.maxDelay());
        // every delay value 1..10 occurs: the draws cover the range
        assertEquals(10, Arrays.stream(m.delay()).distinct().count());
    }

    @Test
    void weightsFollowTheirDistributionAndExcitatoryOnesAreClippedAtZero() {
        SynapseMatrix m = build(Connector.allToAll(true), 200, 200, false, 4, Value.normal(0.5, 1.0),
                Value.constant(0.1));
        int zeros = 0;
        for (float w : m.weight()) {
            assertTrue(w >= 0);
            zeros += w == 0 ? 1 : 0;
        }
        // P(N(0.5, 1) < 0) = 0.3085
        double fraction = (double) zeros / m.size();
        assertEquals(0.3085, fraction, 0.02);
        SynapseMatrix u = build(Connector.allToAll(true), 200, 200, false, 4, Value.uniform(1, 3),
                Value.constant(0.1));
        double mean = 0;
        for (float w : u.weight()) {
            assertTrue(w >= 1 && w < 3);
            mean += w;
        }
        assertEquals(2.0, mean / u.size(), 0.02);
        assertNotEquals(u.weight()[0], u.weight()[1]);
    }
}
