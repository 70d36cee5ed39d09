package dev.mosaic.imports.adapter.in.batch;

import java.util.Map;

/** One row of a source file as text: its line number, the line as it was, and its values by column name. */
record SourceRow(long line, String rawLine, Map<String, String> fields) {

    /** The trimmed value of a column, or null when the column is absent or empty. */
    String value(String column) {
        String value = fields.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
