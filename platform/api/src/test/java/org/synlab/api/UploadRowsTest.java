package org.synlab.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default of {@link Compute#uploadRows}: the chosen rows, in the given order, staged and uploaded at once. */
class UploadRowsTest {

    private record Batch(int rows, int cols) implements Tensor {
        @Override
        public int[] shape() {
            return new int[] {rows, cols};
        }

        @Override
        public long size() {
            return (long) rows * cols;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void stagesTheChosenRowsInOrderAndUploadsThemOnce() {
        List<float[]> uploads = new ArrayList<>();
        Compute compute = (Compute) java.lang.reflect.Proxy.newProxyInstance(Compute.class.getClassLoader(),
                new Class<?>[] {Compute.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getName().equals("upload") && args.length == 3) {
                        float[] src = (float[]) args[0];
                        int offset = (Integer) args[1];
                        uploads.add(java.util.Arrays.copyOfRange(src, offset, offset + (int) ((Tensor) args[2]).size()));
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        float[] table = {0, 1, 10, 11, 20, 21, 30, 31};
        int[] order = {3, 0, 2, 1};

        compute.uploadRows(table, 2, order, 1, new Batch(2, 2));

        assertEquals(1, uploads.size());
        assertArrayEquals(new float[] {0, 1, 20, 21}, uploads.get(0), "rows 0 and 2, from position 1 of the order");
    }
}
