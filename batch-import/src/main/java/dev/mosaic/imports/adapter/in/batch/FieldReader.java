package dev.mosaic.imports.adapter.in.batch;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;

/**
 * Reads the typed values of one row, field by field. A required field that is missing or unparseable rejects the
 * row (it goes to the quarantine, naming the field); an invalid optional value is kept as given in the attributes
 * ({@code <field>_raw}), flagged with a warning and left out of the record.
 */
final class FieldReader {

    private final SourceRow row;
    private final String defaultRegion;
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> attributes = new TreeMap<>();

    /**
     * @param defaultRegion the country assumed for phone numbers without a country code when the row names none
     */
    FieldReader(SourceRow row, Set<String> canonicalColumns, String defaultRegion, List<String> mappingProblems) {
        this.row = row;
        this.defaultRegion = defaultRegion;
        this.warnings.addAll(mappingProblems);
        row.fields().forEach((column, value) -> {
            if (!canonicalColumns.contains(column) && value != null && !value.isBlank()) {
                attributes.put(column, value.strip());
            }
        });
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    String required(String field) {
        String value = row.value(field);
        if (value == null) {
            throw reject(field, "required, but empty");
        }
        return value;
    }

    String text(String field) {
        return row.value(field);
    }

    /** A person's name: Unicode NFC, and proper case when it was typed all in upper or all in lower case. */
    String name(String field) {
        String value = row.value(field);
        return value == null ? null : properCase(Normalizer.normalize(value, Normalizer.Form.NFC).replaceAll("\\s+", " "));
    }

    /** A value derived from the row that the record keeps beside its fields (e.g. the salutation of a full name). */
    void put(String attribute, String value) {
        attributes.put(attribute, value);
    }

    /** A value the record merely keeps (address parts, consent flags) without using it as a record field. */
    void keep(String field) {
        String value = row.value(field);
        if (value != null) {
            attributes.put(field, value);
        }
    }

    EmailAddress email(String field) {
        String value = row.value(field);
        if (value == null) {
            return null;
        }
        EmailAddress email = new EmailAddress(value);
        if (!email.isUsableForMatching()) {
            warnings.add(field + " '" + value + "' is not a well-formed address; kept, not used for matching");
        }
        return email;
    }

    PhoneNumber phone(String field, String countryHint) {
        String value = row.value(field);
        if (value == null) {
            return null;
        }
        PhoneNumber phone = PhoneNumber.parse(value, countryHint == null ? defaultRegion : countryHint);
        if (!phone.isUsableForMatching()) {
            warnings.add(field + " '" + value + "' is not a valid phone number; kept, not used for matching");
        }
        return phone;
    }

    LocalDate date(String field) {
        String value = row.value(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return invalidOptional(field, value, "is not a valid YYYY-MM-DD date");
        }
    }

    Instant requiredInstant(String field) {
        String value = required(field);
        try {
            return parseInstant(value);
        } catch (DateTimeParseException e) {
            throw reject(field, "'" + value + "' is not an ISO-8601 timestamp with offset, e.g. 2024-05-02T12:05:00+02:00");
        }
    }

    Instant instant(String field) {
        String value = row.value(field);
        if (value == null) {
            return null;
        }
        try {
            return parseInstant(value);
        } catch (DateTimeParseException e) {
            return invalidOptional(field, value, "is not an ISO-8601 timestamp with offset");
        }
    }

    int requiredInteger(String field, int min, int max) {
        String value = required(field);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw reject(field, "'" + value + "' is outside " + min + ".." + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw reject(field, "'" + value + "' is not a whole number");
        }
    }

    Integer integer(String field, int min, int max) {
        String value = row.value(field);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            return number < min || number > max ? invalidOptional(field, value, "is outside " + min + ".." + max) : number;
        } catch (NumberFormatException e) {
            return invalidOptional(field, value, "is not a whole number");
        }
    }

    BigDecimal requiredDecimal(String field) {
        String value = required(field);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw reject(field, "'" + value + "' is not a decimal number (use a dot: 19.99)");
        }
    }

    BigDecimal decimal(String field, BigDecimal min, BigDecimal max) {
        String value = row.value(field);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
                return invalidOptional(field, value, "is outside " + min + ".." + max);
            }
            return number;
        } catch (NumberFormatException e) {
            return invalidOptional(field, value, "is not a decimal number");
        }
    }

    String requiredChoice(String field, Set<String> allowed) {
        String value = required(field).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw reject(field, "'" + value + "' is not one of " + String.join("|", new java.util.TreeSet<>(allowed)));
        }
        return value;
    }

    String choice(String field, Set<String> allowed) {
        String value = row.value(field);
        if (value == null) {
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return allowed.contains(lower) ? lower
                : invalidOptional(field, value, "is not one of " + String.join("|", new java.util.TreeSet<>(allowed)));
    }

    Boolean bool(String field) {
        String value = row.value(field);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> invalidOptional(field, value, "is not true or false");
        };
    }

    private <T> T invalidOptional(String field, String value, String problem) {
        warnings.add(field + " '" + value + "' " + problem + "; kept, not used");
        attributes.put(field + "_raw", value);
        return null;
    }

    private InvalidRowException reject(String field, String problem) {
        return new InvalidRowException(row.line(), row.rawLine(), "field " + field + ": " + problem);
    }

    private static Instant parseInstant(String value) {
        return OffsetDateTime.parse(value).toInstant();
    }

    private static String properCase(String name) {
        boolean allUpper = name.equals(name.toUpperCase(Locale.ROOT));
        boolean allLower = name.equals(name.toLowerCase(Locale.ROOT));
        if (!allUpper && !allLower) {
            return name;
        }
        StringBuilder result = new StringBuilder(name.length());
        boolean startOfWord = true;
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            result.append(startOfWord ? Character.toTitleCase(c) : c);
            startOfWord = c == ' ' || c == '-' || c == '\'';
        }
        return result.toString();
    }
}
