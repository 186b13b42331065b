package org.synlab.spiking.internal;

import org.synlab.spiking.CurrentInput;

/**
 * A {@link CurrentInput} turned into steps: the amplitude in force at each step, written into the input's variable
 * for a range of neurons at the start of the step.
 */
public final class InputSchedule {

    private final long[] changeSteps;
    private final float[] amplitudes;
    private final float[] scale;
    private final float[] variable;

    /** The schedule of {@code input} stepped with {@code dt} ms, writing into {@code variable}. */
    public InputSchedule(CurrentInput input, double dt, float[] variable) {
        double[] times = input.timesMs();
        double[] amps = input.amplitudes();
        this.changeSteps = new long[times.length];
        this.amplitudes = new float[times.length];
        for (int k = 0; k < times.length; k++) {
            changeSteps[k] = Math.round(times[k] / dt);
            amplitudes[k] = (float) amps[k];
        }
        double[] s = input.scale();
        if (s == null) {
            this.scale = null;
        } else {
            this.scale = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                scale[i] = (float) s[i];
            }
        }
        this.variable = variable;
    }

    /** The amplitude in force at {@code step}: that of the last change at or before it, 0 before the first. */
    public float amplitude(long step) {
        int lo = 0;
        int hi = changeSteps.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (changeSteps[mid] <= step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? 0f : amplitudes[lo - 1];
    }

    /** Writes the input of {@code step} for neurons {@code [from, to)}. */
    public void apply(long step, int from, int to) {
        float a = amplitude(step);
        if (scale == null) {
            for (int i = from; i < to; i++) {
                variable[i] = a;
            }
        } else {
            for (int i = from; i < to; i++) {
                variable[i] = a * scale[i];
            }
        }
    }
}
