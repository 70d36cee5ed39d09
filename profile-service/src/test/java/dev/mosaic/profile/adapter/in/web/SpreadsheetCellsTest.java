package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SpreadsheetCellsTest {

    @Test
    void neutralisesCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(SpreadsheetCells.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(SpreadsheetCells.cell("+4915123456781")).isEqualTo("'+4915123456781");
        assertThat(SpreadsheetCells.cell("-1+2")).isEqualTo("'-1+2");
        assertThat(SpreadsheetCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetCells.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetCells.cell("Anna")).isEqualTo("Anna");
        assertThat(SpreadsheetCells.cell("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetCells.cell(null)).isEmpty();
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertThat(SpreadsheetCells.row(Arrays.asList("Schmidt, Anna", "say \"hi\"", "two\nlines", null)))
                .isEqualTo("\"Schmidt, Anna\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}
