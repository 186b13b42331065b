package org.synlab.plugins.datasets.mnist.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FashionSplitTest {

    private static final int CLASSES = 10;
    private static final int PER_CLASS = 70;

    /** Two-pixel images that say where they came from: (class, index in the class's file). */
    private static List<byte[]> labelledImages() {
        List<byte[]> byClass = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            byte[] pixels = new byte[PER_CLASS * 2];
            for (int i = 0; i < PER_CLASS; i++) {
                pixels[2 * i] = (byte) c;
                pixels[2 * i + 1] = (byte) i;
            }
            byClass.add(pixels);
        }
        return byClass;
    }

    private static float[][] readAll(ImageSplit split) {
        float[][] rows = new float[split.size()][2 + CLASSES];
        for (int i = 0; i < split.size(); i++) {
            float[] x = new float[2];
            float[] y = new float[CLASSES];
            split.read(i, x, 0, y, 0);
            rows[i][0] = x[0];
            rows[i][1] = x[1];
            System.arraycopy(y, 0, rows[i], 2, CLASSES);
        }
        return rows;
    }

    @Test
    void holdsOutOneInSevenOfEachClassAndUsesEveryImageOnce() {
        FashionSplit.Halves halves = FashionSplit.split(labelledImages(), 2);
        assertEquals(600, halves.train().size());
        assertEquals(100, halves.test().size());
        int[] trainPerClass = new int[CLASSES];
        int[] testPerClass = new int[CLASSES];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < halves.train().size(); i++) {
            trainPerClass[halves.train().label(i)]++;
            assertTrue(seen.add(origin(halves.train(), i)));
        }
        for (int i = 0; i < halves.test().size(); i++) {
            testPerClass[halves.test().label(i)]++;
            assertTrue(seen.add(origin(halves.test(), i)), "image in both splits: " + origin(halves.test(), i));
        }
        for (int c = 0; c < CLASSES; c++) {
            assertEquals(60, trainPerClass[c], "train images of class " + c);
            assertEquals(10, testPerClass[c], "test images of class " + c);
        }
        assertEquals(700, seen.size());
    }

    @Test
    void labelsFollowTheFileTheImageCameFrom() {
        FashionSplit.Halves halves = FashionSplit.split(labelledImages(), 2);
        for (int i = 0; i < halves.train().size(); i++) {
            int classInPixels = Math.round(readAll(halves.train())[i][0] * 255);
            assertEquals(classInPixels, halves.train().label(i));
        }
    }

    @Test
    void isTheSameEveryTimeAndMixesTheClasses() {
        float[][] first = readAll(FashionSplit.split(labelledImages(), 2).train());
        float[][] second = readAll(FashionSplit.split(labelledImages(), 2).train());
        assertArrayEquals(first, second);
        // the first ten training images do not all come from one class
        Set<Float> classesSeen = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            classesSeen.add(first[i][0]);
        }
        assertTrue(classesSeen.size() > 3, "classes among the first ten: " + classesSeen);
        // and within a class the images are not in file order
        List<Float> class0Indices = new ArrayList<>();
        for (float[] row : first) {
            if (row[0] == 0f) {
                class0Indices.add(row[1]);
            }
        }
        assertFalse(class0Indices.equals(class0Indices.stream().sorted().toList()), "class 0 kept its file order");
    }

    @Test
    void ruleIsPinned() {
        // the split is part of the dataset's definition: a change of this list changes every user's split
        FashionSplit.Halves halves = FashionSplit.split(labelledImages(), 2);
        List<String> firstTrain = new ArrayList<>();
        List<String> firstTest = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            firstTrain.add(origin(halves.train(), i));
            firstTest.add(origin(halves.test(), i));
        }
        assertEquals(List.of("4/26", "6/19", "6/28", "8/27", "7/42"), firstTrain);
        assertEquals(List.of("9/11", "7/37", "0/10", "9/67", "6/24"), firstTest);
    }

    private static String origin(ImageSplit split, int index) {
        float[] x = new float[2];
        split.read(index, x, 0, new float[CLASSES], 0);
        return Math.round(x[0] * 255) + "/" + Math.round(x[1] * 255);
    }
}
