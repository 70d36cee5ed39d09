package dev.mosaic.imports.adapter.in.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The lines of a text file, each decoded strictly as UTF-8 on its own: a line with bytes that are not UTF-8 comes
 * with a problem instead of being quietly changed (a Latin-1 "Müller" must not become "M�ller" in the graph), and
 * the lines after it are read as usual. A line ends at LF, CRLF or a lone CR, like {@link java.io.BufferedReader}.
 * A line longer than the limit is not held in memory: its first bytes are kept for the quarantine, the rest skipped.
 */
final class PhysicalLines implements Closeable {

    /** One line: its 1-based number in the file, its text, and why it cannot be used as it is (null: it can). */
    record Line(long number, String text, int bytes, String problem) {
    }

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[BUFFER];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[256];
    private int position;
    private int limit;
    private long number;
    private boolean endOfInput;

    PhysicalLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        int length = 0;
        long lineBytes = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                if ((position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                break;
            }
            lineBytes++;
            if (length < maxLineBytes) {
                if (length == line.length) {
                    line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                }
                line[length++] = b;
            }
        }
        number++;
        if (lineBytes > maxLineBytes) {
            return new Line(number, new String(line, 0, length, StandardCharsets.UTF_8),
                    (int) Math.min(lineBytes, Integer.MAX_VALUE), String.format(Locale.ROOT, "the line is %,d bytes long, more than the %,d a row may have "
                            + "(mosaic.import.max-bytes-per-row); only its beginning is kept here", lineBytes, maxLineBytes));
        }
        return decode(length);
    }

    private Line decode(int length) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (line[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new Line(number, new String(line, 0, length, StandardCharsets.ISO_8859_1), length, null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer chars = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isUnderflow()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int at = bytes.position();
            return new Line(number, new String(line, 0, length, StandardCharsets.UTF_8), length,
                    notUtf8(Arrays.copyOfRange(line, at, Math.min(length, at + result.length())), at + 1));
        }
        return new Line(number, chars.flip().toString(), length, null);
    }

    /** Names the bytes that are not UTF-8 and the likely cause; shown with the row in the quarantine. */
    static String notUtf8(byte[] bad, long column) {
        return "not UTF-8: byte " + HexFormat.ofDelimiter(" ").withPrefix("0x").withUpperCase().formatHex(bad)
                + " at byte " + column + " of the line cannot be read (shown as \uFFFD); the file is probably "
                + "Latin-1 or Windows-1252: save it as UTF-8 and import it again";
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read = in.read(buffer, 0, buffer.length);
        while (read == 0) {
            read = in.read(buffer, 0, buffer.length);
        }
        if (read < 0) {
            endOfInput = true;
            position = limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
