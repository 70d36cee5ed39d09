package dev.mosaic.imports.adapter.in.batch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.infrastructure.item.file.transform.IncorrectTokenCountException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.core.io.InputStreamSource;

/**
 * Reads the rows of a source file: CSV with a header row (RFC 4180: a quoted field may hold line breaks) or JSON
 * Lines, each line decoded strictly as UTF-8. A bad row costs that row and nothing else: it is thrown as an
 * {@link InvalidRowException} (quarantined with its first line's number and the line as it was) and reading goes on
 * with the next line. Spring Batch's FlatFileItemReader cannot do that for a stray quote: its record separator policy
 * folds every following line (up to its cap of 1,000) into the broken record, the reader cannot put them back, and
 * those rows are lost with it. It also drops lines starting with {@code #} as comments and joins a line ending in a
 * backslash with the next one, neither of which CSV knows.
 *
 * <p>Restartable like any item-counting reader: every call of {@link #read()} is one item, a quarantined row too, and
 * reading the same file again makes the same items, so a restart skips exactly the rows already committed.
 */
class SourceRowReader extends AbstractItemCountingItemStreamItemReader<SourceRow> {

    /**
     * How far one row may reach: a quoted field that is still open after this many lines, or this many bytes, is
     * taken for a stray quote. Bounds memory for any file.
     */
    record Limits(int maxLinesPerRow, int maxBytesPerRow) {

        static final Limits DEFAULTS = new Limits(100, 1024 * 1024);

        Limits {
            if (maxLinesPerRow < 1 || maxBytesPerRow < 1) {
                throw new IllegalArgumentException("mosaic.import.max-lines-per-row and max-bytes-per-row must be "
                        + "positive, not " + maxLinesPerRow + " and " + maxBytesPerRow);
            }
        }
    }

    /** What {@link #next(boolean)} gives for a row it was asked to pass over without mapping. */
    private static final SourceRow PASSED_OVER = new SourceRow(-1, "", Map.of());

    private final InputStreamSource file;
    private final boolean jsonLines;
    private final Limits limits;
    private final JsonLinesRowMapper json = new JsonLinesRowMapper();
    private final CsvRowMapper csv = new CsvRowMapper();
    /** Lines read ahead for a row that turned out not to be one; they are read again as rows of their own. */
    private final Deque<PhysicalLines.Line> readAgain = new ArrayDeque<>();
    private PhysicalLines lines;

    SourceRowReader(InputStreamSource file, boolean jsonLines, Limits limits) {
        this.file = file;
        this.jsonLines = jsonLines;
        this.limits = limits;
        setName("source-rows");
    }

    @Override
    protected void doOpen() throws Exception {
        readAgain.clear();
        lines = new PhysicalLines(file.getInputStream(), limits.maxBytesPerRow());
        if (!jsonLines) {
            PhysicalLines.Line header = lines.next();
            csv.useHeader(header == null ? "" : header.text());
        }
    }

    @Override
    protected SourceRow doRead() throws Exception {
        return next(true);
    }

    /** On a restart: passes over the rows read before, bad ones included, exactly as reading them did. */
    @Override
    protected void jumpToItem(int itemIndex) throws Exception {
        for (int i = 0; i < itemIndex; i++) {
            try {
                if (next(false) == null) {
                    return;
                }
            } catch (InvalidRowException alreadyQuarantined) {
                // counted and quarantined when it was read the first time
            }
        }
    }

    @Override
    protected void doClose() throws Exception {
        readAgain.clear();
        if (lines != null) {
            lines.close();
            lines = null;
        }
    }

    private SourceRow next(boolean map) throws IOException {
        PhysicalLines.Line first = nextLine();
        if (first == null) {
            return null;
        }
        return jsonLines ? jsonRow(first, map) : csvRow(first, map);
    }

    private PhysicalLines.Line nextLine() throws IOException {
        return readAgain.isEmpty() ? lines.next() : readAgain.pollFirst();
    }

    private SourceRow jsonRow(PhysicalLines.Line line, boolean map) {
        String text = line.number() == 1 && line.text().startsWith("\uFEFF") ? line.text().substring(1) : line.text();
        if (line.problem() != null) {
            throw new InvalidRowException(line.number(), text, line.problem());
        }
        return map ? json.mapLine(text, (int) line.number()) : PASSED_OVER;
    }

    private SourceRow csvRow(PhysicalLines.Line first, boolean map) throws IOException {
        if (first.problem() != null) {
            throw new InvalidRowException(first.number(), first.text(), first.problem());
        }
        List<PhysicalLines.Line> taken = new ArrayList<>(1);
        taken.add(first);
        boolean quoteOpen = hasOddQuotes(first.text());
        long bytes = first.bytes();
        while (quoteOpen) {
            if (taken.size() >= limits.maxLinesPerRow()) {
                throw strayQuote(taken, String.format(Locale.ROOT, "within %d lines (mosaic.import.max-lines-per-row)",
                        limits.maxLinesPerRow()));
            }
            PhysicalLines.Line next = nextLine();
            if (next == null) {
                throw strayQuote(taken, "before the file ends");
            }
            if (bytes + 1 + next.bytes() > limits.maxBytesPerRow()) {
                readAgain.addFirst(next);
                throw strayQuote(taken, String.format(Locale.ROOT, "within %,d bytes (mosaic.import.max-bytes-per-row)",
                        limits.maxBytesPerRow()));
            }
            taken.add(next);
            bytes += 1 + next.bytes();
            if (hasOddQuotes(next.text())) {
                quoteOpen = false;
            }
        }
        if (taken.size() == 1) {
            return map ? tokenised(first.text(), first) : PASSED_OVER;
        }
        StringBuilder record = new StringBuilder(first.text());
        PhysicalLines.Line unreadable = null;
        for (int i = 1; i < taken.size(); i++) {
            PhysicalLines.Line line = taken.get(i);
            record.append('\n').append(line.text());
            if (unreadable == null && line.problem() != null) {
                unreadable = line;
            }
        }
        try {
            if (unreadable != null) {
                throw new InvalidRowException(first.number(), record.toString(), "line " + unreadable.number() + " is "
                        + unreadable.problem());
            }
            String problem = lineBreakOutsideQuotes(record);
            if (problem != null) {
                throw new InvalidRowException(first.number(), record.toString(), problem);
            }
            return tokenised(record.toString(), first);
        } catch (InvalidRowException e) {
            // Two stray quotes enclose the good rows between them, or the lines are no row for another reason: each
            // line after the first is read again rather than lost with it.
            putBackAllButFirst(taken);
            throw new InvalidRowException(first.number(), first.text(), "not a valid CSV row: a quote opened in this "
                    + "line closes only in line " + taken.getLast().number() + ", and the lines together are no row ("
                    + e.getMessage().replaceFirst("^not a valid CSV row: ", "") + "); this line is quarantined as it was and "
                    + "the lines after it are read as rows");
        }
    }

    private SourceRow tokenised(String record, PhysicalLines.Line first) {
        try {
            return csv.mapLine(record, (int) first.number());
        } catch (IncorrectTokenCountException e) {
            throw new InvalidRowException(first.number(), record, String.format(Locale.ROOT,
                    "not a valid CSV row: it has %d fields, the header has %d", e.getActualCount(), e.getExpectedCount()));
        } catch (RuntimeException e) {
            throw new InvalidRowException(first.number(), record, "not a valid CSV row: " + e.getMessage());
        }
    }

    private InvalidRowException strayQuote(List<PhysicalLines.Line> taken, String where) {
        putBackAllButFirst(taken);
        PhysicalLines.Line first = taken.getFirst();
        return new InvalidRowException(first.number(), first.text(), "not a valid CSV row: a quote opened in this line "
                + "is not closed " + where + "; the line is quarantined as it was and the lines after it are read as "
                + "rows");
    }

    private void putBackAllButFirst(List<PhysicalLines.Line> taken) {
        for (int i = taken.size() - 1; i >= 1; i--) {
            readAgain.addFirst(taken.get(i));
        }
    }

    /**
     * Whether lines joined by an odd number of quotes really are one row by RFC 4180: every line break inside a
     * quoted field, which opens at the start of a field and closes with a quote followed by a comma or the row's end.
     * Two stray quotes some lines apart pass the count of quotes but not this, so the rows between them are kept.
     */
    static String lineBreakOutsideQuotes(CharSequence record) {
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < record.length() && record.charAt(i + 1) == '"') {
                        i++;
                    } else if (i + 1 < record.length() && record.charAt(i + 1) != ',') {
                        return "text follows the quote that closes a field";
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == '\n') {
                return "a line break outside a quoted field";
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else {
                fieldStart = c == ',';
            }
        }
        return null;
    }

    private static boolean hasOddQuotes(String text) {
        int quotes = 0;
        for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
            quotes++;
        }
        return (quotes & 1) == 1;
    }
}
