package org.synlab.plugins.learning.plasticity.internal;

import java.util.Arrays;
import org.synlab.api.plasticity.Synapses;

/**
 * Which rows of a projection are dense ranges: row {@code i} is a contiguous block of synapses whose targets are
 * {@code first, first+1, ...} in that order (every row of an all-to-all projection without delays, such as Diehl
 * and Cook's input layer). A rule can then find a row's synapse to neuron {@code j} by its offset, and sweep a
 * row's weights as a plain array slice that the JIT vectorises.
 */
final class RowLayout {

    private final int[] begin;
    private final int[] end;
    private final int[] first;

    private RowLayout(int[] begin, int[] end, int[] first) {
        this.begin = begin;
        this.end = end;
        this.first = first;
    }

    static RowLayout of(Synapses synapses) {
        int rows = synapses.preSize();
        int[] begin = new int[rows];
        int[] end = new int[rows];
        int[] first = new int[rows];
        Arrays.fill(first, -1);
        boolean[] seen = new boolean[rows];
        int[] pre = synapses.pre();
        int[] post = synapses.post();
        int s = 0;
        while (s < synapses.count()) {
            int row = pre[s];
            int from = s;
            boolean range = !seen[row];
            while (s < synapses.count() && pre[s] == row) {
                range &= post[s] == post[from] + (s - from);
                s++;
            }
            // a row split over several blocks is not a range (its first block was taken for one)
            first[row] = range ? post[from] : -1;
            begin[row] = from;
            end[row] = s;
            seen[row] = true;
        }
        return new RowLayout(begin, end, first);
    }

    /** The number of rows (presynaptic neurons). */
    int rows() {
        return first.length;
    }

    /** The first target of row {@code i} if the row is a dense range, else -1. */
    int rangeStart(int i) {
        return first[i];
    }

    /** The first synapse of row {@code i}, when it is a dense range. */
    int begin(int i) {
        return begin[i];
    }

    /** One past the last synapse of row {@code i}, when it is a dense range. */
    int end(int i) {
        return end[i];
    }

    /** Whether every non-empty row is a dense range. */
    boolean allRanges(int count) {
        int covered = 0;
        for (int i = 0; i < first.length; i++) {
            if (end[i] > begin[i]) {
                if (first[i] < 0) {
                    return false;
                }
                covered += end[i] - begin[i];
            }
        }
        return covered == count;
    }
}
