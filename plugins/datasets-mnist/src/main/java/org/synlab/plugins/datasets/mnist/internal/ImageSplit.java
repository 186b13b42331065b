package org.synlab.plugins.datasets.mnist.internal;

import java.util.Arrays;
import org.synlab.api.Dataset;

/**
 * Labelled grey-scale images held as bytes (a quarter of the memory of floats): sample {@code i} is
 * {@code pixels[i*pixelsPerImage...]} with class {@code labels[i]}. {@link #read} scales each pixel
 * to {@code value/255} and writes the label one-hot.
 */
public final class ImageSplit implements Dataset.Split {

    private static final float[] GREY_LEVELS = new float[256];

    static {
        for (int level = 0; level < GREY_LEVELS.length; level++) {
            GREY_LEVELS[level] = level / 255f;
        }
    }

    private final byte[] pixels;
    private final byte[] labels;
    private final int pixelsPerImage;
    private final int classes;

    public ImageSplit(byte[] pixels, byte[] labels, int pixelsPerImage, int classes) {
        if (pixelsPerImage < 1 || (long) labels.length * pixelsPerImage != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " pixels do not make " + labels.length + " images of "
                    + pixelsPerImage);
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= classes) {
                throw new IllegalArgumentException("label " + (labels[i] & 0xFF) + " of image " + i
                        + " is not below " + classes);
            }
        }
        this.pixels = pixels;
        this.labels = labels;
        this.pixelsPerImage = pixelsPerImage;
        this.classes = classes;
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** The class of image {@code index}. */
    public int label(int index) {
        return labels[index] & 0xFF;
    }

    /** The first {@code count} images, or this split when that is all of them. */
    public ImageSplit first(int count) {
        if (count == size()) {
            return this;
        }
        if (count < 0 || count > size()) {
            throw new IllegalArgumentException("a split of " + size() + " images has no first " + count);
        }
        return new ImageSplit(Arrays.copyOf(pixels, count * pixelsPerImage), Arrays.copyOf(labels, count),
                pixelsPerImage, classes);
    }

    @Override
    public void read(int index, float[] x, int xOffset, float[] y, int yOffset) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("sample " + index + " of a split of " + size());
        }
        int base = index * pixelsPerImage;
        for (int p = 0; p < pixelsPerImage; p++) {
            x[xOffset + p] = GREY_LEVELS[pixels[base + p] & 0xFF];
        }
        Arrays.fill(y, yOffset, yOffset + classes, 0f);
        y[yOffset + label(index)] = 1f;
    }
}
