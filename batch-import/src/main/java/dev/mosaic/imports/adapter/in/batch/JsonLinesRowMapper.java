package dev.mosaic.imports.adapter.in.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.infrastructure.item.file.LineMapper;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Maps JSON Lines (one object per line, the canonical field names as keys) to rows. */
final class JsonLinesRowMapper implements LineMapper<SourceRow> {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Override
    public SourceRow mapLine(String line, int lineNumber) {
        JsonNode object = object(line, lineNumber);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                values.put(key(field.getKey()), value.isValueNode() ? value.asString() : value.toString());
            }
        }
        return new SourceRow(lineNumber, line, values);
    }

    /** The keys of a line's object as a file's columns (trimmed, lower case), null values included. */
    List<String> keys(String line) {
        List<String> keys = new ArrayList<>();
        object(line, 1).propertyNames().forEach(name -> keys.add(key(name)));
        return keys;
    }

    private static JsonNode object(String line, long lineNumber) {
        JsonNode object;
        try {
            object = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new InvalidRowException(lineNumber, line, "not valid JSON Lines: the line is not a JSON object ("
                    + e.getOriginalMessage() + ")");
        }
        if (object == null || !object.isObject()) {
            throw new InvalidRowException(lineNumber, line, "not valid JSON Lines: the line is "
                    + (object == null || object.isMissingNode() ? "empty" : "a JSON " + object.getNodeType()
                    .name().toLowerCase(Locale.ROOT)) + ", not a JSON object");
        }
        return object;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
