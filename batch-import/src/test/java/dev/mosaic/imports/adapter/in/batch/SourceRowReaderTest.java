package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What the reader makes of the lines of a file: rows, or rows to quarantine, one per bad line. */
class SourceRowReaderTest {

    @Test
    void endsLinesAtLfCrLfAndALoneCr() throws Exception {
        List<String> read = read("source,record_id\r\ncrm,1\rcrm,2\ncrm,3", false, SourceRowReader.Limits.DEFAULTS);

        assertThat(read).containsExactly("2:crm/1", "3:crm/2", "4:crm/3");
    }

    @Test
    void knowsNoCommentsAndNoLineContinuation() throws Exception {
        List<String> read = read("record_id,source\n#1,crm\n2,C:\\temp\\\n3,crm\n", false, SourceRowReader.Limits.DEFAULTS);

        assertThat(read).containsExactly("2:crm/#1", "3:C:\\temp\\/2", "4:crm/3");
    }

    @Test
    void takesAQuoteStillOpenAfterTheByteLimitForAStrayOne() throws Exception {
        String longLine = "crm,9,\"" + "x".repeat(60);
        List<String> read = read("source,record_id,note\n" + longLine + "\ncrm,10,ok\ncrm,11,\"two\nlines\"\n", false,
                new SourceRowReader.Limits(100, 70));

        assertThat(read).containsExactly(
                "2:quarantined:not a valid CSV row: a quote opened in this line is not closed within 70 bytes "
                        + "(mosaic.import.max-bytes-per-row); the line is quarantined as it was and the lines after "
                        + "it are read as rows",
                "3:crm/10", "4:crm/11");
    }

    @Test
    void quarantinesALineLongerThanARowMayBeWithoutHoldingItAll() throws Exception {
        List<String> read = read("source,record_id,note\ncrm,1," + "y".repeat(500) + "\ncrm,2,ok\n", false,
                new SourceRowReader.Limits(100, 100));

        assertThat(read).hasSize(2);
        assertThat(read.getFirst()).startsWith("2:quarantined:the line is 506 bytes long, more than the 100");
        assertThat(read.get(1)).isEqualTo("3:crm/2");
    }

    @Test
    void resumesAfterTheRowsCommittedBeforeWithBadRowsAmongThem() throws Exception {
        String file = "source,record_id\ncrm,1\ncrm,\"2\ncrm,3\n[not,a,row]\ncrm,4\ncrm,5,\"multi\nline\"\ncrm,6\n";
        List<String> whole = read(file, false, SourceRowReader.Limits.DEFAULTS);

        for (int committed = 0; committed <= whole.size(); committed++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt("source-rows.read.count", committed);
            List<String> rest = read(file, false, SourceRowReader.Limits.DEFAULTS, context);

            assertThat(rest).as("after %d rows", committed).isEqualTo(whole.subList(committed, whole.size()));
        }
    }

    @Test
    void readsJsonLinesWithAByteOrderMarkAndQuarantinesLinesThatAreNotObjects() throws Exception {
        List<String> read = read("\uFEFF{\"source\":\"crm\",\"record_id\":\"1\"}\n\n{\"source\":\"crm\",\"record_id\":\"2\"}\n",
                true, SourceRowReader.Limits.DEFAULTS);

        assertThat(read).containsExactly("1:crm/1",
                "2:quarantined:not valid JSON Lines: the line is empty, not a JSON object", "3:crm/2");
    }

    @Test
    void quarantinesALineWithBytesThatAreNotUtf8AndReadsOn() throws Exception {
        byte[] file = concat("source,record_id,last_name\ncrm,1,M".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFC},
                "ller\ncrm,2,Müller\n".getBytes(StandardCharsets.UTF_8));

        List<String> read = read(file, false, SourceRowReader.Limits.DEFAULTS, new ExecutionContext());

        assertThat(read).containsExactly("2:quarantined:" + PhysicalLines.notUtf8(new byte[] {(byte) 0xFC}, 8),
                "3:crm/2");
    }

    @Test
    void readsTheLinesOfARowAgainWhenOneOfThemIsNotUtf8() throws Exception {
        byte[] file = concat("source,record_id,note\ncrm,1,\"first\nM".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFC}, "ller\"\ncrm,2,ok\n".getBytes(StandardCharsets.UTF_8));

        List<String> read = read(file, false, SourceRowReader.Limits.DEFAULTS, new ExecutionContext());

        assertThat(read).hasSize(3);
        assertThat(read.get(0)).startsWith("2:quarantined:not a valid CSV row: a quote opened in this line closes only "
                + "in line 3, and the lines together are no row (line 3 is not UTF-8: byte 0xFC at byte 2");
        assertThat(read.get(1)).isEqualTo("3:quarantined:" + PhysicalLines.notUtf8(new byte[] {(byte) 0xFC}, 2));
        assertThat(read.get(2)).isEqualTo("4:crm/2");
    }

    private static List<String> read(String content, boolean jsonLines, SourceRowReader.Limits limits) throws Exception {
        return read(content, jsonLines, limits, new ExecutionContext());
    }

    private static List<String> read(String content, boolean jsonLines, SourceRowReader.Limits limits,
                                     ExecutionContext context) throws Exception {
        return read(content.getBytes(StandardCharsets.UTF_8), jsonLines, limits, context);
    }

    /** Each item as "line:source/record_id", or "line:quarantined:reason". */
    private static List<String> read(byte[] content, boolean jsonLines, SourceRowReader.Limits limits,
                                     ExecutionContext context) throws Exception {
        SourceRowReader reader = new SourceRowReader(() -> new ByteArrayInputStream(content), jsonLines, limits);
        reader.open(context);
        List<String> items = new ArrayList<>();
        try {
            while (true) {
                try {
                    SourceRow row = reader.read();
                    if (row == null) {
                        return items;
                    }
                    items.add(row.line() + ":" + row.value("source") + "/" + row.value("record_id"));
                } catch (InvalidRowException bad) {
                    items.add(bad.line() + ":quarantined:" + bad.getMessage());
                }
            }
        } finally {
            reader.close();
        }
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
