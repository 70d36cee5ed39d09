package dev.mosaic.imports.domain.mapping;

import java.util.Locale;

/** Column and field names compare the way header names are read: trimmed and in lower case. */
final class Names {

    private Names() {
    }

    static String normalised(String name) {
        return name == null ? "" : name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
    }

    static String field(String name) {
        String field = normalised(name);
        if (field.isEmpty()) {
            throw new InvalidMappingException("a rule has no target field");
        }
        return field;
    }

    static String column(String field, String column) {
        String name = normalised(column);
        if (name.isEmpty()) {
            throw new InvalidMappingException("field " + field + ": the source column name is missing");
        }
        return name;
    }
}
