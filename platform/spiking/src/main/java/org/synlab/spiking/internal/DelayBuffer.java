package org.synlab.spiking.internal;

/**
 * The delayed input of one (postsynaptic population, target variable). Synapses with a delay of one step deliver
 * straight into the variable: delivery of step {@code t} runs after the update of step {@code t}, so the weight is in
 * place for step {@code t+1}. Longer delays go through a ring of {@code maxDelay} slots of {@code size} floats, slot
 * {@code s mod maxDelay} collecting what arrives at step {@code s}; the slot of step {@code t} is drained at the start
 * of {@code t}, before that step's delivery can write it again for step {@code t + maxDelay}.
 *
 * <p>Draining is a pass over the neurons, as expensive as a neuron update, so each (slot, thread range) carries a
 * dirty flag: a range nothing was delivered to is skipped. Flag {@code (slot, part)} is only touched by the thread
 * that owns range {@code part}, so it needs no synchronisation.
 */
public final class DelayBuffer {

    private final float[] variable;
    private final float[] data;
    private final boolean[] dirty;
    private final int slots;
    private final int size;
    private final int parts;

    /** The input of {@code variable} ({@code size} neurons in {@code parts} ranges) for delays up to {@code maxDelay}. */
    public DelayBuffer(float[] variable, int maxDelay, int parts) {
        this.variable = variable;
        this.size = variable.length;
        this.slots = maxDelay;
        this.parts = parts;
        this.data = new float[maxDelay > 1 ? Math.multiplyExact(slots, size) : 0];
        this.dirty = new boolean[maxDelay > 1 ? slots * parts : 0];
    }

    /** The slot of {@code step}. */
    public int slot(long step) {
        return (int) (step % slots);
    }

    /** Adds the ring slot of {@code step} into the variable for neurons {@code [from, to)}, range {@code part}. */
    public void drain(long step, int part, int from, int to) {
        if (slots == 1) {
            return;
        }
        int slot = slot(step);
        if (!dirty[slot * parts + part]) {
            return;
        }
        dirty[slot * parts + part] = false;
        int base = slot * size;
        for (int i = from; i < to; i++) {
            variable[i] += data[base + i];
            data[base + i] = 0f;
        }
    }

    /** Marks the ring slot {@code slot} as holding input for range {@code part}. */
    void markDirty(int slot, int part) {
        dirty[slot * parts + part] = true;
    }

    /** The target variable, where one-step delays land. */
    public float[] variable() {
        return variable;
    }

    /** The ring, slot-major; empty when the longest delay is one step. */
    public float[] data() {
        return data;
    }

    /** The number of ring slots, the longest delay in steps. */
    public int slots() {
        return slots;
    }

    /** The number of neurons. */
    public int size() {
        return size;
    }
}
