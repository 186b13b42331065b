package org.synlab.plugins.backend.cpu.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.synlab.api.ComputeConfig;

/**
 * The warm-up's image-like rows take the branches MNIST's rows take in the zero-skipping products, and its
 * step runs on the backend.
 */
class ImageStepTest {

    /** Pixels per block of the products' inner steps: a block of a row may be blank. */
    private static final int BLOCK = Gemm.KC;

    @Test
    void someImagesLeaveTheFirstBlockBlankAndOthersDoNot() {
        int blank = 0;
        int lit = 0;
        long nonZeros = 0;
        for (int r = 0; r < 64; r++) {
            byte[] image = new byte[ImageStep.PIXELS];
            ImageStep.draw(r, image, 0);
            boolean any = false;
            for (int p = 0; p < ImageStep.PIXELS; p++) {
                if (image[p] != 0) {
                    nonZeros++;
                    any |= p < BLOCK;
                }
            }
            if (any) {
                lit++;
            } else {
                blank++;
            }
        }
        assertTrue(blank >= 8 && lit >= 8, "blank first blocks: " + blank + ", lit: " + lit);
        double density = nonZeros / (64.0 * ImageStep.PIXELS);
        // MNIST's training images are 19% non-zero; the sparse products take over below 25%
        assertTrue(density > 0.1 && density < SparseGemm.MAX_DENSITY, "density " + density);
    }

    @Test
    void borderColumnsAreBlankInEveryImage() {
        for (int r = 0; r < 64; r++) {
            byte[] image = new byte[ImageStep.PIXELS];
            ImageStep.draw(r, image, 0);
            for (int y = 0; y < ImageStep.SIDE; y++) {
                assertTrue(image[y * ImageStep.SIDE] == 0 && image[y * ImageStep.SIDE + ImageStep.SIDE - 1] == 0,
                        "image " + r + " row " + y);
            }
        }
    }

    @Test
    void stepsOnEveryBatchSizeGiveAGradientOnlyForPixelsThatAreLit() {
        try (CpuCompute c = new CpuCompute(new ComputeConfig(1, 0), closed -> { })) {
            ImageStep step = new ImageStep(c);
            for (int round = 0; round < 10; round++) {
                step.products(round);
            }
            for (int round = 0; round < 10; round++) {
                step.run(round);
                float[] gradient = c.download(step.firstLayerGradient());
                int hidden = ImageStep.HIDDEN;
                for (int y = 0; y < ImageStep.SIDE; y++) {
                    int border = y * ImageStep.SIDE;
                    for (int j = 0; j < hidden; j++) {
                        assertEquals(0f, gradient[border * hidden + j], "pixel (" + y + ", 0) is never lit");
                    }
                }
                int centre = (ImageStep.SIDE / 2) * ImageStep.SIDE + ImageStep.SIDE / 2;
                boolean moved = false;
                for (int j = 0; j < hidden; j++) {
                    moved |= gradient[centre * hidden + j] != 0f;
                    assertTrue(Float.isFinite(gradient[centre * hidden + j]), "finite gradient");
                }
                assertTrue(moved, "round " + round + ": the centre pixel has a gradient");
            }
        }
    }
}
