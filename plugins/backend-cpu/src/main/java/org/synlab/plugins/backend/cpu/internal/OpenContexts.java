package org.synlab.plugins.backend.cpu.internal;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.synlab.api.Compute;
import org.synlab.api.ComputeConfig;

/** The contexts a backend instance has opened and not yet seen closed, so they can be closed together. */
public final class OpenContexts {

    private final Set<CpuCompute> open = ConcurrentHashMap.newKeySet();
    private final Runnable onFirstProduct;

    /** @param onFirstProduct told when a context multiplies for the first time: a run has begun its real work */
    public OpenContexts(Runnable onFirstProduct) {
        this.onFirstProduct = Objects.requireNonNull(onFirstProduct, "onFirstProduct");
    }

    public Compute open(ComputeConfig config) {
        Objects.requireNonNull(config, "config");
        CpuCompute compute = new CpuCompute(config, open::remove, onFirstProduct);
        open.add(compute);
        return compute;
    }

    public void closeAll() {
        for (CpuCompute compute : open) {
            compute.close();
        }
    }

    int count() {
        return open.size();
    }
}
