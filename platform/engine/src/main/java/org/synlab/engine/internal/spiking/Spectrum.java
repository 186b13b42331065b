package org.synlab.engine.internal.spiking;

/**
 * The dominant rhythm of a binned population rate: the frequency of the largest peak of its power
 * spectrum (mean removed), found by a direct Fourier sum on a 0.5 Hz grid. Cheap for the series a run
 * records (a thousand bins for a second at 1 ms), and needs no FFT library.
 */
final class Spectrum {

    private Spectrum() {
    }

    /** The frequency in {@code [fromHz, toHz]} with the most power, or NaN for a flat or empty series. */
    static double peakHz(double[] rates, double binMs, double fromHz, double toHz) {
        int n = rates.length;
        if (n < 4) {
            return Double.NaN;
        }
        double mean = 0;
        for (double r : rates) {
            mean += r;
        }
        mean /= n;
        double nyquist = 500.0 / binMs;
        double best = Double.NaN;
        double bestPower = 0;
        for (double f = fromHz; f <= Math.min(toHz, nyquist); f += 0.5) {
            double w = 2 * Math.PI * f * binMs * 1e-3;
            double re = 0;
            double im = 0;
            for (int k = 0; k < n; k++) {
                double x = rates[k] - mean;
                re += x * Math.cos(w * k);
                im += x * Math.sin(w * k);
            }
            double power = re * re + im * im;
            if (power > bestPower) {
                bestPower = power;
                best = f;
            }
        }
        return best;
    }
}
