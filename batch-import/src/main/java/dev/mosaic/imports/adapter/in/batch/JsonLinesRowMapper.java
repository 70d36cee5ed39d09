package dev.mosaic.imports.adapter.in.batch;

import java.util.LinkedHashMap;
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
        JsonNode object;
        try {
            object = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new InvalidRowException(lineNumber, line, "not a JSON object: " + e.getOriginalMessage());
        }
        if (object == null || !object.isObject()) {
            throw new InvalidRowException(lineNumber, line, "not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                values.put(field.getKey().strip().toLowerCase(Locale.ROOT),
                        value.isValueNode() ? value.asString() : value.toString());
            }
        }
        return new SourceRow(lineNumber, line, values);
    }
}
