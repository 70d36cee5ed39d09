package dev.mosaic.imports.adapter.in.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.imports.adapter.in.batch.StandardisedRows;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.mapping.FieldRule;
import dev.mosaic.imports.domain.mapping.ImportMapping;

/**
 * The examples in docs/mappings.md are mappings that load, and the values they write are values an import takes, so
 * the documentation cannot drift from the code.
 */
class MappingDocsTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyExampleInTheDocumentationIsAValidMapping() throws IOException {
        Path docs = Path.of("..", "docs", "mappings.md");
        Assumptions.assumeTrue(Files.isRegularFile(docs), "docs/mappings.md not found from " + Path.of("").toAbsolutePath());

        List<String> examples = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(Files.readString(docs));
        while (block.find()) {
            examples.add(block.group(1));
        }

        assertThat(examples).hasSizeGreaterThan(8);
        for (String example : examples) {
            assertThatCode(() -> MappingYaml.read("example", example)).as(example).doesNotThrowAnyException();
        }
    }

    /** Every constant and every value a value map writes is imported as given: no warning, no quarantine. */
    @Test
    void everyValueAnExampleWritesIsOneAnImportTakes() throws IOException {
        Path docs = Path.of("..", "docs", "mappings.md");
        Assumptions.assumeTrue(Files.isRegularFile(docs), "docs/mappings.md not found");
        Matcher block = YAML_BLOCK.matcher(Files.readString(docs));
        int checked = 0;
        while (block.find()) {
            ImportMapping mapping = MappingYaml.read("example", block.group(1));
            for (FieldRule rule : mapping.rules()) {
                List<String> written = switch (rule) {
                    case FieldRule.Constant constant -> List.of(constant.value());
                    case FieldRule.ValueMap map -> map.values().values().stream().filter(value -> !value.isEmpty()).toList();
                    default -> List.of();
                };
                for (String value : written) {
                    Map<String, String> row = new HashMap<>(VALID_REQUIRED.get(mapping.type()));
                    row.put(rule.field(), value);

                    SourceRecord record = StandardisedRows.of(mapping.type(), row);

                    assertThat(record.warnings()).as(rule.field() + ": " + value + " in\n" + block.group(1))
                            .noneMatch(warning -> warning.startsWith(rule.field() + " "));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    /** A valid value for each required column of each type, so that only the field under test can be wrong. */
    private static final Map<ImportType, Map<String, String>> VALID_REQUIRED = Map.of(
            ImportType.CUSTOMERS, Map.of("source", "docs", "record_id", "1"),
            ImportType.PURCHASES, Map.of("source", "docs", "record_id", "1", "occurred_at", "2024-05-02T12:05:00+02:00",
                    "quantity", "1", "unit_price", "9.99"),
            ImportType.TICKETS, Map.of("source", "docs", "record_id", "1", "opened_at", "2024-05-02T12:05:00+02:00"),
            ImportType.CAMPAIGN_RESPONSES, Map.of("source", "docs", "record_id", "1", "campaign_id", "c-1",
                    "occurred_at", "2024-05-02T12:05:00+02:00", "event", "opened"),
            ImportType.SOCIAL_INTERACTIONS, Map.of("source", "docs", "record_id", "1", "platform", "instagram",
                    "occurred_at", "2024-05-02T12:05:00+02:00"));

    @Test
    void theFebrlExampleIsTheBundledMapping() throws IOException {
        Path docs = Path.of("..", "docs", "mappings.md");
        Assumptions.assumeTrue(Files.isRegularFile(docs), "docs/mappings.md not found");
        String bundled = new String(getClass().getResourceAsStream("/mappings/febrl.yml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);

        Matcher block = YAML_BLOCK.matcher(Files.readString(docs));
        String febrlExample = null;
        while (block.find()) {
            if (block.group(1).contains("constant: febrl }")) {
                febrlExample = block.group(1);
            }
        }

        assertThat(febrlExample).isNotNull();
        assertThat(MappingYaml.read("febrl", febrlExample)).isEqualTo(MappingYaml.read("febrl", bundled));
    }
}
