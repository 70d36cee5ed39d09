package dev.mosaic.imports.adapter.in.mapping;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.mosaic.imports.domain.mapping.ImportMappings;

/** The named import mappings: those bundled with Mosaic, overridden by files in the data folder's mappings/. */
@Configuration(proxyBeanMethods = false)
public class ImportMappingConfiguration {

    @Bean
    ImportMappings importMappings(@Value("${mosaic.data-dir:./data}") String dataDir) {
        return new YamlImportMappings(Path.of(dataDir).resolve("mappings"));
    }
}
