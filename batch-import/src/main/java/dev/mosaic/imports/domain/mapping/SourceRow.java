package dev.mosaic.imports.domain.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a foreign file as the rules see it: keyed by column name in lower case, blank values left out (empty
 * means unknown), values trimmed unless the mapping keeps them as given. A column without a name cannot be addressed
 * by a rule nor kept as a named attribute, so it is left out too.
 */
public record SourceRow(Map<String, String> values) {

    public SourceRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static SourceRow of(Map<String, String> row, boolean trimValues) {
        Map<String, String> values = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            String name = Names.normalised(column);
            if (!name.isEmpty() && value != null && !value.isBlank()) {
                values.put(name, trimValues ? value.strip() : value);
            }
        });
        return new SourceRow(values);
    }

    /** The value of a column, or null when the column is empty or not in the file. */
    public String value(String column) {
        return values.get(column);
    }
}
