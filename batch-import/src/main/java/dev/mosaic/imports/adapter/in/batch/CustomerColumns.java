package dev.mosaic.imports.adapter.in.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.file.LineMapper;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.item.file.transform.FieldSet;

/**
 * Maps the lines of a customers CSV to rows by the names in its header, so columns may come in any order; columns
 * Mosaic does not know are kept as attributes.
 */
final class CustomerColumns implements LineMapper<CustomerRow> {

    static final List<String> CANONICAL = List.of("source", "record_id", "first_name", "last_name", "email", "phone",
            "birth_date", "street", "postal_code", "city", "country", "loyalty_id", "social_handle", "created_at",
            "consent_email", "consent_sms");
    private static final Set<String> KNOWN = Set.copyOf(CANONICAL);

    private final DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();
    private List<String> header = List.of();

    /** Reads the header line; a UTF-8 byte order mark and surrounding space are ignored. */
    void useHeader(String headerLine) {
        header = parseHeader(headerLine);
        tokenizer.setNames(header.toArray(String[]::new));
    }

    static List<String> parseHeader(String headerLine) {
        String line = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
        DelimitedLineTokenizer headerTokenizer = new DelimitedLineTokenizer();
        return List.of(headerTokenizer.tokenize(line).getValues()).stream()
                .map(name -> name.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Override
    public CustomerRow mapLine(String line, int lineNumber) {
        FieldSet fields = tokenizer.tokenize(line);
        Map<String, String> extra = new HashMap<>();
        for (String column : header) {
            if (!KNOWN.contains(column)) {
                String value = fields.readRawString(column);
                if (value != null && !value.isBlank()) {
                    extra.put(column, value.strip());
                }
            }
        }
        return new CustomerRow(lineNumber, line,
                value(fields, "source"), value(fields, "record_id"), value(fields, "first_name"),
                value(fields, "last_name"), value(fields, "email"), value(fields, "phone"), value(fields, "birth_date"),
                value(fields, "street"), value(fields, "postal_code"), value(fields, "city"), value(fields, "country"),
                value(fields, "loyalty_id"), value(fields, "social_handle"), value(fields, "created_at"),
                value(fields, "consent_email"), value(fields, "consent_sms"), extra);
    }

    private String value(FieldSet fields, String column) {
        if (!header.contains(column)) {
            return null;
        }
        String raw = fields.readRawString(column);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
