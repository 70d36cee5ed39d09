package dev.mosaic.imports.domain.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a foreign file in canonical terms: the canonical fields the mapping could fill, the source columns it did
 * not use (under their own names) and, for each value it could not read, that value as {@code <field>_raw}. A field
 * that is absent is unknown. Each problem is a sentence naming the field, the column and the value.
 */
public record MappedRow(Map<String, String> fields, List<String> problems) {

    public MappedRow {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        problems = List.copyOf(problems);
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
