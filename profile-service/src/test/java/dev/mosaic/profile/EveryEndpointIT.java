package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every endpoint Spring MVC maps, read from its {@link RequestMappingHandlerMapping}, against every role and no key:
 * the role matrix, which must name each endpoint (a new one without an entry fails here) and which docs/security.md
 * shows exactly as asserted. Then every audited endpoint, called successfully, leaves its entry in the real audit
 * index, and the others leave none. A Mosaic on real Neo4j and Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryEndpointIT {

    private static final String KEY = "it-endpoints-key";
    private static final Path dataDir = TestStores.dataDirectory("mosaic-endpoints-it");
    private static final List<String> ROLES = List.of("STAFF", "MARKETER", "STEWARD", "SYSTEM", "ADMIN");
    private static final Path SECURITY_DOC = Path.of("..", "docs", "security.md");
    private static final String MATRIX_BEGIN = "<!-- role matrix: generated from EveryEndpointIT, do not edit -->";
    private static final String MATRIX_END = "<!-- end of role matrix -->";

    /** What a role may do with an endpoint. */
    enum Access {
        YES("yes"), COUNTER_VIEW("counter view"), NO("–");

        final String cell;

        Access(String cell) {
            this.cell = cell;
        }
    }

    /** An endpoint's expected access per role, the answer without a key, and a request that touches nothing. */
    private record Expectation(Map<String, Access> roles, int withoutKey, String noKeyCell, int wrongKey,
                               String sample, String body) {
    }

    private static Expectation allow(String sample, String body, String... roles) {
        return allowWith(sample, body, Map.of(), roles);
    }

    private static Expectation allowWith(String sample, String body, Map<String, Access> special, String... roles) {
        Map<String, Access> access = new LinkedHashMap<>();
        for (String role : ROLES) {
            access.put(role, special.getOrDefault(role, List.of(roles).contains(role) ? Access.YES : Access.NO));
        }
        return new Expectation(access, 401, "401", 401, sample, body);
    }

    private static final String[] PROFILE_READERS = {"STAFF", "STEWARD", "SYSTEM", "ADMIN"};
    private static final Map<String, Access> COUNTER = Map.of("STAFF", Access.COUNTER_VIEW);

    /** The role matrix: every "METHOD pattern" the application maps, with its expectation. */
    private static final Map<String, Expectation> MATRIX = new TreeMap<>(Map.ofEntries(
            Map.entry("GET /api/v1/profiles/{profileId}",
                    allowWith("/api/v1/profiles/no-such-profile", null, COUNTER, PROFILE_READERS)),
            Map.entry("GET /api/v1/profiles/lookup", allowWith(
                    "/api/v1/profiles/lookup?type=email&value=nobody%40example.de", null, COUNTER, PROFILE_READERS)),
            // The summary holds what a result list shows (name, city, badges), so the counter sees it whole.
            Map.entry("GET /api/v1/profiles/lookup/summary", allow(
                    "/api/v1/profiles/lookup/summary?type=email&value=nobody%40example.de", null, PROFILE_READERS)),
            Map.entry("GET /api/v1/profiles/{profileId}/timeline",
                    allowWith("/api/v1/profiles/no-such-profile/timeline", null, COUNTER, PROFILE_READERS)),
            Map.entry("GET /api/v1/profiles/{profileId}/next-best-offers",
                    allowWith("/api/v1/profiles/no-such-profile/next-best-offers", null, COUNTER, PROFILE_READERS)),
            Map.entry("GET /api/v1/profiles/search",
                    allow("/api/v1/profiles/search?q=anna", null, "STAFF", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/profiles/{profileId}/explain",
                    allow("/api/v1/profiles/no-such-profile/explain", null, "STEWARD", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/profiles/{profileId}/history",
                    allow("/api/v1/profiles/no-such-profile/history", null, "STEWARD", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/profiles/{profileId}/export",
                    allow("/api/v1/profiles/no-such-profile/export", null, "SYSTEM", "ADMIN")),
            Map.entry("DELETE /api/v1/profiles/{profileId}", allow("/api/v1/profiles/no-such-profile", null, "ADMIN")),
            Map.entry("POST /api/v1/profiles/{profileId}/merge", allow("/api/v1/profiles/no-such-profile/merge",
                    "{\"otherProfileId\": \"other\"}", "STEWARD", "ADMIN")),
            Map.entry("POST /api/v1/profiles/{profileId}/split", allow("/api/v1/profiles/no-such-profile/split",
                    "{\"records\": []}", "STEWARD", "ADMIN")),
            Map.entry("GET /api/v1/resolution/review",
                    allow("/api/v1/resolution/review?limit=1", null, "STEWARD", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/resolution/generic-identifiers",
                    allow("/api/v1/resolution/generic-identifiers", null, "STEWARD", "SYSTEM", "ADMIN")),
            Map.entry("PUT /api/v1/resolution/generic-identifiers",
                    allow("/api/v1/resolution/generic-identifiers", "{}", "STEWARD", "ADMIN")),
            Map.entry("DELETE /api/v1/resolution/generic-identifiers",
                    allow("/api/v1/resolution/generic-identifiers", null, "STEWARD", "ADMIN")),
            // A threshold out of range: authorised, refused, and no run started in the shared test graph.
            Map.entry("POST /api/v1/resolution/runs",
                    allow("/api/v1/resolution/runs", "{\"matchThreshold\": 2}", "STEWARD", "ADMIN")),
            Map.entry("GET /api/v1/resolution/runs",
                    allow("/api/v1/resolution/runs?limit=5", null, "STEWARD", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/resolution/runs/{runId}",
                    allow("/api/v1/resolution/runs/no-such-run", null, "STEWARD", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/segments", allow("/api/v1/segments", null, "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("POST /api/v1/segments", allow("/api/v1/segments", "{}", "MARKETER", "ADMIN")),
            Map.entry("GET /api/v1/segments/fields",
                    allow("/api/v1/segments/fields", null, "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("POST /api/v1/segments/preview",
                    allow("/api/v1/segments/preview", "{}", "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("POST /api/v1/segments/preview/stats",
                    allow("/api/v1/segments/preview/stats", "{}", "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/segments/{id}",
                    allow("/api/v1/segments/no-such-segment", null, "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("PUT /api/v1/segments/{id}",
                    allow("/api/v1/segments/no-such-segment", "{}", "MARKETER", "ADMIN")),
            Map.entry("DELETE /api/v1/segments/{id}",
                    allow("/api/v1/segments/no-such-segment", null, "MARKETER", "ADMIN")),
            Map.entry("GET /api/v1/segments/{id}/members",
                    allow("/api/v1/segments/no-such-segment/members", null, "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/segments/{id}/stats",
                    allow("/api/v1/segments/no-such-segment/stats", null, "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/segments/{id}/export",
                    allow("/api/v1/segments/no-such-segment/export", null, "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/cx/dashboard",
                    allow("/api/v1/cx/dashboard?from=2025-01-01&to=2025-03-31", null, "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/cx/detractors",
                    allow("/api/v1/cx/detractors?size=5", null, "MARKETER", "SYSTEM", "ADMIN")),
            Map.entry("POST /api/v1/imports", allow("/api/v1/imports?type=no-such-type", "x", "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/imports/{importId}", allow("/api/v1/imports/999999", null, "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/imports/{importId}/quarantine",
                    allow("/api/v1/imports/999999/quarantine", null, "SYSTEM", "ADMIN")),
            Map.entry("GET /api/v1/export/memberships", allow("/api/v1/export/memberships", null, "SYSTEM", "ADMIN")),
            Map.entry("POST /api/v1/admin/keys", allow("/api/v1/admin/keys", "{}", "ADMIN")),
            Map.entry("GET /api/v1/admin/keys", allow("/api/v1/admin/keys", null, "ADMIN")),
            Map.entry("PUT /api/v1/admin/keys/{keyId}/roles",
                    allow("/api/v1/admin/keys/no-such-key/roles", "{\"roles\": [\"STAFF\"]}", "ADMIN")),
            Map.entry("DELETE /api/v1/admin/keys/{keyId}", allow("/api/v1/admin/keys/no-such-key", null, "ADMIN")),
            Map.entry("POST /api/v1/admin/users", allow("/api/v1/admin/users", "{}", "ADMIN")),
            Map.entry("GET /api/v1/admin/users", allow("/api/v1/admin/users", null, "ADMIN")),
            Map.entry("PUT /api/v1/admin/users/{userName}", allow("/api/v1/admin/users/nobody", "{}", "ADMIN")),
            Map.entry("POST /api/v1/admin/users/{userName}/password",
                    allow("/api/v1/admin/users/nobody/password", "{}", "ADMIN")),
            Map.entry("GET /api/v1/admin/audit", allow("/api/v1/admin/audit?limit=1", null, "ADMIN")),
            // Anyone may try to sign in (a key is not checked there: a sign-in needs none, so a wrong one reaches the
            // body's check); without a key, signing in and out takes the page's CSRF token.
            Map.entry("POST /api/v1/session", new Expectation(allRoles(), 403, "403 without the page's CSRF token",
                    400, "/api/v1/session", "{not json")),
            Map.entry("GET /api/v1/session", new Expectation(allRoles(), 401, "401", 401, "/api/v1/session", null)),
            Map.entry("DELETE /api/v1/session", new Expectation(allRoles(), 403, "403 without the page's CSRF token",
                    401, "/api/v1/session", null))));

    private static Map<String, Access> allRoles() {
        Map<String, Access> access = new LinkedHashMap<>();
        ROLES.forEach(role -> access.put(role, Access.YES));
        return access;
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.rate-limit.requests-per-second", () -> "0");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private MosaicApiClient admin;
    private final Map<String, MosaicApiClient> byRole = new LinkedHashMap<>();

    @BeforeAll
    void keys() throws Exception {
        admin = new MosaicApiClient(port, KEY);
        for (String role : ROLES) {
            byRole.put(role, keyNamed(role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), role));
        }
    }

    /** Mosaic's own endpoints as "METHOD pattern", each with the media types its handlers consume. */
    private Map<String, List<Set<MediaType>>> endpoints() {
        Map<String, List<Set<MediaType>>> endpoints = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            if (!mapping.getValue().getBeanType().getPackageName().startsWith("dev.mosaic")) {
                continue;
            }
            RequestMappingInfo info = mapping.getKey();
            for (var method : info.getMethodsCondition().getMethods()) {
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    endpoints.computeIfAbsent(method.name() + " " + pattern, key -> new ArrayList<>())
                            .add(info.getConsumesCondition().getConsumableMediaTypes());
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointAnswersEachRoleAndNoKeyAsTheMatrixSaysAndTheDocsShowThatMatrix() throws Exception {
        Map<String, List<Set<MediaType>>> endpoints = endpoints();
        assertThat(endpoints.keySet()).as("endpoints without an entry in the role matrix")
                .isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("matrix entries no endpoint answers to").isSubsetOf(endpoints.keySet());
        assertThat(endpoints.values().stream().mapToInt(List::size).sum()).as("handler methods").isGreaterThan(40);

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, List<Set<MediaType>>> endpoint : endpoints.entrySet()) {
            Expectation expected = MATRIX.get(endpoint.getKey());
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            for (Set<MediaType> consumes : endpoint.getValue()) {
                HttpResponse<String> anonymous = send(null, method, expected.sample(), expected.body(), consumes);
                softly.assertThat(anonymous.statusCode()).as("%s without a key", endpoint.getKey())
                        .isEqualTo(expected.withoutKey());
                softly.assertThat(anonymous.headers().firstValue("Content-Type")).as(endpoint.getKey())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                HttpResponse<String> wrongKey = send(new MosaicApiClient(port, "wrong-key"), method, expected.sample(),
                        expected.body(), consumes);
                softly.assertThat(wrongKey.statusCode()).as("%s with a wrong key", endpoint.getKey())
                        .isEqualTo(expected.wrongKey());
                for (String role : ROLES) {
                    HttpResponse<String> response = send(byRole.get(role), method, expected.sample(), expected.body(),
                            consumes);
                    if (expected.roles().get(role) == Access.NO) {
                        softly.assertThat(response.statusCode()).as("%s as %s", endpoint.getKey(), role).isEqualTo(403);
                    } else {
                        softly.assertThat(response.statusCode()).as("%s as %s", endpoint.getKey(), role)
                                .isNotIn(401, 403).isLessThan(500);
                    }
                }
            }
        }
        softly.assertAll();

        String generated = matrixTable();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "role-matrix.md"), generated);
        String doc = Files.readString(SECURITY_DOC);
        Matcher section = Pattern.compile(Pattern.quote(MATRIX_BEGIN) + "\\n(.*?)" + Pattern.quote(MATRIX_END),
                Pattern.DOTALL).matcher(doc);
        assertThat(section.find()).as("docs/security.md holds the generated role matrix between its markers").isTrue();
        assertThat(section.group(1)).as("docs/security.md's role matrix; the asserted one is in "
                + "profile-service/target/role-matrix.md").isEqualTo(generated);
    }

    /** The matrix as docs/security.md shows it: one row per endpoint, in path order. */
    private static String matrixTable() {
        StringBuilder table = new StringBuilder("| Request | STAFF | MARKETER | STEWARD | SYSTEM | ADMIN | No key |\n"
                + "|---|---|---|---|---|---|---|\n");
        MATRIX.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Expectation> entry) -> entry.getKey().substring(
                                entry.getKey().indexOf(' ') + 1))
                        .thenComparing(entry -> List.of("GET", "POST", "PUT", "DELETE")
                                .indexOf(entry.getKey().substring(0, entry.getKey().indexOf(' ')))))
                .forEach(entry -> {
                    table.append("| `").append(entry.getKey()).append("` |");
                    ROLES.forEach(role -> table.append(' ').append(entry.getValue().roles().get(role).cell).append(" |"));
                    table.append(' ').append(entry.getValue().noKeyCell()).append(" |\n");
                });
        return table.toString();
    }

    @Test
    void everySuccessfulReadOfPersonalDataEveryExportAndEveryChangeLeavesItsEntryInTheAuditIndex() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String auditor = "auditor-" + suffix;
        MosaicApiClient as = keyNamed(auditor, "ADMIN");
        // Two people, and a file with a row that cannot be a record, so every read has something to read.
        HttpResponse<String> accepted = as.send(as.withKey(as.post("/api/v1/imports?type=customers", """
                source,record_id,first_name,last_name,email,phone,loyalty_id
                crm,%1$s-a,Adelheid,Protokoll,adelheid.%1$s@example.de,,AP-%1$s
                crm,%1$s-b,Bruno,Protokoll,bruno.%1$s@example.de,,
                crm,,Ohne,Schluessel,ohne.%1$s@example.de,,
                """.formatted(suffix), "text/csv")));
        String importId = as.json(accepted).get("importId").asText();
        as.awaitImport(importId);
        String adelheid = as.json(as.lookupEventually("/api/v1/profiles/lookup?type=loyalty_id&value=AP-" + suffix))
                .get("profileId").asText();
        String bruno = as.json(as.lookupEventually("/api/v1/profiles/lookup?type=email&value="
                + URLEncoder.encode("bruno." + suffix + "@example.de", StandardCharsets.UTF_8))).get("profileId").asText();
        String segment = as.json(as.send(as.withKey(as.post("/api/v1/segments", "{\"name\": \"audit " + suffix
                + "\", \"condition\": {\"field\": \"city\", \"exists\": false}}", "application/json"))))
                .get("id").asText();
        String keyId = as.json(as.send(as.withKey(as.post("/api/v1/admin/keys", "{\"name\": \"audited-" + suffix
                + "\", \"roles\": [\"STAFF\"]}", "application/json")))).get("id").asText();
        String user = "audited-user-" + suffix;
        assertThat(as.send(as.withKey(as.post("/api/v1/admin/users", "{\"userName\": \"" + user
                + "\", \"displayName\": \"Audited User\", \"roles\": [\"STAFF\"]}", "application/json"))).statusCode())
                .isEqualTo(201);

        // action -> the successful request that must leave it
        Map<String, String[]> reads = new LinkedHashMap<>();
        reads.put("profile.read", new String[] {"GET", "/api/v1/profiles/" + adelheid, null});
        reads.put("profile.lookup", new String[] {"GET", "/api/v1/profiles/lookup?type=loyalty_id&value=AP-" + suffix, null});
        reads.put("profile.search", new String[] {"GET", "/api/v1/profiles/search?q=Protokoll", null});
        reads.put("profile.timeline", new String[] {"GET", "/api/v1/profiles/" + adelheid + "/timeline", null});
        reads.put("profile.offers", new String[] {"GET", "/api/v1/profiles/" + adelheid + "/next-best-offers", null});
        reads.put("profile.explain", new String[] {"GET", "/api/v1/profiles/" + adelheid + "/explain", null});
        reads.put("profile.export", new String[] {"GET", "/api/v1/profiles/" + adelheid + "/export", null});
        reads.put("export.memberships", new String[] {"GET", "/api/v1/export/memberships", null});
        reads.put("segment.members", new String[] {"GET", "/api/v1/segments/" + segment + "/members", null});
        reads.put("segment.export", new String[] {"GET", "/api/v1/segments/" + segment + "/export?consent=none", null});
        reads.put("cx.detractors", new String[] {"GET", "/api/v1/cx/detractors", null});
        reads.put("import.quarantine", new String[] {"GET", "/api/v1/imports/" + importId + "/quarantine", null});
        reads.put("resolution.generic-identifiers", new String[] {"GET", "/api/v1/resolution/generic-identifiers", null});
        reads.put("resolution.review", new String[] {"GET", "/api/v1/resolution/review", null});
        reads.put("resolution.identifier-verdict", new String[] {"PUT", "/api/v1/resolution/generic-identifiers",
                "{\"type\": \"email\", \"value\": \"shared." + suffix + "@example.de\", \"generic\": true}"});
        reads.put("profile.merge", new String[] {"POST", "/api/v1/profiles/" + adelheid + "/merge",
                "{\"otherProfileId\": \"" + bruno + "\"}"});
        reads.put("profile.split", new String[] {"POST", "/api/v1/profiles/" + adelheid + "/split",
                "{\"records\": [{\"source\": \"crm\", \"recordId\": \"" + suffix + "-b\"}]}"});
        // after the merge and the split, so the history has events to show
        reads.put("profile.history", new String[] {"GET", "/api/v1/profiles/" + adelheid + "/history", null});
        reads.put("segment.update", new String[] {"PUT", "/api/v1/segments/" + segment, "{\"name\": \"audit " + suffix
                + " changed\", \"condition\": {\"field\": \"city\", \"exists\": false}}"});
        reads.put("admin.key.list", new String[] {"GET", "/api/v1/admin/keys", null});
        reads.put("admin.key.roles", new String[] {"PUT", "/api/v1/admin/keys/" + keyId + "/roles",
                "{\"roles\": [\"STEWARD\"]}"});
        reads.put("admin.key.revoke", new String[] {"DELETE", "/api/v1/admin/keys/" + keyId, null});
        reads.put("admin.user.list", new String[] {"GET", "/api/v1/admin/users", null});
        reads.put("admin.user.update", new String[] {"PUT", "/api/v1/admin/users/" + user,
                "{\"displayName\": \"Audited\", \"roles\": [\"STAFF\"], \"enabled\": true}"});
        reads.put("admin.user.password", new String[] {"POST", "/api/v1/admin/users/" + user + "/password", "{}"});
        reads.put("audit.read", new String[] {"GET", "/api/v1/admin/audit?limit=1", null});
        reads.put("segment.delete", new String[] {"DELETE", "/api/v1/segments/" + segment, null});
        reads.put("profile.erase", new String[] {"DELETE", "/api/v1/profiles/" + adelheid, null});
        // Requests that read no person: none of them may leave an entry.
        List<String[]> unaudited = List.of(
                new String[] {"GET", "/api/v1/imports/" + importId, null},
                new String[] {"GET", "/api/v1/segments", null},
                new String[] {"GET", "/api/v1/segments/fields", null},
                new String[] {"POST", "/api/v1/segments/preview", "{\"condition\": {\"field\": \"city\", \"exists\": true}}"},
                new String[] {"GET", "/api/v1/cx/dashboard", null},
                new String[] {"GET", "/api/v1/session", null});

        for (Map.Entry<String, String[]> read : reads.entrySet()) {
            String[] call = read.getValue();
            HttpResponse<String> response = send(as, call[0], call[1], call[2], Set.of());
            assertThat(response.statusCode()).as("%s %s: %s", call[0], call[1], response.body()).isBetween(200, 299);
        }
        for (String[] call : unaudited) {
            assertThat(send(as, call[0], call[1], call[2], Set.of()).statusCode()).as(call[1]).isBetween(200, 299);
        }

        Set<String> expected = new TreeSet<>(reads.keySet());
        expected.addAll(List.of("admin.key.create", "admin.user.create", "segment.create", "profile.lookup"));
        Set<String> recorded = awaitActions(auditor, expected);
        assertThat(recorded).as("the audit trail of " + auditor).isEqualTo(expected);
        JsonNode quarantine = admin.json(admin.send(admin.get("/api/v1/admin/audit?who=" + auditor
                + "&action=import.quarantine")));
        assertThat(quarantine.at("/0/path").asText()).isEqualTo("/api/v1/imports/" + importId + "/quarantine");
        JsonNode export = admin.json(admin.send(admin.get("/api/v1/admin/audit?who=" + auditor
                + "&action=profile.export")));
        assertThat(export.at("/0/profileId").asText()).isEqualTo(adelheid);
        assertThat(admin.send(admin.get("/api/v1/admin/audit?who=" + auditor + "&limit=1000")).body())
                .as("no looked-up value in the trail").doesNotContain("AP-" + suffix).doesNotContain("bruno." + suffix);
    }

    private Set<String> awaitActions(String who, Set<String> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Set<String> actions = actions(who);
        while (!actions.containsAll(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            actions = actions(who);
        }
        return actions;
    }

    private Set<String> actions(String who) throws Exception {
        Set<String> actions = new TreeSet<>();
        admin.json(admin.send(admin.get("/api/v1/admin/audit?limit=1000&who=" + who)))
                .forEach(entry -> actions.add(entry.get("action").asText()));
        return actions;
    }

    private HttpResponse<String> send(MosaicApiClient client, String method, String path, String body,
                                      Set<MediaType> consumes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin.uri(path));
        String content = body == null ? "" : body;
        if (consumes.stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes)) {
            String boundary = "mosaic-" + UUID.randomUUID();
            content = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
        } else if (!consumes.isEmpty()) {
            request.header("Content-Type", "text/csv");
        } else {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(content));
        if (client != null) {
            client.withKey(request);
        }
        return admin.send(request);
    }

    private MosaicApiClient keyNamed(String name, String role) throws Exception {
        HttpResponse<String> created = admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]}", "application/json")));
        assertThat(created.statusCode()).isEqualTo(201);
        return new MosaicApiClient(port, admin.json(created).get("secret").asText());
    }
}
