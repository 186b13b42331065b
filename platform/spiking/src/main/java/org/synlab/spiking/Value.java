package org.synlab.spiking;

/**
 * A number that is either a constant or drawn from a distribution, used for initial values, weights and delays.
 * Draws are keyed by (seed, stream, index) in Philox, so each neuron's or synapse's value is fixed by the seed alone.
 */
public sealed interface Value {

    /** A constant. */
    static Value constant(double value) {
        return new Constant(value);
    }

    /** Uniform on {@code [low, high)}. */
    static Value uniform(double low, double high) {
        return new Uniform(low, high);
    }

    /** Normal with the given mean and standard deviation. */
    static Value normal(double mean, double sd) {
        return new Normal(mean, sd);
    }

    /** The smallest value this can take, {@code -infinity} for a normal with positive spread. */
    double lowerBound();

    /** The same value everywhere. */
    record Constant(double value) implements Value {
        public Constant {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("constant must be finite, got " + value);
            }
        }

        @Override
        public double lowerBound() {
            return value;
        }
    }

    /** Uniform on {@code [low, high)}. */
    record Uniform(double low, double high) implements Value {
        public Uniform {
            if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
                throw new IllegalArgumentException("uniform needs finite low <= high, got [" + low + ", " + high + ")");
            }
        }

        @Override
        public double lowerBound() {
            return low;
        }
    }

    /** Normal with mean {@code mean} and standard deviation {@code sd}. */
    record Normal(double mean, double sd) implements Value {
        public Normal {
            if (!Double.isFinite(mean) || !Double.isFinite(sd) || sd < 0) {
                throw new IllegalArgumentException("normal needs a finite mean and sd >= 0, got " + mean + ", " + sd);
            }
        }

        @Override
        public double lowerBound() {
            return sd == 0 ? mean : Double.NEGATIVE_INFINITY;
        }
    }
}
