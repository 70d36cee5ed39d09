package dev.mosaic.runtime.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.neo4j.Neo4jContainer;

import dev.mosaic.runtime.ElasticsearchNode;
import dev.mosaic.runtime.EmbeddedNeo4j;

/**
 * The real stores that the {@code *IT} tests of one JVM share: started on first use, stopped when the JVM exits.
 * By default the local runtime (embedded Neo4j, Elasticsearch from the Maven Central zip); with
 * {@code -Pdocker-stores} the official images through Testcontainers, skipped where no Docker engine runs.
 */
public final class SharedTestStores {

    public record Endpoints(URI neo4jBolt, URI elasticsearch, String description) {
    }

    private static Endpoints endpoints;

    private SharedTestStores() {
    }

    public static synchronized Endpoints get() {
        if (endpoints == null) {
            endpoints = "testcontainers".equals(System.getProperty("mosaic.it.stores")) ? startContainers() : startLocal();
            System.out.println("[mosaic-it] stores for this test JVM: " + endpoints.description());
        }
        return endpoints;
    }

    private static Endpoints startLocal() {
        Path root = Path.of("target", "it-stores").toAbsolutePath();
        deleteRecursively(root.resolve("neo4j"));
        deleteRecursively(root.resolve("elasticsearch").resolve("data"));
        String zip = System.getProperty("mosaic.local.elasticsearch.distribution");
        Assumptions.assumeTrue(zip != null, "mosaic.local.elasticsearch.distribution is not set: run the ITs with ./mvnw verify");
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(root.resolve("neo4j"), 0);
        ElasticsearchNode elasticsearch = ElasticsearchNode.start(new ElasticsearchNode.Settings(
                Path.of(zip), root.resolve("elasticsearch"), 0, "512m", Duration.ofSeconds(180)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            elasticsearch.close();
            neo4j.close();
        }, "shared-test-stores-stop"));
        return new Endpoints(neo4j.boltUri(), elasticsearch.httpUri(),
                "local runtime: embedded Neo4j at " + neo4j.boltUri() + ", Elasticsearch node at " + elasticsearch.httpUri());
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' own reaper when the JVM exits
    private static Endpoints startContainers() {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "-Pdocker-stores asks for Testcontainers, but no Docker engine runs here");
        Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withoutAuthentication();
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
                "docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        neo4j.start();
        elasticsearch.start();
        return new Endpoints(URI.create(neo4j.getBoltUrl()), URI.create("http://" + elasticsearch.getHttpHostAddress()),
                "Testcontainers: " + neo4j.getDockerImageName() + ", " + elasticsearch.getDockerImageName());
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot clear " + path + " for a fresh test run", e);
        }
    }
}
