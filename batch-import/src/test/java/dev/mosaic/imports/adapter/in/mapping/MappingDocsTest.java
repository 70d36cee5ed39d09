package dev.mosaic.imports.adapter.in.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The examples in docs/mappings.md are mappings that load, so the documentation cannot drift from the code. */
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
