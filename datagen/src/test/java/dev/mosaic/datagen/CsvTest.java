package dev.mosaic.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    private static final List<String> AWKWARD = List.of("plain", "", "with, comma", "with \"quotes\"",
            "line\nbreak", "carriage\r\nreturn", "\"", ",", " spaces around ", "Müller, Jürgen – Weiß 😀",
            "27\" Monitor QHD", "Calle Mayor 12, 3º B");

    @Test
    void csvQuotingRoundTrips() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < AWKWARD.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Csv.appendField(line, AWKWARD.get(i));
        }
        line.append('\n');
        assertThat(CsvReader.parse(line.toString())).containsExactly(AWKWARD);
    }

    @Test
    void quotesOnlyFieldsThatNeedIt() {
        assertThat(field("Anna")).isEqualTo("Anna");
        assertThat(field(" anna@example.de ")).isEqualTo(" anna@example.de ");
        assertThat(field("Schmidt, Anna")).isEqualTo("\"Schmidt, Anna\"");
        assertThat(field("App-Launch \"Mosaic Club\"")).isEqualTo("\"App-Launch \"\"Mosaic Club\"\"\"");
        assertThat(field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(field("a\rb")).isEqualTo("\"a\rb\"");
        assertThat(field("")).isEmpty();
    }

    private static String field(String value) {
        StringBuilder out = new StringBuilder();
        Csv.appendField(out, value);
        return out.toString();
    }

    @Test
    void sinkWritesHeaderAndRoundTripsRowsThroughItsShuffleWindow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("social.csv");
        int rows = 500;
        try (CsvSink sink = new CsvSink(OutputFile.SOCIAL_INTERACTIONS, file, false, 64, new Rng(1))) {
            for (int i = 0; i < rows; i++) {
                sink.field("instagram").field("IG-" + i);
                for (int c = 2; c < OutputFile.SOCIAL_INTERACTIONS.columns().size(); c++) {
                    sink.field(AWKWARD.get((i + c) % AWKWARD.size()));
                }
                sink.endRow();
                sink.commit();
            }
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> parsed = CsvReader.parse(text);
        assertThat(parsed.get(0)).isEqualTo(OutputFile.SOCIAL_INTERACTIONS.columns());
        assertThat(parsed).hasSize(rows + 1);
        assertThat(parsed.subList(1, parsed.size())).allSatisfy(row -> assertThat(row).hasSize(12));
        assertThat(parsed.subList(1, parsed.size()).stream().map(row -> row.get(1)).distinct()).hasSize(rows);
        // shuffled: not in the order written
        assertThat(parsed.get(1).get(1)).isNotEqualTo("IG-0");
    }

    @Test
    void sinkRefusesARowOfTheWrongWidth(@TempDir Path dir) throws IOException {
        try (CsvSink sink = new CsvSink(OutputFile.GROUND_TRUTH, dir.resolve("gt.csv"), false, 0, new Rng(1))) {
            sink.field("crm").field("C-1");
            assertThatThrownBy(sink::endRow).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("expected 3");
            sink.field("P00000001").endRow();
        }
    }

    @Test
    void readerRejectsBrokenCsv() {
        assertThatThrownBy(() -> CsvReader.parse("a,\"b\n")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> CsvReader.parse("a,b\"c\n")).hasMessageContaining("unquoted");
    }
}
