package dev.mosaic.imports.domain.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mosaic.imports.domain.ImportType;

/**
 * Turns the rows of a foreign export into rows of a canonical import type. Each rule fills one canonical field;
 * source columns no rule reads pass through under their own names and end up as attributes of the record, so
 * nothing a customer told us is lost.
 *
 * @param name       how an import asks for the mapping
 * @param type       the canonical type the rows become
 * @param rules      at most one rule per canonical field of the type
 * @param trimValues whether values lose surrounding white space before the rules see them
 */
public record ImportMapping(String name, ImportType type, List<FieldRule> rules, boolean trimValues) {

    /** Suffix of the field that keeps a value a rule could not read, e.g. {@code birth_date_raw}. */
    public static final String RAW_SUFFIX = "_raw";
    /** Suffix a passed-through column gets when its name is a field the mapping fills, e.g. {@code city_original}. */
    public static final String ORIGINAL_SUFFIX = "_original";

    public ImportMapping {
        name = Names.normalised(name);
        if (name.isEmpty()) {
            throw new InvalidMappingException("a mapping needs a name");
        }
        if (type == null) {
            throw new InvalidMappingException("mapping " + name + ": the import type is missing");
        }
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new InvalidMappingException("mapping " + name + ": it maps no field");
        }
        Set<String> mapped = new HashSet<>();
        for (FieldRule rule : rules) {
            if (!type.columns().contains(rule.field())) {
                throw new InvalidMappingException("field " + rule.field() + " is not a " + type.code()
                        + " column; the " + type.code() + " columns are: " + String.join(", ", type.columns()));
            }
            if (!mapped.add(rule.field())) {
                throw new InvalidMappingException("field " + rule.field() + " is mapped twice");
            }
        }
    }

    /**
     * Maps one row. A value a rule cannot read does not drop the row: the field stays empty, the value is kept as
     * {@code <field>_raw} and a problem says why.
     *
     * @param sourceRow the row keyed by the file's header names (compared trimmed and ignoring case)
     */
    public MappedRow apply(Map<String, String> sourceRow) {
        SourceRow row = SourceRow.of(sourceRow, trimValues);
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (FieldRule rule : rules) {
            switch (rule.valueIn(row)) {
                case FieldValue.Known known -> fields.put(rule.field(), known.value());
                case FieldValue.Unknown unknown -> { }
                case FieldValue.Unreadable unreadable -> {
                    fields.put(rule.field() + RAW_SUFFIX, unreadable.raw());
                    problems.add(rule.field() + ": '" + unreadable.raw() + "' in column " + unreadable.column() + " "
                            + unreadable.reason());
                }
            }
        }
        Set<String> consumed = consumedColumns();
        Set<String> filled = filledFields();
        row.values().forEach((column, value) -> {
            if (!consumed.contains(column)) {
                // A file's own column named like a field the mapping fills must not compete with it, row by row.
                boolean clashes = filled.contains(column) || fields.containsKey(column);
                fields.put(clashes ? column + ORIGINAL_SUFFIX : column, value);
            }
        });
        return new MappedRow(fields, problems);
    }

    /**
     * A digest of what this mapping does, not of how its file is written (comments, order and spacing do not count):
     * an import stores it, and a restart refuses to go on under a mapping that has changed meanwhile, which would
     * give the rows after the restart another layout than those before.
     */
    public String fingerprint() {
        StringBuilder text = new StringBuilder().append(type.code()).append("|trim=").append(trimValues);
        rules.stream().sorted(java.util.Comparator.comparing(FieldRule::field)).forEach(rule ->
                text.append('|').append(rule.field()).append('=').append(switch (rule) {
                    case FieldRule.Rename rename -> List.of("column", rename.column());
                    case FieldRule.Constant constant -> List.of("constant", constant.value());
                    case FieldRule.SplitName split -> List.of("split_name", split.column(), split.part().name());
                    case FieldRule.DateFormat date -> List.of("date_format", date.column(), date.pattern());
                    case FieldRule.ValueMap map -> List.of("values", map.column(),
                            new java.util.TreeMap<>(map.values()).toString());
                    case FieldRule.Concat concat -> List.of("concat", concat.columns().toString(), concat.separator());
                }));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The columns a file must have for this mapping: those its rules read, and the type's required columns that no
     * rule fills (those must come from the file under their canonical names).
     */
    public List<String> requiredSourceColumns() {
        Set<String> required = new LinkedHashSet<>(consumedColumns());
        Set<String> filled = filledFields();
        type.requiredColumns().stream().filter(column -> !filled.contains(column)).forEach(required::add);
        return List.copyOf(required);
    }

    /** The required source columns the header lacks; empty when the file can be mapped. */
    public List<String> missingSourceColumns(Collection<String> header) {
        Set<String> present = new HashSet<>();
        header.forEach(column -> present.add(Names.normalised(column)));
        return requiredSourceColumns().stream().filter(column -> !present.contains(column)).toList();
    }

    private Set<String> consumedColumns() {
        Set<String> columns = new LinkedHashSet<>();
        rules.forEach(rule -> columns.addAll(rule.columns()));
        return columns;
    }

    private Set<String> filledFields() {
        Set<String> filled = new HashSet<>();
        rules.forEach(rule -> filled.add(rule.field()));
        return filled;
    }
}
