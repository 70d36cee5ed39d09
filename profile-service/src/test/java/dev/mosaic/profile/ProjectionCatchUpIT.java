package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mosaic.profile.application.ProfileProjection;
import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * The read model catches up by itself after Elasticsearch was unreachable: this Mosaic reaches Elasticsearch through a
 * proxy the test cuts off while it imports and erases, on real Neo4j and Elasticsearch. The background projection is
 * off here and run by the test, so each step is seen in order (TimeRelativeRefreshIT shows it running by itself).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProjectionCatchUpIT {

    private static final String KEY = "it-catch-up-key";
    private static final String ALIAS = "catch-up-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final SwitchableProxy ELASTICSEARCH = SwitchableProxy.toElasticsearch();
    private static final Path dataDir = TestStores.dataDirectory("mosaic-catch-up-it");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.elasticsearch-url", () -> ELASTICSEARCH.uri().toString());
        registry.add("mosaic.elasticsearch-profile-alias", () -> ALIAS);
        registry.add("mosaic.profile.refresh.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    ProfileProjection projection;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private MosaicApiClient api;

    @BeforeEach
    void client() {
        api = new MosaicApiClient(port, KEY);
    }

    @AfterEach
    void elasticsearchBack() throws IOException {
        ELASTICSEARCH.up();
    }

    @Test
    void profilesImportedOrChangedWhileElasticsearchIsDownAreProjectedOnceItIsBack() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        api.importCompleted("customers", """
                source,record_id,first_name,last_name,email,city
                crm,%1$s-q,Quirin,Umzugsmann,quirin.%1$s@example.de,Kiel
                """.formatted(suffix));
        String quirin = lookup("quirin." + suffix + "@example.de").get("profileId").asText();

        ELASTICSEARCH.down();
        // A new person, and Quirin's record changed: the graph takes both, the index cannot.
        JsonNode status = api.importCompleted("customers", """
                source,record_id,first_name,last_name,email,city
                crm,%1$s-q,Quirin,Umzugsmann,quirin.%1$s@example.de,Hamburg
                crm,%1$s-p,Pauline,Nachzuegler,pauline.%1$s@example.de,Bremen
                """.formatted(suffix));
        assertThat(status.at("/counts/imported").asInt()).isEqualTo(1);
        assertThat(status.at("/counts/updated").asInt()).isEqualTo(1);
        HttpResponse<String> unavailable = api.send(api.get(lookupPath("pauline." + suffix + "@example.de")));
        assertThat(unavailable.statusCode()).as("no 500 while the index is away").isEqualTo(503);
        assertThat(projection.dueCount()).isEqualTo(2);
        assertThat(projection.projectDue()).as("nothing can be projected yet").isZero();

        ELASTICSEARCH.up();
        // Importing the same rows again changes nothing in the graph, so it projects nothing: only the schedule helps.
        assertThat(projection.projectDue()).isEqualTo(2);
        assertThat(projection.dueCount()).isZero();
        JsonNode pauline = lookup("pauline." + suffix + "@example.de");
        assertThat(pauline.get("displayName").asText()).isEqualTo("Pauline Nachzuegler");
        JsonNode moved = api.json(api.send(api.get("/api/v1/profiles/" + quirin)));
        assertThat(moved.at("/golden/address/city").asText()).isEqualTo("Hamburg");
    }

    @Test
    void aPersonErasedWhileElasticsearchIsDownIsNotSearchableOnceItIsBack() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        api.importCompleted("customers", """
                source,record_id,first_name,last_name,email,phone,loyalty_id,city
                crm,%1$s-e1,Erna,Vergessenwill,erna.%1$s@example.de,+49 170 3%2$s,EL-%1$s,Kiel
                webshop,%1$s-e2,Erna,Vergessenwill,erna.%1$s@example.de,,,Kiel
                crm,%1$s-g1,Egon,Loeschantrag,egon.%1$s@example.de,,,Kiel
                """.formatted(suffix, digits(suffix)));
        String erna = lookup("erna." + suffix + "@example.de").get("profileId").asText();
        String egon = lookup("egon." + suffix + "@example.de").get("profileId").asText();

        ELASTICSEARCH.down();
        HttpResponse<String> erased = delete(erna);
        assertThat(erased.statusCode()).isEqualTo(202);
        JsonNode report = api.json(erased);
        assertThat(report.get("records").asInt()).isEqualTo(2);
        assertThat(report.get("searchIndex").asText()).isEqualTo("pending");
        assertThat(delete(egon).statusCode()).isEqualTo(202);

        ELASTICSEARCH.up();
        // Erasing again finishes what Elasticsearch missed (before, the graph said 404 and the document stayed).
        HttpResponse<String> again = delete(erna);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(api.json(again).get("searchIndex").asText()).isEqualTo("removed");
        assertThat(api.json(again).get("records").asInt()).isZero();
        // Egon's document goes in the background.
        assertThat(projection.projectDue()).isGreaterThanOrEqualTo(1);
        assertThat(delete(egon).statusCode()).as("nothing left anywhere").isEqualTo(404);

        refresh();
        for (String email : List.of("erna." + suffix + "@example.de", "egon." + suffix + "@example.de")) {
            assertThat(api.send(api.get(lookupPath(email))).statusCode()).as(email).isEqualTo(404);
            assertThat(api.searchHits(email)).as("search for " + email).isEmpty();
        }
        assertThat(api.searchHits("Erna Vergessenwill")).doesNotContain(erna);
        assertThat(api.searchHits("Egon Loeschantrag")).doesNotContain(egon);
        assertThat(api.send(api.get("/api/v1/profiles/lookup?type=loyalty_id&value=EL-" + suffix)).statusCode())
                .isEqualTo(404);
        assertThat(api.send(api.get("/api/v1/profiles/lookup?type=phone&value=0170%20" + "3" + digits(suffix)))
                .statusCode()).isEqualTo(404);
        assertThat(elasticsearch("GET", "/" + ALIAS + "/_doc/" + erna, null).statusCode()).isEqualTo(404);
        assertThat(elasticsearch("GET", "/" + ALIAS + "/_doc/" + egon, null).statusCode()).isEqualTo(404);
        try (Driver neo4j = GraphDatabase.driver(SharedTestStores.neo4jBolt(), AuthTokens.none())) {
            long left = neo4j.executableQuery("""
                            OPTIONAL MATCH (r:Record) WHERE r.recordId STARTS WITH $suffix
                            WITH count(r) AS records
                            OPTIONAL MATCH (i:Identifier) WHERE i.value CONTAINS $suffix
                            WITH records, count(i) AS identifiers
                            RETURN records + identifiers AS left""")
                    .withParameters(Map.of("suffix", suffix)).execute().records().getFirst().get("left").asLong();
            assertThat(left).as("records and identifiers of the erased in the graph").isZero();
            long profiles = neo4j.executableQuery("MATCH (p:Profile) WHERE p.id IN $ids RETURN count(p) AS n")
                    .withParameters(Map.of("ids", List.of(erna, egon))).execute().records().getFirst().get("n").asLong();
            assertThat(profiles).isZero();
        }
    }

    @Test
    void aRebuildWritesAFreshIndexSoDocumentsTheGraphNoLongerHoldsDisappear() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        api.importCompleted("customers", """
                source,record_id,first_name,last_name,email
                crm,%1$s-k,Konstanze,Bleibt,konstanze.%1$s@example.de
                """.formatted(suffix));
        String konstanze = lookup("konstanze." + suffix + "@example.de").get("profileId").asText();
        // A document left behind, e.g. by an erasure whose index part was lost with a crashed node.
        String orphan = "orphan-" + suffix;
        assertThat(elasticsearch("PUT", "/" + ALIAS + "/_doc/" + orphan + "?refresh=true", """
                {"profileId": "%s", "displayName": "Otto Verwaist", "emails": ["otto.%s@example.de"]}"""
                .formatted(orphan, suffix)).statusCode()).isEqualTo(201);

        projection.rebuild();

        assertThat(elasticsearch("GET", "/" + ALIAS + "/_doc/" + orphan, null).statusCode()).isEqualTo(404);
        assertThat(api.send(api.get(lookupPath("otto." + suffix + "@example.de"))).statusCode()).isEqualTo(404);
        assertThat(api.send(api.get("/api/v1/profiles/" + konstanze)).statusCode()).isEqualTo(200);
        List<String> indices = new ArrayList<>();
        json.readTree(elasticsearch("GET", "/_alias/" + ALIAS, null).body()).fieldNames().forEachRemaining(indices::add);
        assertThat(indices).singleElement().asString().startsWith(ALIAS + "-v6-");
    }

    private HttpResponse<String> delete(String profileId) throws Exception {
        return api.send(api.withKey(HttpRequest.newBuilder(api.uri("/api/v1/profiles/" + profileId)).DELETE()));
    }

    private JsonNode lookup(String email) throws Exception {
        HttpResponse<String> found = api.lookupEventually(lookupPath(email));
        assertThat(found.statusCode()).as(email).isEqualTo(200);
        return api.json(found);
    }

    private static String lookupPath(String email) {
        return "/api/v1/profiles/lookup?type=email&value=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
    }

    private void refresh() throws Exception {
        elasticsearch("POST", "/" + ALIAS + "/_refresh", null);
    }

    /** Straight to Elasticsearch, past the proxy. */
    private HttpResponse<String> elasticsearch(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(SharedTestStores.elasticsearch() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Seven digits from the suffix, for a phone number of its own. */
    private static String digits(String suffix) {
        return String.format("%07d", Math.abs(suffix.hashCode()) % 10_000_000);
    }
}
