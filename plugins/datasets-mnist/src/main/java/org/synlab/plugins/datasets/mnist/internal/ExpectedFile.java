package org.synlab.plugins.datasets.mnist.internal;

import java.util.HexFormat;
import java.util.Locale;

/**
 * A data file as a dataset definition records it: its name in the data folder, its size in bytes
 * and its SHA-256, so a truncated or corrupt copy is caught before any training uses it.
 *
 * @param name file name inside the data folder, e.g. {@code train-images-idx3-ubyte}
 * @param size exact size of the (uncompressed) content in bytes
 * @param sha256 SHA-256 of that content, 64 lower-case hex digits
 */
public record ExpectedFile(String name, long size, String sha256) {

    public ExpectedFile {
        if (name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("a data file name must be a plain file name, got '" + name + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException(name + ": negative size " + size);
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (sha256.length() != 64 || !sha256.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException(name + ": a SHA-256 has 64 hex digits, got '" + sha256 + "'");
        }
    }
}
