package org.synlab.spiking;

import org.synlab.api.spiking.NeuronKernel;
import org.synlab.api.spiking.PopulationState;
import java.util.List;

/**
 * Ground truth for current-based LIF with exponential synaptic currents, Brian2's CUBA model with an extra input
 * {@code I} (mV): {@code dv/dt = (ge + gi + I - (v - El)) / taum}, {@code dge/dt = -ge/taue}, {@code dgi/dt =
 * -gi/taui}, threshold {@code v > Vt}, reset {@code v = Vr}. Integrated exactly (the linear system's propagator,
 * Brian2's {@code method='exact'}), in double for the coefficients and float for the state.
 *
 * <p>Refractoriness as Brian2 counts it: {@code v} is held during the steps with {@code t - lastspike < refractory},
 * that is for {@code round(refractory/dt) - 1} steps after the spike step, while {@code ge} and {@code gi} keep
 * decaying.
 */
public final class LifCubaKernel implements NeuronKernel {

    private static final List<String> VARIABLES = List.of("v", "ge", "gi", "I");
    private final float el;
    private final float vt;
    private final float vr;
    private final float pm;
    private final float pe;
    private final float pi;
    private final float ce;
    private final float ci;
    private final int holdSteps;

    public LifCubaKernel(double dt, double taum, double taue, double taui, double el, double vt, double vr,
            double refractoryMs) {
        this.el = (float) el;
        this.vt = (float) vt;
        this.vr = (float) vr;
        double em = Math.exp(-dt / taum);
        double ee = Math.exp(-dt / taue);
        double ei = Math.exp(-dt / taui);
        this.pm = (float) em;
        this.pe = (float) ee;
        this.pi = (float) ei;
        // the response of v over one step to a unit synaptic current decaying with tau_s: tau_s/(tau_s-taum)(e_s-e_m)
        this.ce = (float) (taue / (taue - taum) * (ee - em));
        this.ci = (float) (taui / (taui - taum) * (ei - em));
        this.holdSteps = (int) Math.max(0, Math.round(refractoryMs / dt) - 1);
    }

    /** Brian2's CUBA example parameters. */
    public static LifCubaKernel cuba(double dt) {
        return new LifCubaKernel(dt, 20, 5, 10, -49, -50, -60, 5);
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
                float rest = el + input[i];
                v[i] = rest + (v[i] - rest) * pm + e * ce + h * ci;
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
