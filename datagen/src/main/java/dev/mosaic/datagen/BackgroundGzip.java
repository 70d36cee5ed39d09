package dev.mosaic.datagen;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Gzips on a thread of its own, so that compressing one file overlaps with generating the records (on two cores a
 * {@code --gzip} run then takes about as long as a plain one). Bytes are handed over in chunks through a small
 * bounded queue, which keeps memory bounded; the compressed bytes are the same as with a plain
 * {@link GZIPOutputStream}, since the deflater sees the same bytes in the same order and is never flushed early.
 */
final class BackgroundGzip extends OutputStream {

    private static final int CHUNK = 1 << 18;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(4);
    private final Thread compressor;
    private final byte[] buffer = new byte[CHUNK];
    private int count;
    private volatile IOException failure;
    private boolean closed;

    BackgroundGzip(OutputStream target, String name) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        this.compressor = Thread.ofPlatform().name("datagen-gzip-" + name).daemon().unstarted(() -> compress(gzip));
        compressor.start();
    }

    private void compress(GZIPOutputStream gzip) {
        try (gzip) {
            while (true) {
                byte[] chunk = chunks.take();
                if (chunk == END) {
                    break;
                }
                gzip.write(chunk);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("compression interrupted");
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (count == CHUNK) {
            handOver();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == CHUNK) {
                handOver();
            }
            int n = Math.min(length, CHUNK - count);
            System.arraycopy(bytes, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    private void handOver() throws IOException {
        if (count > 0) {
            put(Arrays.copyOf(buffer, count));
            count = 0;
        }
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the queue stays full only when the compressor has stopped
                if (failure != null) {
                    throw failure;
                }
                if (!compressor.isAlive()) {
                    throw new IOException(compressor.getName() + " stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to the compressor");
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Nothing to do: flushing the deflater early would only make the file bigger. */
    @Override
    public void flush() {
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        handOver();
        put(END);
        try {
            compressor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while finishing compression");
        }
        if (failure != null) {
            throw failure;
        }
    }
}
