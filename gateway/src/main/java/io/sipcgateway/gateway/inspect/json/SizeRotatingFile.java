package io.sipcgateway.gateway.inspect.json;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only file rotated by size, with a fixed window of files: {@code f} (current), {@code f.1} (newest full),
 * ..., {@code f.<maxFiles-1>} (oldest); the oldest is deleted on rotation. A record is never split across files: when
 * it does not fit in the current file, the file rotates first (a record larger than the limit gets a file alone).
 */
final class SizeRotatingFile implements Closeable {
    private final Path file;
    private final long maxBytes;
    private final int maxFiles;
    private OutputStream out;
    private long size;

    SizeRotatingFile(Path file, long maxBytes, int maxFiles) throws IOException {
        if (maxBytes < 1 || maxFiles < 1) {
            throw new IllegalArgumentException("maxBytes and maxFiles must be positive: " + maxBytes + ", " + maxFiles);
        }
        this.file = file;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        open();
    }

    /**
     * Appends one record, buffered. The buffer writes out whole records only (a record that does not fit makes it
     * write out first; {@link BufferedOutputStream#write(byte[], int, int)}), so {@code tail -f} never sees half a
     * line.
     */
    void write(byte[] record, int length) throws IOException {
        if (size > 0 && size + length > maxBytes) {
            rotate();
        }
        out.write(record, 0, length);
        size += length;
    }

    void flush() throws IOException {
        out.flush();
    }

    private void open() throws IOException {
        out = new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 64 * 1024);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(numbered(maxFiles - 1));
        for (int i = maxFiles - 2; i >= 1; i--) {
            Path from = numbered(i);
            if (Files.exists(from)) {
                Files.move(from, numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (maxFiles > 1) {
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(file);
        }
        open();
    }

    private Path numbered(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
