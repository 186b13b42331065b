package org.synlab.plugins.backend.cpu.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.synlab.api.Tensor;

/** The live tensors of one context: creates them, vouches for them, and frees them all at the end. */
final class TensorRegistry {

    private final Set<CpuTensor> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    CpuTensor create(int[] shape, float[] data) {
        requireOpen();
        CpuTensor t = new CpuTensor(this, shape, data);
        live.add(t);
        return t;
    }

    /**
     * Returns the tensor as this context's own, open tensor.
     *
     * @param role how the message names it, e.g. "gemm operand a"
     */
    CpuTensor own(Tensor t, String role) {
        requireOpen();
        if (t == null) {
            throw new IllegalArgumentException(role + " is null");
        }
        if (!(t instanceof CpuTensor c) || c.registry() != this) {
            throw new IllegalArgumentException(role + " (" + t + ") was not made by this cpu Compute; "
                    + "tensors belong to the context that made them");
        }
        if (c.isClosed()) {
            throw new IllegalArgumentException(role + " " + Shapes.format(c.shapeView()) + " is closed");
        }
        return c;
    }

    /**
     * {@link #own}, for a tensor the operation is about to write: its version moves on first, so
     * nothing derived from its old values (see {@link CpuTensor#version}) outlives the write, even
     * one that fails halfway.
     */
    CpuTensor ownForWriting(Tensor t, String role) {
        CpuTensor c = own(t, role);
        c.written();
        return c;
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this cpu Compute is closed");
        }
    }

    void forget(CpuTensor t) {
        live.remove(t);
    }

    int liveCount() {
        return live.size();
    }

    void closeAll() {
        closed = true;
        for (CpuTensor t : live) {
            t.drop();
        }
        live.clear();
    }
}
