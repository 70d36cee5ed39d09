package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * Mosaic started against an index of the previous version (profiles-v1, without profile content) rebuilds the
 * profiles into the current version at start and moves the alias onto it; the old index is gone. Under an alias of
 * its own, so the other tests sharing the Elasticsearch node keep theirs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public class IndexUpgradeIT {

    private static final String KEY = "it-upgrade-key";
    private static final String ALIAS = "upgrade-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The mapping of version 1, as released before the profile content existed. */
    public static final String VERSION_1 = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
                          "analysis": {"normalizer": {"lowercase": {"type": "custom", "filter": ["lowercase"]}}}},
             "mappings": {"dynamic": "strict", "properties": {
                "profileId": {"type": "keyword"},
                "displayName": {"type": "text", "fields": {"keyword": {"type": "keyword", "normalizer": "lowercase"}}},
                "emails": {"type": "keyword"}, "phones": {"type": "keyword"}, "loyaltyIds": {"type": "keyword"},
                "socialHandles": {"type": "keyword"}, "cities": {"type": "keyword", "normalizer": "lowercase"},
                "recordKeys": {"type": "keyword"}, "sourceRecords": {"type": "object", "enabled": false},
                "links": {"type": "object", "enabled": false}, "updatedAt": {"type": "date"}}}}""";

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws Exception {
        seedVersion1Index();
        Path dataDir = Files.createTempDirectory("mosaic-upgrade-it");
        registry.add("mosaic.neo4j-uri", () -> SharedTestStores.neo4jBolt().toString());
        registry.add("mosaic.elasticsearch-url", () -> SharedTestStores.elasticsearch().toString());
        registry.add("mosaic.elasticsearch-profile-alias", () -> ALIAS);
        registry.add("mosaic.data-dir", dataDir::toString);
        registry.add("mosaic.api-key", () -> KEY);
        registry.add("mosaic.demo.enabled", () -> "false");
    }

    /** A version 1 index behind the alias, holding a profile the graph does not know. */
    private static void seedVersion1Index() throws Exception {
        elasticsearch("PUT", "/" + ALIAS + "-v1", VERSION_1);
        elasticsearch("POST", "/_aliases", """
                {"actions": [{"add": {"index": "%1$s-v1", "alias": "%1$s", "is_write_index": true}}]}""".formatted(ALIAS));
        elasticsearch("PUT", "/" + ALIAS + "-v1/_doc/stale?refresh=true", """
                {"profileId": "stale", "displayName": "Nobody", "emails": ["stale@example.de"], "phones": [],
                 "loyaltyIds": [], "socialHandles": [], "cities": [], "recordKeys": [], "sourceRecords": [],
                 "links": [], "updatedAt": "2024-01-01T00:00:00Z"}""");
    }

    @LocalServerPort
    int port;

    @Test
    void rebuildsIntoTheCurrentVersionAtStartAndMovesTheAliasOntoIt() throws Exception {
        assertThat(aliasTargets()).containsExactly(ALIAS + "-v6");
        assertThat(elasticsearch("HEAD", "/" + ALIAS + "-v1", null).statusCode()).isEqualTo(404);
        assertThat(send("/api/v1/profiles/stale").statusCode()).as("only what the graph holds survives").isEqualTo(404);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String csv = "source,record_id,first_name,last_name,email\ncrm,up-" + suffix + ",Ida,Lang,ida." + suffix
                + "@example.de\n";
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/imports?type=customers"))
                .header("X-API-Key", KEY).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        String importId = JSON.readTree(accepted.body()).get("importId").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> found = send("/api/v1/profiles/lookup?type=email&value=ida." + suffix + "%40example.de");
        while (found.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = send("/api/v1/profiles/lookup?type=email&value=ida." + suffix + "%40example.de");
        }

        assertThat(found.statusCode()).as("import " + importId).isEqualTo(200);
        assertThat(JSON.readTree(found.body()).at("/golden/firstName/value").asText()).isEqualTo("Ida");
    }

    private static List<String> aliasTargets() throws Exception {
        JsonNode aliases = JSON.readTree(elasticsearch("GET", "/_alias/" + ALIAS, null).body());
        List<String> names = new ArrayList<>();
        aliases.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> elasticsearch(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedTestStores.elasticsearch() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (!method.equals("HEAD") && response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
