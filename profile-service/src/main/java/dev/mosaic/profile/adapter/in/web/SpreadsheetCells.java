package dev.mosaic.profile.adapter.in.web;

/**
 * CSV cells that a spreadsheet cannot run: a cell starting with = + - @ (or a tab or carriage return, which some
 * programs skip before reading a formula) gets a leading apostrophe, so "=HYPERLINK(...)" typed into a web form stays
 * text (CSV injection, OWASP). Cells with a comma, quote or line break are quoted, quotes doubled (RFC 4180).
 */
final class SpreadsheetCells {

    private SpreadsheetCells() {
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

    static String row(Iterable<String> values) {
        StringBuilder row = new StringBuilder();
        boolean first = true;
        for (String value : values) {
            if (!first) {
                row.append(',');
            }
            row.append(cell(value));
            first = false;
        }
        return row.append("\r\n").toString();
    }
}
