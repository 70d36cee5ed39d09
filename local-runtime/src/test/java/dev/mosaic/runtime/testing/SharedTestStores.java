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
 * The real stores that the {@code *IT} tests of one JVM share: each started on first use, stopped when the JVM
 * exits. By default the local runtime (embedded Neo4j, an Elasticsearch node from the Maven Central zip); with
 * {@code -Pdocker-stores} the official images through Testcontainers, skipped where no Docker engine runs.
 */
public final class SharedTestStores {

    private static final Path ROOT = Path.of("target", "it-stores").toAbsolutePath();
    private static URI neo4jBolt;
    private static URI elasticsearch;

    private SharedTestStores() {
    }

    public static synchronized URI neo4jBolt() {
        if (neo4jBolt == null) {
            neo4jBolt = useContainers() ? startNeo4jContainer() : startEmbeddedNeo4j();
            System.out.println("[mosaic-it] Neo4j for this test JVM: " + neo4jBolt
                    + (useContainers() ? " (Testcontainers)" : " (local runtime, embedded 2026.x)"));
        }
        return neo4jBolt;
    }

    public static synchronized URI elasticsearch() {
        if (elasticsearch == null) {
            elasticsearch = useContainers() ? startElasticsearchContainer() : startElasticsearchNode();
            System.out.println("[mosaic-it] Elasticsearch for this test JVM: " + elasticsearch
                    + (useContainers() ? " (Testcontainers)" : " (local runtime, node from the Maven Central zip)"));
        }
        return elasticsearch;
    }

    private static boolean useContainers() {
        return "testcontainers".equals(System.getProperty("mosaic.it.stores"));
    }

    private static URI startEmbeddedNeo4j() {
        Path home = ROOT.resolve("neo4j");
        deleteRecursively(home);
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "shared-neo4j-stop"));
        return neo4j.boltUri();
    }

    private static URI startElasticsearchNode() {
        String zip = System.getProperty("mosaic.local.elasticsearch.distribution");
        Assumptions.assumeTrue(zip != null,
                "mosaic.local.elasticsearch.distribution is not set: run the integration tests with ./mvnw verify");
        Path work = ROOT.resolve("elasticsearch");
        deleteRecursively(work.resolve("data"));
        ElasticsearchNode node = ElasticsearchNode.start(
                new ElasticsearchNode.Settings(Path.of(zip), work, 0, "512m", Duration.ofSeconds(180)));
        // The node registers its own shutdown hook.
        return node.httpUri();
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    private static URI startNeo4jContainer() {
        requireDocker();
        Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withoutAuthentication();
        neo4j.start();
        return URI.create(neo4j.getBoltUrl());
    }

    @SuppressWarnings("resource")
    private static URI startElasticsearchContainer() {
        requireDocker();
        ElasticsearchContainer container = new ElasticsearchContainer(
                "docker.elastic.co/elasticsearch/elasticsearch:8.19.21")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        container.start();
        return URI.create("http://" + container.getHttpHostAddress());
    }

    private static void requireDocker() {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "-Pdocker-stores asks for Testcontainers, but no Docker engine runs here");
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
