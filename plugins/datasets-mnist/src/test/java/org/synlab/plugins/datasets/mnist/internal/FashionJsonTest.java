package org.synlab.plugins.datasets.mnist.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FashionJsonTest {

    private static byte[] read(String json, int pixelsPerImage) throws IOException {
        return FashionJson.images(json.getBytes(StandardCharsets.UTF_8), "3.json", pixelsPerImage);
    }

    @Test
    void readsImagesInOrderAndSkipsEmptyEntries() throws IOException {
        byte[] pixels = read("{\"data\":[[0,1,2,255],[],[10, 20 ,30,\n40],[]]}", 4);
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255, 10, 20, 30, 40}, pixels);
    }

    @Test
    void acceptsWhitespaceAroundTheStructure() throws IOException {
        assertArrayEquals(new byte[] {7, 8}, read(" {\n \"data\" : [ [ 7 , 8 ] ] }\n", 2));
        assertArrayEquals(new byte[0], read("{\"data\":[]}", 2));
    }

    @Test
    void imageWithTooFewPixelsNamesFileImageAndCounts() {
        IOException e = assertThrows(IOException.class, () -> read("{\"data\":[[1,2,3,4],[1,2,3]]}", 4));
        assertTrue(e.getMessage().startsWith("3.json: image 1 has 3 pixels, expected 4"), e.getMessage());
    }

    @Test
    void imageWithTooManyPixelsIsRejected() {
        IOException e = assertThrows(IOException.class, () -> read("{\"data\":[[1,2,3]]}", 2));
        assertTrue(e.getMessage().contains("image 0 has more than 2 pixels"), e.getMessage());
    }

    @Test
    void valuesOutsideGreyLevelsAreRejected() {
        for (String bad : new String[] {"256", "-1", "1.5", "1000", "\"7\""}) {
            IOException e = assertThrows(IOException.class, () -> read("{\"data\":[[" + bad + ",0]]}", 2), bad);
            assertTrue(e.getMessage().startsWith("3.json: expected"), e.getMessage());
        }
    }

    @Test
    void otherDocumentShapesAreRejectedWithTheOffset() {
        IOException e = assertThrows(IOException.class, () -> read("{\"images\":[[1,2]]}", 2));
        assertTrue(e.getMessage().contains("at byte 2"), e.getMessage());
        assertThrows(IOException.class, () -> read("{\"data\":[[1,2]]", 2));
        assertThrows(IOException.class, () -> read("{\"data\":[[1,2]]}x", 2));
    }
}
