package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mosaic.runtime.LoopbackPorts;

/**
 * Mosaic with no store configured starts its own Neo4j and Elasticsearch under the data folder, imports the demo
 * data, leaves no process behind when stopped and finds the same profiles when started again.
 */
class LocalRuntimeLifecycleIT {

    private static final String KEY = "lifecycle-key";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void startsItsOwnStoresServesTheDemoStopsCleanlyAndKeepsProfilesAcrossRestarts() throws Exception {
        int port = LoopbackPorts.freePort();
        String firstProfileId;
        long elasticsearchPid;
        try (ConfigurableApplicationContext mosaic = start(port)) {
            JsonNode profile = awaitProfile(port, "anna.schmidt@example.de");
            firstProfileId = profile.get("profileId").asText();
            assertThat(profile.get("sourceRecords")).hasSize(3);
            elasticsearchPid = Long.parseLong(Files.readString(
                    elasticsearchWorkDirectory().resolve("elasticsearch.pid")).strip());
            assertThat(ProcessHandle.of(elasticsearchPid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        }

        assertThat(ProcessHandle.of(elasticsearchPid).map(ProcessHandle::isAlive).orElse(false))
                .as("the Elasticsearch node is stopped with Mosaic").isFalse();

        try (ConfigurableApplicationContext mosaic = start(port)) {
            JsonNode again = awaitProfile(port, "anna.schmidt@example.de");
            assertThat(again.get("profileId").asText()).isEqualTo(firstProfileId);
        }
    }

    private ConfigurableApplicationContext start(int port) {
        return SpringApplication.run(MosaicApplication.class, List.of(
                "--server.port=" + port,
                "--mosaic.data-dir=" + dataDir,
                "--mosaic.api-key=" + KEY,
                "--mosaic.demo.enabled=true",
                "--mosaic.neo4j-uri=",
                "--mosaic.elasticsearch-url=",
                "--mosaic.local-elasticsearch-distribution=" + System.getProperty("mosaic.local.elasticsearch.distribution")
        ).toArray(String[]::new));
    }

    /** Elasticsearch refuses root; as root its folder may move to /var/tmp when the data folder is not reachable. */
    private Path elasticsearchWorkDirectory() throws Exception {
        Path underData = dataDir.resolve("elasticsearch");
        if (Files.exists(underData.resolve("elasticsearch.pid"))) {
            return underData;
        }
        try (var candidates = Files.list(Path.of("/var/tmp"))) {
            return candidates.filter(path -> path.getFileName().toString().startsWith("mosaic-elasticsearch-"))
                    .filter(path -> Files.exists(path.resolve("elasticsearch.pid")))
                    .findFirst().orElseThrow();
        }
    }

    private JsonNode awaitProfile(int port, String email) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/profiles/lookup?type=email&value=" + email))
                    .header("X-API-Key", KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return json.readTree(response.body());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no profile for " + email + " within 90 s");
    }
}
