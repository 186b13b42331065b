package org.synlab.plugins.backend.cpu.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Decodes a row of 8-bit codes into floats, {@code (code & 0xFF) / divisor}, a vector of codes at a time:
 * the shuffled-batch gather of {@link org.synlab.api.Compute#uploadByteRows}. Measured on MNIST batches of
 * 64 random rows: 17 us in JMH ({@code BatchGatherBenchmark}) against 31 us to copy the same rows from the
 * float table (four times the bytes from memory); with the caches stirred between batches as a training
 * step stirs them, 8-10 us against 40-47 us, and 28-35 us to look the codes up in a 256-float palette (a
 * vector gather).
 */
final class ByteRows {

    private static final VectorSpecies<Float> FLOATS = MicroKernel.SPECIES;
    private static final int LANES = FLOATS.length();
    /**
     * Vectors of as many bytes as the float vector has lanes, a quarter of its width; the smallest vector
     * shape is 64 bits, so float vectors under 256 bits decode one code at a time.
     */
    private static final boolean VECTORS = FLOATS.vectorBitSize() >= 256;
    private static final VectorSpecies<Byte> BYTES =
            VECTORS ? VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.vectorBitSize() / 4)) : null;
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());

    private ByteRows() {
    }

    /** {@code out[to + i] = (codes[from + i] & 0xFF) / divisor} for i in [0, n), each an IEEE float division. */
    static void decode(byte[] codes, int from, float divisor, float[] out, int to, int n) {
        int i = 0;
        for (int bound = VECTORS ? FLOATS.loopBound(n) : 0; i < bound; i += LANES) {
            IntVector widened = (IntVector) ByteVector.fromArray(BYTES, codes, from + i)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
            ((FloatVector) widened.convertShape(VectorOperators.I2F, FLOATS, 0)).div(divisor).intoArray(out, to + i);
        }
        for (; i < n; i++) {
            out[to + i] = (codes[from + i] & 0xFF) / divisor;
        }
    }
}
