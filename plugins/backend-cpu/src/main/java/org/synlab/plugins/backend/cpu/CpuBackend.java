package org.synlab.plugins.backend.cpu;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.synlab.api.Availability;
import org.synlab.api.Backend;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;
import org.synlab.plugins.backend.cpu.internal.KernelWarmup;
import org.synlab.plugins.backend.cpu.internal.OpenContexts;

/**
 * The {@code cpu} backend: float32 tensors in Java arrays, GEMM and elementwise kernels spread over
 * a fixed pool of threads, Philox random streams. Results are bit-for-bit the same on any thread
 * count.
 */
@Component(service = Backend.class)
public final class CpuBackend implements Backend {

    private final OpenContexts contexts = new OpenContexts(this::haltWarmup);
    private volatile KernelWarmup warmup;

    /** Has the JIT compile the kernels while the host boots (see {@link KernelWarmup}). */
    @Activate
    void activate() {
        warmup = KernelWarmup.start();
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public String description() {
        return "Host CPU: float32 tensors in Java arrays, multi-threaded GEMM, compiled elementwise kernels, "
                + "Philox random streams; bit-for-bit reproducible on any thread count";
    }

    @Override
    public Availability availability() {
        return Availability.yes(Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
    }

    @Override
    public Compute open(ComputeConfig config) {
        return contexts.open(config);
    }

    /** A run has begun to multiply: the warm-up has had the host's boot and the data loading, and now gives way. */
    private void haltWarmup() {
        KernelWarmup w = warmup;
        if (w != null) {
            w.halt();
        }
    }

    /** Contexts still open when the bundle stops would keep its threads, and so its class loader, alive. */
    @Deactivate
    void deactivate() {
        if (warmup != null) {
            warmup.stop();
        }
        contexts.closeAll();
    }
}
