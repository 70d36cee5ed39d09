package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
    void keepsNumbersNumbersWhileTextStartingWithASignIsStillNeutralised() {
        assertThat(SpreadsheetCells.cell((Object) new BigDecimal("-25.00"))).isEqualTo("-25.00");
        assertThat(SpreadsheetCells.cell((Object) new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(SpreadsheetCells.cell((Object) (-3))).isEqualTo("-3");
        assertThat(SpreadsheetCells.cell((Object) (-0.5))).isEqualTo("-0.5");
        assertThat(SpreadsheetCells.cell((Object) "-25.00")).as("a text that looks like a number").isEqualTo("'-25.00");
        assertThat(SpreadsheetCells.cell((Object) "=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetCells.row(Arrays.asList("p-1", new BigDecimal("-25.00"), "-x")))
                .isEqualTo("p-1,-25.00,'-x\r\n");
    }

    @Test
    void quotesCommasQuotesAndLineBreaks() {
        assertThat(SpreadsheetCells.row(Arrays.asList("Schmidt, Anna", "say \"hi\"", "two\nlines", null)))
                .isEqualTo("\"Schmidt, Anna\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }
}
