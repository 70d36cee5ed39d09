package dev.mosaic.datagen;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One output file. Rows are written into a block; a committed block (one record, or the lines of one order) goes
 * into a bounded shuffle window from which a random block is written out when the window is full. So a person's
 * records do not sit next to each other in the file, memory stays bounded, and the order is still determined by the
 * seed. Each row is checked to have exactly the file's number of columns.
 */
final class CsvSink implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final OutputFile file;
    private final int columns;
    private final Writer writer;
    private final String[] window;
    private final Rng rng;
    private final StringBuilder block = new StringBuilder(2048);
    private int filled;
    private int fieldsInRow;
    private long rows;

    CsvSink(OutputFile file, Path path, boolean gzip, int windowSize, Rng rng) throws IOException {
        this.file = file;
        this.columns = file.columns().size();
        OutputStream raw = Files.newOutputStream(path);
        OutputStream stream = gzip
                ? new BackgroundGzip(raw, file.fileName(false))
                : new BufferedOutputStream(raw, BUFFER);
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER);
        this.window = new String[windowSize];
        this.rng = rng;
        writer.write(String.join(",", file.columns()));
        writer.write('\n');
    }

    CsvSink field(CharSequence value) {
        if (fieldsInRow++ > 0) {
            block.append(',');
        }
        Csv.appendField(block, value);
        return this;
    }

    CsvSink field(long value) {
        if (fieldsInRow++ > 0) {
            block.append(',');
        }
        block.append(value);
        return this;
    }

    CsvSink empty() {
        if (fieldsInRow++ > 0) {
            block.append(',');
        }
        return this;
    }

    /** Empty when {@code present} is false, else the value. */
    CsvSink fieldIf(boolean present, CharSequence value) {
        return present ? field(value) : empty();
    }

    void endRow() {
        if (fieldsInRow != columns) {
            throw new IllegalStateException(file + " row has " + fieldsInRow + " fields, expected " + columns + ": "
                    + block);
        }
        block.append('\n');
        fieldsInRow = 0;
        rows++;
    }

    /** Hands the rows written since the last commit on as one block. */
    void commit() {
        if (fieldsInRow != 0) {
            throw new IllegalStateException(file + ": commit inside a row");
        }
        if (block.isEmpty()) {
            return;
        }
        String text = block.toString();
        block.setLength(0);
        if (window.length == 0) {
            write(text);
        } else if (filled < window.length) {
            window[filled++] = text;
        } else {
            int index = rng.nextInt(window.length);
            write(window[index]);
            window[index] = text;
        }
    }

    long rows() {
        return rows;
    }

    private void write(String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file.fileName(false), e);
        }
    }

    @Override
    public void close() throws IOException {
        commit();
        // drain the window in a random (seeded) order
        for (int remaining = filled; remaining > 0; remaining--) {
            int index = rng.nextInt(remaining);
            write(window[index]);
            window[index] = window[remaining - 1];
            window[remaining - 1] = null;
        }
        filled = 0;
        writer.close();
    }
}
