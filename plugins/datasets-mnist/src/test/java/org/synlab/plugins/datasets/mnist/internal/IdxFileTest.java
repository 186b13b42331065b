package org.synlab.plugins.datasets.mnist.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class IdxFileTest {

    @Test
    void readsDimensionsAsBigEndianCounts() throws IOException {
        // 300 = 0x012C: a count that spans two bytes, so a little-endian reader would get it wrong
        IdxFile images = IdxFile.images(TestData.idxImages(300, 3), "images", 3, 3);
        assertEquals(300, images.count());
        assertArrayEquals(new int[] {300, 3, 3}, images.dims());
        byte[] firstTwo = images.firstItems(2);
        assertEquals(18, firstTwo.length);
        assertEquals(0, firstTwo[0]);
        assertEquals(1, firstTwo[9]); // image 1, pixel 0
        assertEquals(9, firstTwo[17]); // image 1, pixel 8
    }

    @Test
    void headerBytesAreTheMnistMagicNumbers() {
        byte[] images = TestData.idxImages(1, 28);
        byte[] labels = TestData.idxLabels(1, 10);
        assertArrayEquals(new byte[] {0, 0, 8, 3}, java.util.Arrays.copyOf(images, 4));
        assertEquals(2051, IdxFile.IMAGES_MAGIC);
        assertArrayEquals(new byte[] {0, 0, 8, 1}, java.util.Arrays.copyOf(labels, 4));
        assertEquals(2049, IdxFile.LABELS_MAGIC);
    }

    @Test
    void labelsFileWhereImagesAreExpectedIsRejectedByItsMagicNumber() {
        IOException e = assertThrows(IOException.class,
                () -> IdxFile.images(TestData.idxLabels(5, 10), "train-images-idx3-ubyte", 28, 28));
        assertTrue(e.getMessage().startsWith("train-images-idx3-ubyte: idx magic number 2049"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 2051"), e.getMessage());
    }

    @Test
    void lengthThatDisagreesWithTheHeaderIsRejected() {
        byte[] content = TestData.idxImages(4, 2);
        byte[] cut = java.util.Arrays.copyOf(content, content.length - 1);
        IOException e = assertThrows(IOException.class, () -> IdxFile.images(cut, "imgs", 2, 2));
        assertTrue(e.getMessage().contains("[4, 2, 2] = 16 values, but the file holds 15"), e.getMessage());
    }

    @Test
    void imageSizeOtherThanExpectedIsRejected() {
        IOException e = assertThrows(IOException.class, () -> IdxFile.images(TestData.idxImages(2, 4), "imgs", 28, 28));
        assertTrue(e.getMessage().contains("images are 4x4, expected 28x28"), e.getMessage());
    }

    @Test
    void labelOutsideTheClassesIsRejected() {
        byte[] labels = TestData.idx(new int[] {3}, new byte[] {1, 10, 2});
        IOException e = assertThrows(IOException.class, () -> IdxFile.labels(labels, "labels", 10));
        assertTrue(e.getMessage().contains("label 10 of item 1 is not below 10"), e.getMessage());
    }

    @Test
    void tooShortForAHeaderIsRejected() {
        assertThrows(IOException.class, () -> IdxFile.labels(new byte[] {0, 0}, "labels", 10));
        assertThrows(IOException.class, () -> IdxFile.images(new byte[] {0, 0, 8, 3, 0, 0}, "images", 28, 28));
    }
}
