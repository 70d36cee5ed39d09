package dev.mosaic.imports.domain.mapping;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** How one canonical field of an import type is filled from the columns of a foreign file. */
public sealed interface FieldRule {

    /** The canonical field this rule fills. */
    String field();

    /** The source columns this rule reads; a file without one of them cannot be mapped. */
    List<String> columns();

    FieldValue valueIn(SourceRow row);

    /** The field takes the value of one column as it is. */
    record Rename(String field, String column) implements FieldRule {

        public Rename {
            field = Names.field(field);
            column = Names.column(field, column);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public FieldValue valueIn(SourceRow row) {
            return FieldValue.knownOrUnknown(row.value(column));
        }
    }

    /** The field has the same value in every row, e.g. the source system a retailer's export comes from. */
    record Constant(String field, String value) implements FieldRule {

        public Constant {
            field = Names.field(field);
            if (value == null || value.isBlank()) {
                throw new InvalidMappingException("field " + field + ": the constant value is empty");
            }
            value = value.strip();
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public FieldValue valueIn(SourceRow row) {
            return new FieldValue.Known(value);
        }
    }

    /**
     * The field takes the first or the last name out of a column holding a full name. "Müller, Hans" is read last name
     * first; otherwise the last word is the last name, together with particles before it ("Jan van der Berg") and a
     * suffix after it ("Martin Luther King Jr."); a single word is a first name. Every word ends up in one of the two
     * parts, so nothing of the name is lost.
     */
    record SplitName(String field, String column, NamePart part) implements FieldRule {

        public SplitName {
            field = Names.field(field);
            column = Names.column(field, column);
            if (part == null) {
                throw new InvalidMappingException("field " + field + ": say which part of the name it takes");
            }
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public FieldValue valueIn(SourceRow row) {
            String fullName = row.value(column);
            return fullName == null ? FieldValue.UNKNOWN : FieldValue.knownOrUnknown(FullName.part(fullName, part));
        }
    }

    /** The field is a date written in another format, e.g. yyyyMMdd or dd.MM.yyyy; it becomes YYYY-MM-DD. */
    record DateFormat(String field, String column, String pattern) implements FieldRule {

        // Patterns come from a handful of mapping files, so the cache stays small; it spares a parse per row.
        private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

        public DateFormat {
            field = Names.field(field);
            column = Names.column(field, column);
            pattern = pattern == null ? "" : pattern.strip();
            if (pattern.isEmpty()) {
                throw new InvalidMappingException("field " + field + ": the date format is missing");
            }
            checkDescribesADate(field, pattern);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public FieldValue valueIn(SourceRow row) {
            String raw = row.value(column);
            if (raw == null) {
                return FieldValue.UNKNOWN;
            }
            try {
                return new FieldValue.Known(LocalDate.parse(raw.strip(), formatter(pattern)).toString());
            } catch (DateTimeParseException e) {
                return new FieldValue.Unreadable(column, raw, "does not match date format " + pattern);
            }
        }

        private static void checkDescribesADate(String field, String pattern) {
            LocalDate sample = LocalDate.of(1987, 11, 23);
            try {
                DateTimeFormatter formatter = formatter(pattern);
                if (!LocalDate.parse(formatter.format(sample), formatter).equals(sample)) {
                    throw new IllegalArgumentException("it does not read back the date it writes");
                }
            } catch (RuntimeException e) {
                throw new InvalidMappingException("field " + field + ": '" + pattern + "' is not a date format with "
                        + "year, month and day (letters as in java.time.format.DateTimeFormatter, e.g. yyyyMMdd or "
                        + "dd.MM.yyyy)", e);
            }
        }

        /** Strict, so that 31.02.2024 is refused instead of becoming 29.02.2024; "yyyy" is read as a year AD. */
        private static DateTimeFormatter formatter(String pattern) {
            return FORMATTERS.computeIfAbsent(pattern, key -> new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern(key)
                    .parseDefaulting(ChronoField.ERA, 1)
                    .toFormatter(Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT));
        }
    }

    /**
     * The field takes the value a map gives for the column's value, e.g. J/N to true/false. Values are compared
     * trimmed and ignoring case; a value the map maps to nothing is unknown, a value the map does not list is kept
     * with a problem.
     */
    record ValueMap(String field, String column, Map<String, String> values) implements FieldRule {

        public ValueMap {
            field = Names.field(field);
            column = Names.column(field, column);
            if (values == null || values.isEmpty()) {
                throw new InvalidMappingException("field " + field + ": the value map is empty");
            }
            Map<String, String> normalised = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (Map.Entry<String, String> entry : values.entrySet()) {
                String from = entry.getKey() == null ? "" : entry.getKey().strip();
                if (from.isEmpty()) {
                    throw new InvalidMappingException("field " + field + ": the value map has an empty value to map");
                }
                if (!seen.add(from.toLowerCase(Locale.ROOT))) {
                    throw new InvalidMappingException("field " + field + ": the value map lists '" + from
                            + "' twice (values are compared ignoring case)");
                }
                normalised.put(from, entry.getValue() == null ? "" : entry.getValue().strip());
            }
            values = Collections.unmodifiableMap(normalised);
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        public FieldValue valueIn(SourceRow row) {
            String raw = row.value(column);
            if (raw == null) {
                return FieldValue.UNKNOWN;
            }
            String given = raw.strip();
            return values.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(given))
                    .findFirst()
                    .map(entry -> FieldValue.knownOrUnknown(entry.getValue()))
                    .orElseGet(() -> new FieldValue.Unreadable(column, raw,
                            "is not one of the mapped values " + String.join(", ", values.keySet())));
        }
    }

    /**
     * The field joins several columns, e.g. street_number and address_1 into street. Empty columns are left out, so no
     * separator is doubled; when all are empty the field is unknown.
     */
    record Concat(String field, List<String> columns, String separator) implements FieldRule {

        public Concat {
            field = Names.field(field);
            if (columns == null || columns.size() < 2) {
                throw new InvalidMappingException("field " + field + ": concat needs at least two columns");
            }
            List<String> names = new ArrayList<>();
            for (String column : columns) {
                names.add(Names.column(field, column));
            }
            columns = List.copyOf(names);
            separator = Objects.requireNonNullElse(separator, " ");
        }

        @Override
        public FieldValue valueIn(SourceRow row) {
            List<String> parts = columns.stream().map(row::value).filter(Objects::nonNull).toList();
            return FieldValue.knownOrUnknown(String.join(separator, parts));
        }
    }
}
