package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad input is a 400 that says what is wrong, never a 500 (docs/security.md): paging beyond any int, years at the
 * ends of what Java can read, and bodies that are not what the endpoint reads, for each endpoint that takes them,
 * through the HTTP API of a Mosaic on real Neo4j and Elasticsearch. Elasticsearch's own refusals come back as a 400
 * that does not quote Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final String KEY = "it-bad-input-key";
    private static final Path dataDir = TestStores.dataDirectory("mosaic-bad-input-it");
    private static final String MAX_PAGE = String.valueOf(Integer.MAX_VALUE);
    private static final List<String> EXTREME_DATES = List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01",
            "+10000-01-01");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.rate-limit.requests-per-second", () -> "0");
    }

    @LocalServerPort
    int port;

    private MosaicApiClient api;
    private String profileId;
    private String segmentId;
    private String keyId;
    private final String userName = "bad-input-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void someoneToAskAbout() throws Exception {
        api = new MosaicApiClient(port, KEY);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> accepted = api.send(api.withKey(api.post("/api/v1/imports?type=customers", """
                source,record_id,first_name,last_name,email
                crm,%1$s,Bertolt,Grenzfall,bertolt.%1$s@example.de
                """.formatted(suffix), "text/csv")));
        api.awaitImport(api.json(accepted).get("importId").asText());
        profileId = api.json(api.lookupEventually("/api/v1/profiles/lookup?type=record&value=crm/" + suffix))
                .get("profileId").asText();
        segmentId = api.json(send("POST", "/api/v1/segments",
                "{\"name\": \"bad input\", \"condition\": {\"field\": \"purchases.orders\", \"gte\": 0}}"))
                .get("id").asText();
        keyId = api.json(send("POST", "/api/v1/admin/keys", "{\"name\": \"bad-input-" + suffix
                + "\", \"roles\": [\"STAFF\"]}")).get("id").asText();
        assertThat(send("POST", "/api/v1/admin/users", "{\"userName\": \"" + userName
                + "\", \"displayName\": \"Bad Input\", \"roles\": [\"STAFF\"]}").statusCode()).isEqualTo(201);
    }

    @Test
    void aPageBeyondEveryIntIsA400NotAnOverflow() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String path : List.of(
                "/api/v1/profiles/search?q=bertolt&page=" + MAX_PAGE,
                "/api/v1/profiles/search?q=bertolt&page=" + MAX_PAGE + "&size=100",
                "/api/v1/profiles/search?page=" + (Integer.MAX_VALUE / 20) + "&size=20",
                "/api/v1/segments/" + segmentId + "/members?page=" + MAX_PAGE,
                "/api/v1/segments/" + segmentId + "/members?page=" + MAX_PAGE + "&size=100",
                "/api/v1/cx/detractors?page=" + MAX_PAGE,
                "/api/v1/cx/detractors?page=" + MAX_PAGE + "&size=100",
                "/api/v1/profiles/search?page=-1",
                "/api/v1/profiles/search?size=0",
                "/api/v1/profiles/search?page=2147483648",
                "/api/v1/segments/" + segmentId + "/members?size=101",
                "/api/v1/cx/detractors?page=x")) {
            HttpResponse<String> response = send("GET", path, null);
            softly.assertThat(response.statusCode()).as(path).isEqualTo(400);
            softly.assertThat(response.body()).as(path).doesNotContainIgnoringCase("elasticsearch");
        }
        // The timeline is read from the graph: a page beyond the end is simply empty.
        HttpResponse<String> timeline = send("GET", "/api/v1/profiles/" + profileId + "/timeline?page=" + MAX_PAGE
                + "&size=200", null);
        softly.assertThat(timeline.statusCode()).isEqualTo(200);
        softly.assertThat(api.json(timeline).get("entries")).isEmpty();
        softly.assertAll();
    }

    @Test
    void yearsOutsideOneToNineThousandNineHundredNinetyNineAreA400NamingTheParameter() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String date : EXTREME_DATES) {
            String encoded = URLEncoder.encode(date, StandardCharsets.UTF_8);
            for (String[] call : List.of(
                    new String[] {"to", "/api/v1/cx/dashboard?to=" + encoded},
                    new String[] {"from", "/api/v1/cx/dashboard?from=" + encoded + "&to=2025-01-01"},
                    new String[] {"to", "/api/v1/cx/detractors?to=" + encoded},
                    new String[] {"from", "/api/v1/cx/detractors?from=" + encoded},
                    new String[] {"from", "/api/v1/admin/audit?from=" + encoded + "T00%3A00%3A00Z"},
                    new String[] {"to", "/api/v1/admin/audit?to=" + encoded + "T00%3A00%3A00Z"})) {
                HttpResponse<String> response = send("GET", call[1], null);
                softly.assertThat(response.statusCode()).as(call[1]).isEqualTo(400);
                softly.assertThat(response.body()).as(call[1]).contains(call[0]);
            }
        }
        // Early dates without 'from' would count back into year 0.
        HttpResponse<String> firstYear = send("GET", "/api/v1/cx/dashboard?to=0001-01-15", null);
        softly.assertThat(firstYear.statusCode()).isLessThan(500);
        for (String edge : List.of("/api/v1/cx/dashboard?from=9999-01-01&to=9999-12-31",
                "/api/v1/cx/detractors?from=0001-01-01&to=9999-12-31",
                "/api/v1/admin/audit?from=0001-01-01T00%3A00%3A00Z&to=9999-12-31T23%3A59%3A59Z")) {
            softly.assertThat(send("GET", edge, null).statusCode()).as(edge).isIn(200, 400);
        }
        softly.assertAll();
    }

    @Test
    void yearsOutsideOneToNineThousandNineHundredNinetyNineInASegmentConditionAreA400WithItsPath() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (String date : EXTREME_DATES) {
            for (String operator : List.of("after", "before")) {
                String condition = "{\"all\": [{\"field\": \"purchases.lastPurchase\", \"" + operator + "\": \""
                        + date + "\"}]}";
                for (String[] call : List.of(
                        new String[] {"POST", "/api/v1/segments/preview"},
                        new String[] {"POST", "/api/v1/segments/preview/stats"},
                        new String[] {"POST", "/api/v1/segments"},
                        new String[] {"PUT", "/api/v1/segments/" + segmentId})) {
                    HttpResponse<String> response = send(call[0], call[1], "{\"name\": \"x\", \"condition\": "
                            + condition + "}");
                    softly.assertThat(response.statusCode()).as("%s %s %s %s", call[0], call[1], operator, date)
                            .isEqualTo(400);
                    if (response.statusCode() == 400) {
                        softly.assertThat(api.json(response).get("path").asText()).as(call[1])
                                .isEqualTo("$.condition.all[0]." + operator);
                    }
                }
            }
        }
        // Numbers beyond what an integer field holds are Elasticsearch's to refuse; still no 500.
        for (String condition : List.of("{\"field\": \"purchases.orders\", \"eq\": 1e20}",
                "{\"field\": \"cx.nps.score\", \"gte\": -1.7976931348623157e308}",
                "{\"field\": \"purchases.revenue\", \"lt\": 1.7976931348623157e308}")) {
            HttpResponse<String> response = send("POST", "/api/v1/segments/preview", "{\"condition\": " + condition + "}");
            softly.assertThat(response.statusCode()).as(condition).isIn(200, 400);
            softly.assertThat(response.body()).as(condition).doesNotContainIgnoringCase("elasticsearch")
                    .doesNotContain("exception");
        }
        softly.assertAll();
    }

    @Test
    void bodiesThatAreNotWhatTheEndpointReadsAreA400() throws Exception {
        List<String[]> endpoints = List.of(
                new String[] {"POST", "/api/v1/segments/preview"},
                new String[] {"POST", "/api/v1/segments/preview/stats"},
                new String[] {"POST", "/api/v1/segments"},
                new String[] {"PUT", "/api/v1/segments/" + segmentId},
                new String[] {"POST", "/api/v1/profiles/" + profileId + "/merge"},
                new String[] {"POST", "/api/v1/profiles/" + profileId + "/split"},
                new String[] {"PUT", "/api/v1/resolution/generic-identifiers"},
                new String[] {"POST", "/api/v1/resolution/runs"},
                new String[] {"POST", "/api/v1/admin/keys"},
                new String[] {"PUT", "/api/v1/admin/keys/" + keyId + "/roles"},
                new String[] {"POST", "/api/v1/admin/users"},
                new String[] {"PUT", "/api/v1/admin/users/" + userName},
                new String[] {"POST", "/api/v1/admin/users/" + userName + "/password"},
                new String[] {"POST", "/api/v1/session"});
        List<String> bodies = List.of("{not json", "[1, 2]", "\"text\"", "42", "{\"condition\": [], \"name\": {}, "
                + "\"roles\": \"ADMIN\", \"records\": 5, \"otherProfileId\": [], \"type\": {}, \"dryRun\": \"maybe\", "
                + "\"matchThreshold\": \"high\", \"userName\": 7, \"password\": {}}");
        SoftAssertions softly = new SoftAssertions();
        for (String[] endpoint : endpoints) {
            for (String body : bodies) {
                HttpResponse<String> response = send(endpoint[0], endpoint[1], body);
                softly.assertThat(response.statusCode()).as("%s %s %s", endpoint[0], endpoint[1], body)
                        .isEqualTo(400);
                softly.assertThat(response.headers().firstValue("Content-Type")).as(endpoint[1])
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
            if (!endpoint[1].endsWith("/runs")) {
                // A JSON null is no body: a 400, or the endpoint's default where the body is optional.
                HttpResponse<String> nothing = send(endpoint[0], endpoint[1], "null");
                softly.assertThat(nothing.statusCode()).as("%s %s null", endpoint[0], endpoint[1]).isLessThan(500);
            }
        }
        HttpResponse<String> infinite = send("POST", "/api/v1/resolution/runs",
                "{\"dryRun\": true, \"matchThreshold\": 1e999}");
        softly.assertThat(infinite.statusCode()).isEqualTo(400);
        HttpResponse<String> swapped = send("POST", "/api/v1/resolution/runs",
                "{\"dryRun\": true, \"matchThreshold\": 0.4, \"reviewThreshold\": 0.9}");
        softly.assertThat(swapped.statusCode()).isEqualTo(400);
        softly.assertThat(swapped.body()).contains("reviewThreshold (0.9) must not exceed matchThreshold (0.4)");
        HttpResponse<String> looseBridge = send("POST", "/api/v1/resolution/runs",
                "{\"dryRun\": true, \"bridgeThreshold\": 0.6}");
        softly.assertThat(looseBridge.statusCode()).isEqualTo(400);
        softly.assertThat(looseBridge.body()).contains("bridgeThreshold (0.6) must not be below matchThreshold");
        softly.assertAll();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = api.withKey(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
        return api.send(request);
    }
}
