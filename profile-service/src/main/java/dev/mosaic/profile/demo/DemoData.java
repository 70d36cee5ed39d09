package dev.mosaic.profile.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.profile.runtime.MosaicStoreProperties;

/** On the first start of an empty Mosaic, imports a small demo dataset so a newcomer sees profiles at once. */
@Component
@Order(10)
@ConditionalOnBooleanProperty("mosaic.demo.enabled")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String DEMO_FILE = "demo/customers.csv";

    private final Imports imports;
    private final IdentityGraph graph;
    private final Path dataDir;

    DemoData(Imports imports, IdentityGraph graph, MosaicStoreProperties properties) {
        this.imports = imports;
        this.graph = graph;
        this.dataDir = properties.dataDir();
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        Path marker = dataDir.resolve("demo-imported");
        if (Files.exists(marker) || !graph.allProfileIds().isEmpty()) {
            return;
        }
        Path copy = dataDir.resolve("uploads").resolve("demo-customers.csv");
        Files.createDirectories(copy.getParent());
        try (InputStream demo = new ClassPathResource(DEMO_FILE).getInputStream()) {
            Files.copy(demo, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        ImportId id = imports.start(ImportType.CUSTOMERS, copy, "demo-customers.csv");
        Files.writeString(marker, id.toString());
        log.info("Importing the demo customers (import {}); follow it at /api/v1/imports/{}", id, id);
    }
}
