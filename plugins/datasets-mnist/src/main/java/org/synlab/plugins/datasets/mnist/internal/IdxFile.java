package org.synlab.plugins.datasets.mnist.internal;

import java.io.IOException;
import java.util.Arrays;

/**
 * An array in LeCun's idx format, the format of the original MNIST files: a big-endian header
 * (two zero bytes, a type byte, the number of dimensions, then each dimension as a 32-bit count)
 * followed by the values in row-major order. Only unsigned bytes (type {@code 0x08}) occur in MNIST,
 * so that is all this reads: magic number {@value #IMAGES_MAGIC} for a 3-dimensional array of images,
 * {@value #LABELS_MAGIC} for a 1-dimensional array of labels.
 */
public final class IdxFile {

    /** {@code 0x00000803}: unsigned bytes, 3 dimensions (count, rows, columns). */
    public static final int IMAGES_MAGIC = 2051;
    /** {@code 0x00000801}: unsigned bytes, 1 dimension (count). */
    public static final int LABELS_MAGIC = 2049;

    private final String fileName;
    private final int[] dims;
    private final byte[] content;
    private final int dataOffset;

    private IdxFile(String fileName, int[] dims, byte[] content, int dataOffset) {
        this.fileName = fileName;
        this.dims = dims;
        this.content = content;
        this.dataOffset = dataOffset;
    }

    /**
     * Parses an images file: magic {@value #IMAGES_MAGIC}, each image {@code rows x columns}.
     *
     * @throws IOException naming {@code fileName} when the header or the length is not as expected
     */
    public static IdxFile images(byte[] content, String fileName, int rows, int columns) throws IOException {
        IdxFile file = parse(content, fileName, IMAGES_MAGIC);
        if (file.dims[1] != rows || file.dims[2] != columns) {
            throw new IOException(fileName + ": images are " + file.dims[1] + "x" + file.dims[2] + ", expected "
                    + rows + "x" + columns);
        }
        return file;
    }

    /**
     * Parses a labels file: magic {@value #LABELS_MAGIC}, every label below {@code classes}.
     *
     * @throws IOException naming {@code fileName} when the header, the length or a label is wrong
     */
    public static IdxFile labels(byte[] content, String fileName, int classes) throws IOException {
        IdxFile file = parse(content, fileName, LABELS_MAGIC);
        for (int i = file.dataOffset; i < content.length; i++) {
            if ((content[i] & 0xFF) >= classes) {
                throw new IOException(fileName + ": label " + (content[i] & 0xFF) + " of item "
                        + (i - file.dataOffset) + " is not below " + classes);
            }
        }
        return file;
    }

    private static IdxFile parse(byte[] content, String fileName, int expectedMagic) throws IOException {
        if (content.length < 4) {
            throw new IOException(fileName + ": " + content.length + " bytes is too short for an idx header");
        }
        int magic = readInt(content, 0);
        if (magic != expectedMagic) {
            throw new IOException(fileName + ": idx magic number " + magic + " (0x" + Integer.toHexString(magic)
                    + "), expected " + expectedMagic + " (unsigned bytes in " + (expectedMagic & 0xFF)
                    + " dimension(s))");
        }
        int rank = magic & 0xFF;
        int dataOffset = 4 + 4 * rank;
        if (content.length < dataOffset) {
            throw new IOException(fileName + ": " + content.length + " bytes is too short for an idx header of "
                    + rank + " dimensions");
        }
        int[] dims = new int[rank];
        long values = 1;
        for (int d = 0; d < rank; d++) {
            dims[d] = readInt(content, 4 + 4 * d);
            if (dims[d] < 0) {
                throw new IOException(fileName + ": dimension " + d + " is negative (" + dims[d] + ")");
            }
            values *= dims[d];
        }
        if (content.length - dataOffset != values) {
            throw new IOException(fileName + ": header says " + Arrays.toString(dims) + " = " + values
                    + " values, but the file holds " + (content.length - dataOffset));
        }
        return new IdxFile(fileName, dims, content, dataOffset);
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | bytes[offset + 3] & 0xFF;
    }

    /** The number of items: images or labels. */
    public int count() {
        return dims[0];
    }

    /** All dimensions, count first. */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * The values of the first {@code items} items, row-major.
     *
     * @throws IllegalArgumentException when the file holds fewer items
     */
    public byte[] firstItems(int items) {
        if (items < 0 || items > count()) {
            throw new IllegalArgumentException(fileName + " holds " + count() + " items, not " + items);
        }
        int itemSize = (content.length - dataOffset) / Math.max(1, count());
        return Arrays.copyOfRange(content, dataOffset, dataOffset + items * itemSize);
    }
}
