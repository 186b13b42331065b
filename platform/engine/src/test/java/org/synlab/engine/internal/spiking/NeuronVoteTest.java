package org.synlab.engine.internal.spiking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NeuronVoteTest {

    @Test
    void labelsByTheHighestMeanResponsePerClassNotTheTotal() {
        NeuronVote vote = new NeuronVote(3, 2);
        // class 0 shown three times, class 1 once: neuron 0 fires 2 per class-0 image (total 6) and 5 for class 1
        vote.observe(0, new int[] {2, 0, 0});
        vote.observe(0, new int[] {2, 1, 0});
        vote.observe(0, new int[] {2, 0, 0});
        vote.observe(1, new int[] {5, 0, 0});
        assertArrayEquals(new int[] {1, 0, -1}, vote.labels());
        assertEquals(2, vote.labelled());
    }

    @Test
    void votesForTheClassWhoseNeuronsFireMostOnAverage() {
        NeuronVote vote = new NeuronVote(4, 3);
        vote.useLabels(new int[] {0, 0, 1, -1});
        // class 0: (1 + 1) / 2 = 1; class 1: 2 / 1; the unlabelled neuron 3 does not vote
        assertEquals(1, vote.predict(new int[] {1, 1, 2, 9}));
        assertEquals(0, vote.predict(new int[] {4, 0, 1, 0}));
        // a tie goes to the lower class
        assertEquals(0, vote.predict(new int[] {1, 1, 1, 0}));
        // no labelled neuron fired: no answer
        assertEquals(-1, vote.predict(new int[] {0, 0, 0, 7}));
    }

    @Test
    void givenLabelsMustFitTheLayerAndTheClasses() {
        NeuronVote vote = new NeuronVote(2, 3);
        assertThrows(IllegalArgumentException.class, () -> vote.useLabels(new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> vote.useLabels(new int[] {0, 3}));
    }
}
