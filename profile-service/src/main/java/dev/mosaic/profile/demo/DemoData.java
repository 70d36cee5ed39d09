package dev.mosaic.profile.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.mosaic.datagen.GeneratorSettings;
import dev.mosaic.datagen.MosaicDataGenerator;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.ResolutionTiming;
import dev.mosaic.imports.domain.SourceFileAfterImport;
import dev.mosaic.profile.runtime.MosaicStoreProperties;

/**
 * On the first start of an empty Mosaic, imports demo data so a newcomer sees profiles at once: a small hand-written
 * customers file (Anna Schmidt and friends, used in the README), then about 2,000 generated records of all five
 * types (datagen, seed 42), through the same import jobs as any other file.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("mosaic.demo.enabled")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String DEMO_FILE = "demo/customers.csv";
    private static final long GENERATED_RECORDS = 2_000;

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
        if (Files.exists(marker) || graph.countProfiles() > 0) {
            return;
        }
        Path copy = dataDir.resolve("uploads").resolve("demo-customers.csv");
        Files.createDirectories(copy.getParent());
        try (InputStream demo = new ClassPathResource(DEMO_FILE).getInputStream()) {
            Files.copy(demo, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        // Like uploads, the demo files are Mosaic's own copies: each is deleted once its import has ended.
        ImportId id = imports.start(ImportType.CUSTOMERS, copy, "demo-customers.csv", null, ResolutionTiming.INCREMENTAL,
                SourceFileAfterImport.DELETE);
        // The marker lists the demo imports, one id a line, so they can be looked up (the first is the customers').
        Files.writeString(marker, id + "\n");
        log.info("Importing the demo customers (import {}); follow it at /api/v1/imports/{}", id, id);

        Path generated = dataDir.resolve("uploads").resolve("demo-generated");
        MosaicDataGenerator.generate(GeneratorSettings.records(GENERATED_RECORDS), generated);
        // Which generated person each record belongs to is for benchmarks, not for the demo.
        Files.deleteIfExists(generated.resolve("ground_truth.csv"));
        for (ImportType type : ImportType.values()) {
            String fileName = "demo-generated-" + type.code() + ".csv";
            ImportId generatedImport = imports.start(type, generated.resolve(type.code() + ".csv"), fileName, null,
                    ResolutionTiming.INCREMENTAL, SourceFileAfterImport.DELETE);
            Files.writeString(marker, generatedImport + "\n", StandardOpenOption.APPEND);
            log.info("Importing generated demo {} (import {})", type.code(), generatedImport);
        }
    }
}
