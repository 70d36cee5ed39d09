package dev.mosaic.imports.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The canonical kinds of file Mosaic imports, with the columns each one must have. */
public enum ImportType {
    CUSTOMERS(List.of("source", "record_id"), true),
    PURCHASES(List.of("source", "record_id"), false),
    TICKETS(List.of("source", "record_id"), false),
    CAMPAIGN_RESPONSES(List.of("source", "record_id"), false),
    SOCIAL_INTERACTIONS(List.of("source", "record_id"), false);

    private final List<String> requiredColumns;
    private final boolean supported;

    ImportType(List<String> requiredColumns, boolean supported) {
        this.requiredColumns = requiredColumns;
        this.supported = supported;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** Whether this build can import the type yet (the walking skeleton imports customers only). */
    public boolean isSupported() {
        return supported;
    }

    public static Optional<ImportType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
