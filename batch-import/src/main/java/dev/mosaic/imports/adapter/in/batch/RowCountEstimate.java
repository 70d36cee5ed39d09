package dev.mosaic.imports.adapter.in.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * How many lines a file has, for progress and ETA: counted exactly where that is cheap, estimated from the first
 * megabytes for a large plain file, unknown for a large compressed one.
 */
final class RowCountEstimate {

    private static final long COUNT_EXACTLY_UP_TO = 256L * 1024 * 1024;
    private static final long COUNT_COMPRESSED_UP_TO = 32L * 1024 * 1024;
    private static final int SAMPLE_BYTES = 4 * 1024 * 1024;

    private RowCountEstimate() {
    }

    /** Lines in the file, or -1 when unknown. */
    static long lines(Path file, boolean gzip) {
        try {
            long size = Files.size(file);
            if (gzip) {
                if (size > COUNT_COMPRESSED_UP_TO) {
                    return -1;
                }
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
                    return countLines(in, Long.MAX_VALUE).lines();
                }
            }
            try (InputStream in = Files.newInputStream(file)) {
                Counted counted = countLines(in, size <= COUNT_EXACTLY_UP_TO ? Long.MAX_VALUE : SAMPLE_BYTES);
                return counted.bytes() >= size ? counted.lines() : Math.round((double) counted.lines() * size / counted.bytes());
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private record Counted(long lines, long bytes) {
    }

    private static Counted countLines(InputStream in, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long lines = 0;
        long bytes = 0;
        int lastByte = '\n';
        int read;
        while (bytes < maxBytes && (read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
            lastByte = buffer[read - 1];
            bytes += read;
        }
        if (lastByte != '\n' && bytes > 0) {
            lines++;
        }
        return new Counted(lines, bytes);
    }
}
