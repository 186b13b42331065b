package org.synlab.plugins.learning.gradient;

import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.plugins.backend.cpu.CpuBackend;

/** A real Compute for the tests: the cpu backend, one thread, fixed seed. */
final class CpuCompute {

    private CpuCompute() {
    }

    static Compute open() {
        return new CpuBackend().open(new ComputeConfig(1, 42));
    }
}
