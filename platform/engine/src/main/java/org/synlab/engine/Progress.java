package org.synlab.engine;

import java.util.Map;

/**
 * One progress report of a running run, sent after every epoch (and at most every few hundred
 * milliseconds within long epochs).
 *
 * @param epoch   1-based epoch the report belongs to
 * @param epochs  the epoch budget
 * @param fraction fraction of the whole run done, 0..1
 * @param metrics metrics so far by dotted name ({@code train.loss}, {@code train.accuracy},
 *                {@code samples_per_second}...)
 */
public record Progress(int epoch, int epochs, double fraction, Map<String, Double> metrics) {
    public Progress {
        metrics = Map.copyOf(metrics);
    }
}
