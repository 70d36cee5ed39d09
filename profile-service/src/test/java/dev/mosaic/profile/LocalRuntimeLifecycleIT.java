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
 * data (every demo import completes; of the generated data no row is quarantined), leaves no process behind when stopped
 * and finds the same profiles when started again.
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
            List<String> demoImports = Files.readAllLines(dataDir.resolve("demo-imported"));
            assertThat(demoImports).as("the demo customers and the generated data of the five types").hasSize(6);
            JsonNode handWritten = awaitImport(port, demoImports.getFirst());
            assertThat(handWritten.get("status").asText()).as(handWritten.toString()).isEqualTo("COMPLETED");
            assertThat(handWritten.get("file").asText()).isEqualTo("demo-customers.csv");
            // The hand-written file shows the quarantine on purpose: a walk-in customer without a record id.
            JsonNode quarantined = json.readTree(get(port, "/api/v1/imports/" + demoImports.getFirst()
                    + "/quarantine").body());
            assertThat(quarantined.get("total").asInt()).as(quarantined.toString()).isEqualTo(1);
            assertThat(quarantined.at("/rows/0/rawRow").asText()).startsWith("crm,,Walk-in,Customer");
            for (String importId : demoImports.subList(1, demoImports.size())) {
                JsonNode status = awaitImport(port, importId);
                assertThat(status.get("file").asText()).startsWith("demo-generated-");
                assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("COMPLETED");
                assertThat(status.at("/counts/quarantined").asLong()).as(status + ": " + get(port,
                        "/api/v1/imports/" + importId + "/quarantine?size=5").body()).isZero();
                assertThat(status.at("/counts/imported").asLong()).as(status.toString()).isPositive();
            }
            try (var uploads = Files.walk(dataDir.resolve("uploads"))) {
                assertThat(uploads.filter(Files::isRegularFile).toList())
                        .as("each demo file is deleted once imported").isEmpty();
            }
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

    private JsonNode awaitImport(int port, String importId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = json.readTree(get(port, "/api/v1/imports/" + importId).body());
            if (!List.of("QUEUED", "RUNNING").contains(status.get("status").asText())) {
                return status;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("demo import " + importId + " did not end within 300 s");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
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
