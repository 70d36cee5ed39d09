package dev.mosaic.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

import dev.mosaic.runtime.testing.SharedTestStores;

/** Points a Mosaic under test at the test JVM's real Neo4j and Elasticsearch, with its own data folder and key. */
public final class TestStores {

    private TestStores() {
    }

    public static void register(DynamicPropertyRegistry registry, Path dataDir, String apiKey) {
        registry.add("mosaic.neo4j-uri", () -> SharedTestStores.neo4jBolt().toString());
        registry.add("mosaic.elasticsearch-url", () -> SharedTestStores.elasticsearch().toString());
        registry.add("mosaic.data-dir", dataDir::toString);
        registry.add("mosaic.api-key", () -> apiKey);
        registry.add("mosaic.demo.enabled", () -> "false");
        // The test JVM's Mosaics share one graph and mostly one alias, some with a fixed clock: a background projection
        // of one would compute another's profiles at its own time. Tests of the background projection turn it on.
        registry.add("mosaic.profile.refresh.enabled", () -> "false");
    }

    /**
     * A data folder of the test class's own. Not a {@code @TempDir}: with one test instance per class the context
     * starts before JUnit fills static fields.
     */
    public static Path dataDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
