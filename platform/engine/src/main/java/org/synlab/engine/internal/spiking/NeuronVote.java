package org.synlab.engine.internal.spiking;

import java.util.Arrays;

/**
 * Diehl and Cook's read-out of an unsupervised layer. Labelling: each neuron gets the class for which its mean
 * spike count per image was highest over the labelling images (a neuron that never fired stays unlabelled, -1).
 * Voting: an image is given the class whose labelled neurons fired most on average; ties go to the lowest class,
 * and an image no labelled neuron answered is counted as unanswered (and wrong).
 */
final class NeuronVote {

    private final int neurons;
    private final int classes;
    /** Spikes of neuron n over labelling images of class c, at [c * neurons + n]. */
    private final long[] spikesByClass;
    private final int[] imagesByClass;
    private int[] labels;

    NeuronVote(int neurons, int classes) {
        this.neurons = neurons;
        this.classes = classes;
        this.spikesByClass = new long[neurons * classes];
        this.imagesByClass = new int[classes];
    }

    /** Adds one labelling image of class {@code label} and the layer's spike counts for it. */
    void observe(int label, int[] counts) {
        imagesByClass[label]++;
        int base = label * neurons;
        for (int n = 0; n < neurons; n++) {
            spikesByClass[base + n] += counts[n];
        }
        labels = null;
    }

    /** Each neuron's class, or -1 for a neuron that never fired while labelling. */
    int[] labels() {
        if (labels == null) {
            labels = new int[neurons];
            for (int n = 0; n < neurons; n++) {
                int best = -1;
                double bestMean = 0;
                for (int c = 0; c < classes; c++) {
                    if (imagesByClass[c] > 0) {
                        double mean = (double) spikesByClass[c * neurons + n] / imagesByClass[c];
                        if (mean > bestMean) {
                            bestMean = mean;
                            best = c;
                        }
                    }
                }
                labels[n] = best;
            }
        }
        return labels;
    }

    /** Uses labels given from outside (saved by an earlier run) instead of observed ones. */
    void useLabels(int[] given) {
        if (given.length != neurons) {
            throw new IllegalArgumentException(neurons + " neurons, got " + given.length + " labels");
        }
        for (int label : given) {
            if (label < -1 || label >= classes) {
                throw new IllegalArgumentException("a label must be -1 (none) or a class below " + classes + ", got "
                        + label);
            }
        }
        labels = given.clone();
    }

    /** The number of neurons with a label. */
    int labelled() {
        return (int) Arrays.stream(labels()).filter(l -> l >= 0).count();
    }

    /** The voted class of an image from the layer's spike counts, or -1 if no labelled neuron fired. */
    int predict(int[] counts) {
        int[] label = labels();
        double[] sum = new double[classes];
        int[] members = new int[classes];
        long total = 0;
        for (int n = 0; n < neurons; n++) {
            if (label[n] >= 0) {
                sum[label[n]] += counts[n];
                members[label[n]]++;
                total += counts[n];
            }
        }
        if (total == 0) {
            return -1;
        }
        int best = -1;
        double bestMean = -1;
        for (int c = 0; c < classes; c++) {
            if (members[c] > 0 && sum[c] / members[c] > bestMean) {
                bestMean = sum[c] / members[c];
                best = c;
            }
        }
        return best;
    }
}
