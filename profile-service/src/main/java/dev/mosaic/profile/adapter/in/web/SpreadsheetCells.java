package dev.mosaic.profile.adapter.in.web;

import java.math.BigDecimal;

/**
 * CSV cells that a spreadsheet cannot run: a text cell starting with = + - @ (or a tab or carriage return, which some
 * programs skip before reading a formula) gets a leading apostrophe, so "=HYPERLINK(...)" typed into a web form stays
 * text (CSV injection, OWASP). A number Mosaic computed (a CLV of -25.00) is written as the number it is: its sign
 * starts no formula, and an apostrophe would turn it into text no spreadsheet sums. Cells with a comma, quote or line
 * break are quoted, quotes doubled (RFC 4180).
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** A number as a plain decimal (no exponent, so no "E" a spreadsheet reads differently); anything else as text. */
    static String cell(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            case Integer number -> number.toString();
            case Long number -> number.toString();
            case Double number when Double.isFinite(number) -> BigDecimal.valueOf(number).toPlainString();
            default -> cell(String.valueOf(value));
        };
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    static String row(Iterable<?> values) {
        StringBuilder row = new StringBuilder();
        boolean first = true;
        for (Object value : values) {
            if (!first) {
                row.append(',');
            }
            row.append(cell(value));
            first = false;
        }
        return row.append("\r\n").toString();
    }
}
