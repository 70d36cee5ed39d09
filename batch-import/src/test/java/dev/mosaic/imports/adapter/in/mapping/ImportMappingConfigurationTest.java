package dev.mosaic.imports.adapter.in.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.ImportMappings;

class ImportMappingConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void readsMappingsFromTheDataFoldersMappingsFolder() throws IOException {
        Files.createDirectories(dataDir.resolve("mappings"));
        Files.writeString(dataDir.resolve("mappings/crm.yml"), "type: customers\nfields:\n  record_id: kunden_id\n");

        new ApplicationContextRunner()
                .withUserConfiguration(ImportMappingConfiguration.class)
                .withPropertyValues("mosaic.data-dir=" + dataDir)
                .run(context -> {
                    ImportMappings mappings = context.getBean(ImportMappings.class);
                    assertThat(mappings.names()).contains("crm", "febrl");
                    assertThat(mappings.find("crm").map(ImportMapping::requiredSourceColumns)).get()
                            .isEqualTo(java.util.List.of("kunden_id", "source"));
                });
    }
}
