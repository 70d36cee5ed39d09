package dev.mosaic.imports.domain.mapping;

/** What a rule makes of one row for its field. */
public sealed interface FieldValue {

    FieldValue UNKNOWN = new Unknown();

    static FieldValue knownOrUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : new Known(value);
    }

    record Known(String value) implements FieldValue {
    }

    /** The row says nothing about the field: its source columns are empty. */
    record Unknown() implements FieldValue {
    }

    /** The row has a value the rule cannot turn into the field; it is kept as given, with the reason. */
    record Unreadable(String column, String raw, String reason) implements FieldValue {
    }
}
