package org.synlab.spiking;

import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;
import java.util.List;

/**
 * Ground truth for conductance-based LIF (Brian2's COBA model): {@code dv/dt = (ge (Ee - v) + gi (Ei - v) - (v - El)
 * + I) / taum} with dimensionless conductances (relative to the leak) decaying exponentially. {@code v} is advanced
 * by exponential Euler (conductances held over the step, exact for constant conductances), {@code ge} and {@code gi}
 * exactly. Refractoriness as in {@link LifCubaKernel}.
 */
public final class LifCobaKernel implements NeuronKernel {

    private static final List<String> VARIABLES = List.of("v", "ge", "gi", "I");
    private final double dt;
    private final double taum;
    private final float el;
    private final float ee;
    private final float ei;
    private final float vt;
    private final float vr;
    private final float pe;
    private final float pi;
    private final int holdSteps;

    public LifCobaKernel(double dt, double taum, double taue, double taui, double el, double ee, double ei, double vt,
            double vr, double refractoryMs) {
        this.dt = dt;
        this.taum = taum;
        this.el = (float) el;
        this.ee = (float) ee;
        this.ei = (float) ei;
        this.vt = (float) vt;
        this.vr = (float) vr;
        this.pe = (float) Math.exp(-dt / taue);
        this.pi = (float) Math.exp(-dt / taui);
        this.holdSteps = (int) Math.max(0, Math.round(refractoryMs / dt) - 1);
    }

    /** Brian2's COBA example parameters (Vogels and Abbott 2005). */
    public static LifCobaKernel coba(double dt) {
        return new LifCobaKernel(dt, 20, 5, 10, -60, 0, -80, -50, -60, 5);
    }

    @Override
    public List<String> variables() {
        return VARIABLES;
    }

    @Override
    public int update(PopulationState state, long step, int from, int to, int[] spiked) {
        float[] v = state.variable(0);
        float[] ge = state.variable(1);
        float[] gi = state.variable(2);
        float[] input = state.variable(3);
        int[] refractory = state.refractory();
        int count = 0;
        for (int i = from; i < to; i++) {
            float e = ge[i];
            float h = gi[i];
            if (refractory[i] > 0) {
                refractory[i]--;
            } else {
                float total = 1 + e + h;
                float target = (el + e * ee + h * ei + input[i]) / total;
                v[i] = target + (v[i] - target) * (float) Math.exp(-dt * total / taum);
            }
            ge[i] = e * pe;
            gi[i] = h * pi;
            if (v[i] > vt) {
                v[i] = vr;
                refractory[i] = holdSteps;
                spiked[count++] = i;
            }
        }
        return count;
    }
}
