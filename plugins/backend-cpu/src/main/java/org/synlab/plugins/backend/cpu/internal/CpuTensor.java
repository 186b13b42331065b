package org.synlab.plugins.backend.cpu.internal;

import org.synlab.api.Tensor;

/** A row-major float32 tensor held in one Java array. */
final class CpuTensor implements Tensor {

    private final TensorRegistry registry;
    private final int[] shape;
    private final int size;
    private final int rows;
    private final int cols;
    /** Null once closed, so the memory goes back to the heap even while the handle lives on. */
    private volatile float[] data;
    /**
     * Counts the operations that have written this tensor ({@link #written}), so a result derived
     * from its values (the compressed rows of a sparse operand) can be reused until the next write.
     * A context is used by one thread at a time, and the pool's hand-offs order its helpers' reads.
     */
    private int version;

    CpuTensor(TensorRegistry registry, int[] shape, float[] data) {
        this.registry = registry;
        this.shape = shape.clone();
        this.size = data.length;
        this.data = data;
        // same definitions as Tensor.rows()/cols(), cached because the defaults clone the shape
        this.rows = shape.length == 0 ? 1 : shape[0];
        int c = 1;
        for (int i = 1; i < shape.length; i++) {
            c *= shape[i];
        }
        this.cols = shape.length == 1 ? shape[0] : c;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The shape without a defensive copy; callers must not modify it. */
    int[] shapeView() {
        return shape;
    }

    @Override
    public long size() {
        return size;
    }

    int length() {
        return size;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    int rank() {
        return shape.length;
    }

    /** The number of writes so far: equal versions mean equal values. */
    int version() {
        return version;
    }

    /** Records a write: every operation that stores into the tensor's array calls this. */
    void written() {
        version++;
    }

    TensorRegistry registry() {
        return registry;
    }

    boolean isClosed() {
        return data == null;
    }

    /** The backing array; null if closed (operations check ownership and state first). */
    float[] data() {
        return data;
    }

    @Override
    public void close() {
        if (data != null) {
            data = null;
            registry.forget(this);
        }
    }

    /** Frees the memory when the whole context closes, without touching the registry being cleared. */
    void drop() {
        data = null;
    }

    @Override
    public String toString() {
        return "cpu tensor " + Shapes.format(shape) + (isClosed() ? " (closed)" : "");
    }
}
