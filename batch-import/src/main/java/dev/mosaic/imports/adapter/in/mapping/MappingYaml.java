package dev.mosaic.imports.adapter.in.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.mapping.FieldRule;
import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.InvalidMappingException;
import dev.mosaic.imports.domain.mapping.NamePart;

/** Reads the text of one mapping file (format: docs/mappings.md) into an {@link ImportMapping}. */
final class MappingYaml {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("type", "trim", "fields");
    private static final List<String> SOURCES = List.of("column", "constant", "concat", "split_name");
    /** Which options may stand beside which source of a field's value. */
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "column", Set.of("date_format", "values"),
            "constant", Set.of(),
            "concat", Set.of("separator"),
            "split_name", Set.of("part"));
    private static final Set<String> ALL_OPTIONS = Set.of("date_format", "values", "separator", "part");

    private MappingYaml() {
    }

    /**
     * @throws InvalidMappingException naming the problem (the caller adds the file)
     */
    static ImportMapping read(String name, String text) {
        Map<String, Object> document = asMap(load(text), "the file must be a YAML map with type and fields");
        Set<String> unknown = new LinkedHashSet<>(document.keySet());
        unknown.removeAll(TOP_LEVEL_KEYS);
        if (unknown.contains("name")) {
            throw new InvalidMappingException("unknown key 'name': a mapping is named after its file (" + name + ")");
        }
        if (!unknown.isEmpty()) {
            throw new InvalidMappingException("unknown key(s) " + String.join(", ", unknown)
                    + "; a mapping has type, fields and optionally trim");
        }
        String typeCode = text(document.get("type"), "type");
        ImportType type = ImportType.fromCode(typeCode).orElseThrow(() -> new InvalidMappingException(
                "type '" + typeCode + "' is not an import type; use one of " + typeCodes()));
        boolean trim = trim(document.get("trim"));
        if (document.get("fields") == null) {
            throw new InvalidMappingException("fields are missing: map each canonical field to where its value "
                    + "comes from");
        }
        Map<String, Object> fields = asMap(document.get("fields"),
                "fields must be a map of canonical field to a column name or an operation");
        List<FieldRule> rules = new ArrayList<>();
        fields.forEach((field, spec) -> rules.add(rule(field, spec)));
        return new ImportMapping(name, type, rules, trim);
    }

    private static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new TextOnlyResolver());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new InvalidMappingException("not valid YAML: " + e.getProblem()
                    + (mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)
                    + ")"), e);
        } catch (YAMLException e) {
            throw new InvalidMappingException("not valid YAML: " + e.getMessage(), e);
        }
    }

    private static FieldRule rule(String field, Object spec) {
        if (spec == null) {
            throw new InvalidMappingException("field " + field + ": the source column name is missing");
        }
        if (spec instanceof String column) {
            return new FieldRule.Rename(field, column);
        }
        Map<String, Object> operation = asMap(spec, "field " + field + ": expected a column name or a map such as "
                + "{ column: date_of_birth, date_format: yyyyMMdd }");
        for (String key : operation.keySet()) {
            if (!SOURCES.contains(key) && !ALL_OPTIONS.contains(key)) {
                throw new InvalidMappingException("field " + field + ": unknown operation '" + key + "'; a field "
                        + "takes one of " + String.join(", ", SOURCES) + " (with date_format or values next to column, "
                        + "separator next to concat, part next to split_name)");
            }
        }
        List<String> sources = SOURCES.stream().filter(operation::containsKey).toList();
        if (sources.size() != 1) {
            throw new InvalidMappingException("field " + field + ": say where its value comes from with exactly one "
                    + "of " + String.join(", ", SOURCES) + (sources.isEmpty() ? "" : "; found " + String.join(" and ",
                    sources)));
        }
        String source = sources.getFirst();
        for (String key : operation.keySet()) {
            if (!key.equals(source) && !OPTIONS.get(source).contains(key)) {
                throw new InvalidMappingException("field " + field + ": '" + key + "' does not go with " + source);
            }
        }
        return switch (source) {
            case "constant" -> new FieldRule.Constant(field, text(operation.get("constant"), field, "constant"));
            case "concat" -> new FieldRule.Concat(field, texts(operation.get("concat"), field, "concat"),
                    operation.containsKey("separator") ? separator(operation.get("separator"), field) : null);
            case "split_name" -> new FieldRule.SplitName(field, text(operation.get("split_name"), field, "split_name"),
                    part(operation.get("part"), field));
            default -> fromColumn(field, text(operation.get("column"), field, "column"), operation);
        };
    }

    private static FieldRule fromColumn(String field, String column, Map<String, Object> operation) {
        if (operation.containsKey("date_format") && operation.containsKey("values")) {
            throw new InvalidMappingException("field " + field + ": use date_format or values, not both");
        }
        if (operation.containsKey("date_format")) {
            return new FieldRule.DateFormat(field, column, text(operation.get("date_format"), field, "date_format"));
        }
        if (operation.containsKey("values")) {
            Map<String, Object> values = asMap(operation.get("values"), "field " + field
                    + ": values must be a map of given value to canonical value, such as { J: true, N: false }");
            Map<String, String> texts = new LinkedHashMap<>();
            values.forEach((given, canonical) -> texts.put(given,
                    canonical == null ? "" : text(canonical, field, "the value for '" + given + "'")));
            return new FieldRule.ValueMap(field, column, texts);
        }
        return new FieldRule.Rename(field, column);
    }

    private static NamePart part(Object value, String field) {
        if (value == null) {
            throw new InvalidMappingException("field " + field + ": split_name needs part: first, last or salutation");
        }
        String part = text(value, field, "part");
        return switch (part.strip().toLowerCase(Locale.ROOT)) {
            case "first" -> NamePart.FIRST;
            case "last" -> NamePart.LAST;
            case "salutation" -> NamePart.SALUTATION;
            default -> throw new InvalidMappingException("field " + field + ": part is '" + part
                    + "'; use first, last or salutation");
        };
    }

    private static String separator(Object value, String field) {
        // An explicit empty separator (separator: "" or separator: ~) joins the columns without anything between.
        return value == null ? "" : text(value, field, "separator");
    }

    private static boolean trim(Object value) {
        if (value == null) {
            return true;
        }
        return switch (text(value, "trim").strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidMappingException("trim is '" + value + "'; use true or false");
        };
    }

    private static String text(Object value, String field, String what) {
        return text(value, "field " + field + ": " + what);
    }

    private static String text(Object value, String what) {
        if (value == null) {
            throw new InvalidMappingException(what + " is missing");
        }
        if (value instanceof String text) {
            return text;
        }
        throw new InvalidMappingException(what + " must be text, not " + describe(value));
    }

    private static List<String> texts(Object value, String field, String what) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidMappingException("field " + field + ": " + what + " must be a list of columns, such as "
                    + "[street_number, address_1]");
        }
        return list.stream().map(item -> text(item, field, what + " column")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String expectation) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidMappingException(expectation + (value == null ? "" : ", not " + describe(value)));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new InvalidMappingException(expectation + "; the key " + key + " is not text");
            }
        }
        return (Map<String, Object>) map;
    }

    private static String describe(Object value) {
        return switch (value) {
            case Map<?, ?> map -> "a map";
            case List<?> list -> "a list";
            default -> "'" + value + "'";
        };
    }

    private static String typeCodes() {
        return String.join(", ", Arrays.stream(ImportType.values()).map(ImportType::code).toList());
    }

    /**
     * Reads every plain value as text, so that J/N, yes/no, on/off, 0049 and 2024-01-31 in a mapping mean what they
     * say instead of becoming booleans, numbers or dates; only an empty value or ~ / null means nothing.
     */
    private static final class TextOnlyResolver extends Resolver {

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
