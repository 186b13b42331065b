package org.synlab.plugins.learning.plasticity;

import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.plugins.backend.cpu.CpuBackend;

/** The real {@code cpu} backend the rate-rule tests run on. */
final class Cpu {

    private Cpu() {
    }

    static Compute open() {
        return new CpuBackend().open(new ComputeConfig(2, 42));
    }
}
