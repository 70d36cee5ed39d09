package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * API keys and roles, the audit trail, rate limits, a data subject's export and erasure: through the HTTP API of a
 * Mosaic on real Neo4j and Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityPrivacyIT {

    private static final String ADMIN_KEY = "it-security-admin-key";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, ADMIN_KEY);
        // High enough that no test but the one about limits meets them; that one creates a key with its own limit.
        registry.add("mosaic.rate-limit.requests-per-second", () -> "1000");
        registry.add("mosaic.rate-limit.burst", () -> "1000");
    }

    @LocalServerPort
    int port;

    private MosaicApiClient admin;

    @BeforeEach
    void client() {
        admin = new MosaicApiClient(port, ADMIN_KEY);
    }

    // The role matrix, every endpoint x every role, is EveryEndpointIT's.

    @Test
    void anAdminCreatesListsAndRevokesKeysAndTheirSecretsAreShownOnlyOnce() throws Exception {
        String name = "tablet-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\":\"" + name + "\",\"roles\":[\"STAFF\"]}", "application/json")));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = admin.json(created);
        String secret = key.get("secret").asText();
        assertThat(secret).startsWith("mk_");
        assertThat(key.get("roles").get(0).asText()).isEqualTo("STAFF");

        HttpResponse<String> listed = admin.send(admin.get("/api/v1/admin/keys"));
        assertThat(listed.body()).contains(name).doesNotContain(secret);
        assertThat(Files.readString(dataDir.resolve("api-keys.tsv"))).contains(name).doesNotContain(secret);

        MosaicApiClient tablet = new MosaicApiClient(port, secret);
        assertThat(tablet.send(tablet.get("/api/v1/profiles/nobody")).statusCode()).isEqualTo(404);
        HttpResponse<String> revoked = admin.send(admin.withKey(HttpRequest.newBuilder(
                admin.uri("/api/v1/admin/keys/" + key.get("id").asText())).DELETE()));
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(tablet.send(tablet.get("/api/v1/profiles/nobody")).statusCode()).isEqualTo(401);
        JsonNode afterRevocation = admin.json(admin.send(admin.get("/api/v1/admin/keys")));
        assertThat(afterRevocation.findValues("name").stream().map(JsonNode::asText)).contains(name);
        for (JsonNode listedKey : afterRevocation) {
            if (listedKey.get("name").asText().equals(name)) {
                assertThat(listedKey.get("active").asBoolean()).isFalse();
            }
        }

        assertThat(admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\":\"x\",\"roles\":[\"KING\"]}", "application/json"))).statusCode()).isEqualTo(400);
        assertThat(admin.send(admin.withKey(admin.post("/api/v1/admin/keys", "not json", "application/json")))
                .statusCode()).isEqualTo(400);
        assertThat(admin.send(admin.withKey(admin.post("/api/v1/admin/keys", "{\"roles\":[\"STAFF\"]}",
                "application/json"))).statusCode()).isEqualTo(400);
    }

    @Test
    void staffSeeTheCounterViewAndEveryReadOfAProfileIsAudited() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        admin.importCompleted("customers", """
                source,record_id,first_name,last_name,email,phone,birth_date,city
                crm,%1$s-1,Ottilie,Quastenberg,ottilie.%1$s@example.de,+49 170 99887766,1961-03-04,Passau
                """.formatted(suffix));
        String staffName = "counter-" + suffix;
        MosaicApiClient staff = keyNamed(staffName, "STAFF");
        HttpResponse<String> found = staff.lookupEventually("/api/v1/profiles/lookup?type=email&value=ottilie." + suffix
                + "%40example.de");
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode counter = staff.json(found);
        String profileId = counter.get("profileId").asText();
        assertThat(counter.get("displayName").asText()).isEqualTo("Ottilie Quastenberg");
        assertThat(counter.get("emails").get(0).asText()).isEqualTo("o***@example.de");
        assertThat(counter.get("phones").get(0).asText()).isEqualTo("***766");
        assertThat(found.body()).doesNotContain("ottilie." + suffix).doesNotContain("99887766").doesNotContain("1961-03-04");
        assertThat(staff.send(staff.get("/api/v1/profiles/" + profileId)).body()).doesNotContain("ottilie." + suffix);
        assertThat(staff.send(staff.get("/api/v1/profiles/" + profileId + "/timeline")).statusCode()).isEqualTo(200);
        assertThat(staff.send(staff.get("/api/v1/profiles/" + profileId + "/next-best-offers")).statusCode())
                .isEqualTo(200);
        assertThat(admin.send(admin.get("/api/v1/profiles/" + profileId)).body()).contains("ottilie." + suffix);
        HttpResponse<String> summary = staff.send(staff.get("/api/v1/profiles/lookup/summary?type=email&value=ottilie."
                + suffix + "%40example.de"));
        assertThat(summary.statusCode()).isEqualTo(200);
        assertThat(staff.json(summary).get("profileId").asText()).isEqualTo(profileId);
        assertThat(staff.json(summary).get("displayName").asText()).isEqualTo("Ottilie Quastenberg");
        assertThat(summary.body()).doesNotContain("ottilie." + suffix).doesNotContain("99887766");

        JsonNode trail = admin.json(admin.send(admin.get("/api/v1/admin/audit?who=" + staffName)));
        assertThat(trail.findValues("action").stream().map(JsonNode::asText))
                .contains("profile.lookup", "profile.read", "profile.timeline", "profile.offers");
        assertThat(trail.findValues("action").stream().map(JsonNode::asText).filter("profile.lookup"::equals))
                .as("the full and the summary lookup").hasSize(2);
        assertThat(trail.findValues("profileId").stream().map(JsonNode::asText)).containsOnly(profileId);
        assertThat(trail.toString()).doesNotContain("ottilie." + suffix);
        JsonNode adminReads = admin.json(admin.send(admin.get("/api/v1/admin/audit?who=admin&profileId=" + profileId)));
        assertThat(adminReads.findValues("action").stream().map(JsonNode::asText)).contains("profile.read");
        assertThat(admin.send(admin.get("/api/v1/admin/audit?from=yesterday")).statusCode()).isEqualTo(400);
    }

    @Test
    void answers429WithRetryAfterOnceAKeyHasSpentItsBurst() throws Exception {
        HttpResponse<String> created = admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\":\"limited-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"roles\":[\"SYSTEM\"],\"requestsPerSecond\":0.2,\"burst\":3}", "application/json")));
        MosaicApiClient limited = new MosaicApiClient(port, admin.json(created).get("secret").asText());
        for (int i = 0; i < 3; i++) {
            assertThat(limited.send(limited.get("/api/v1/profiles/nobody")).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> refused = limited.send(limited.get("/api/v1/profiles/nobody"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        // Other keys keep their own buckets.
        assertThat(admin.send(admin.get("/api/v1/profiles/nobody")).statusCode()).isEqualTo(404);
    }

    @Test
    void exportsEverythingHeldAboutAPersonAndAuditsTheExport() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        admin.importCompleted("customers", """
                source,record_id,first_name,last_name,email,phone,city,consent_email
                crm,%1$s-1,Hildegard,Zwirbelmeier,hildegard.%1$s@example.de,+49 171 5550123,Goerlitz,true
                webshop,%1$s-w,Hildegard,Zwirbelmeier,hildegard.%1$s@example.de,,Goerlitz,
                """.formatted(suffix));
        admin.importCompleted("purchases", """
                source,record_id,order_id,occurred_at,channel,email,sku,product_name,category,quantity,unit_price,currency
                webshop,%1$s-o1,%1$s-O,2024-01-10T10:00:00Z,web,hildegard.%1$s@example.de,PR-200,Printer,printers,1,189.00,EUR
                """.formatted(suffix));
        String profileId = admin.json(admin.lookupEventually("/api/v1/profiles/lookup?type=record&value=webshop/"
                + suffix + "-o1")).get("profileId").asText();
        MosaicApiClient system = keyNamed("exporter-" + suffix, "SYSTEM");

        HttpResponse<String> exported = system.send(system.get("/api/v1/profiles/" + profileId + "/export"));
        assertThat(exported.statusCode()).isEqualTo(200);
        JsonNode export = system.json(exported);
        assertThat(export.get("records").findValues("recordId").stream().map(JsonNode::asText))
                .containsExactlyInAnyOrder(suffix + "-1", suffix + "-w", suffix + "-o1");
        assertThat(export.get("records").findValues("phone").stream().map(JsonNode::asText)).contains("+49 171 5550123");
        assertThat(export.get("links").size()).isGreaterThanOrEqualTo(2);
        assertThat(export.at("/timeline/0/kind").asText()).isEqualTo("purchase");
        assertThat(export.at("/profile/golden/emailConsent/granted").asBoolean()).isTrue();

        JsonNode trail = admin.json(admin.send(admin.get("/api/v1/admin/audit?who=exporter-" + suffix)));
        assertThat(trail.at("/0/action").asText()).isEqualTo("profile.export");
        assertThat(trail.at("/0/profileId").asText()).isEqualTo(profileId);
    }

    @Test
    void erasesAPersonEverywhereAndAReimportOfTheSameRecordsDoesNotBringThemBack() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String file = """
                source,record_id,first_name,last_name,email,city
                crm,%1$s-1,Emil,Ausradierer,emil.%1$s@example.de,Kiel
                webshop,%1$s-w,Emil,Ausradierer,emil.%1$s@example.de,Kiel
                crm,%1$s-2,Berta,Beistehend,berta.%1$s@example.de,Luebeck
                """.formatted(suffix);
        admin.importCompleted("customers", file);
        String lookup = "/api/v1/profiles/lookup?type=email&value=emil." + suffix + "%40example.de";
        String profileId = admin.json(admin.lookupEventually(lookup)).get("profileId").asText();
        assertThat(uploadsHolding(suffix + "-1")).as("a completed import's upload is deleted").isEmpty();
        // Files still in the uploads folder, such as one of an interrupted import or the demo data in its own folder.
        Path pending = Files.createDirectories(dataDir.resolve("uploads").resolve("demo-generated"))
                .resolve("pending-" + suffix + ".csv");
        Files.writeString(pending, file);
        Path unrelated = dataDir.resolve("uploads").resolve("unrelated-" + suffix + ".csv");
        Files.writeString(unrelated, "source,record_id\ncrm," + suffix + "-other\n");

        HttpResponse<String> erased = admin.send(admin.withKey(HttpRequest.newBuilder(
                admin.uri("/api/v1/profiles/" + profileId)).DELETE()));
        assertThat(erased.statusCode()).isEqualTo(200);
        JsonNode report = admin.json(erased);
        assertThat(report.get("records").asInt()).isEqualTo(2);
        assertThat(report.get("identifiers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("uploadedFiles").asInt()).isEqualTo(1);
        assertThat(pending).as("erasure looks into the folders under uploads").doesNotExist();
        assertThat(unrelated).exists();

        assertGoneEventually(lookup);
        assertThat(admin.send(admin.get("/api/v1/profiles/" + profileId)).statusCode()).isEqualTo(404);
        assertThat(admin.send(admin.get("/api/v1/profiles/" + profileId + "/explain")).statusCode()).isEqualTo(404);
        assertThat(admin.send(admin.get("/api/v1/profiles/" + profileId + "/export")).statusCode()).isEqualTo(404);
        assertThat(admin.send(admin.get("/api/v1/profiles/lookup?type=record&value=webshop/" + suffix + "-w"))
                .statusCode()).isEqualTo(404);
        assertThat(admin.send(admin.get("/api/v1/export/memberships")).body()).doesNotContain(suffix + "-1")
                .doesNotContain(suffix + "-w").contains(suffix + "-2");
        assertThat(admin.send(HttpRequest.newBuilder(admin.uri("/api/v1/profiles/" + profileId)).DELETE()
                .header("X-API-Key", ADMIN_KEY)).statusCode()).isEqualTo(404);

        JsonNode again = admin.importCompleted("customers", file);
        assertThat(again.at("/counts/erased").asInt()).isEqualTo(2);
        assertThat(again.at("/counts/read").asInt()).isEqualTo(3);
        assertThat(again.at("/counts/imported").asInt()).isZero();
        Thread.sleep(1500);
        assertThat(admin.send(admin.get(lookup)).statusCode()).isEqualTo(404);
        assertThat(admin.send(admin.get("/api/v1/profiles/lookup?type=email&value=berta." + suffix + "%40example.de"))
                .statusCode()).isEqualTo(200);
        JsonNode trail = admin.json(admin.send(admin.get("/api/v1/admin/audit?action=profile.erase&profileId=" + profileId)));
        assertThat(trail.size()).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheKeyHeaderAndThePrivacyEndpoints() throws Exception {
        JsonNode api = admin.json(admin.send(HttpRequest.newBuilder(admin.uri("/v3/api-docs")).GET()));
        assertThat(api.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-API-Key");
        assertThat(api.at("/components/securitySchemes/apiKey/in").asText()).isEqualTo("header");
        assertThat(api.get("paths").has("/api/v1/admin/keys")).isTrue();
        assertThat(api.get("paths").has("/api/v1/admin/keys/{keyId}")).isTrue();
        assertThat(api.get("paths").has("/api/v1/admin/audit")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1profiles~1{profileId}/delete").isMissingNode()).isFalse();
        assertThat(api.get("paths").has("/api/v1/profiles/{profileId}/export")).isTrue();
    }

    @Test
    void theOpenApiDocumentShowsExamplesAndEveryOperationsErrorAnswers() throws Exception {
        JsonNode api = admin.json(admin.send(HttpRequest.newBuilder(admin.uri("/v3/api-docs")).GET()));
        JsonNode paths = api.get("paths");
        int operations = 0;
        for (var path = paths.fields(); path.hasNext(); ) {
            var entry = path.next();
            if (!entry.getKey().startsWith("/api/")) {
                continue;
            }
            for (var method = entry.getValue().fields(); method.hasNext(); ) {
                var operation = method.next();
                String name = operation.getKey().toUpperCase() + " " + entry.getKey();
                JsonNode responses = operation.getValue().get("responses");
                operations++;
                for (String status : List.of("401", "403", "429", "503")) {
                    assertThat(responses.has(status)).as("%s documents %s", name, status).isTrue();
                }
                assertThat(responses.at("/403/content/application~1problem+json/example/status").asInt())
                        .as(name).isEqualTo(403);
                assertThat(responses.at("/429/headers/Retry-After").isMissingNode()).as(name).isFalse();
                boolean readsInput = operation.getValue().has("requestBody")
                        || operation.getValue().path("parameters").size() > 0;
                assertThat(responses.has("400")).as("%s documents 400", name).isEqualTo(readsInput);
                if (entry.getKey().contains("{")) {
                    assertThat(responses.has("404")).as("%s documents 404", name).isTrue();
                }
            }
        }
        assertThat(operations).isGreaterThan(40);

        assertThat(example(paths, "/api/v1/profiles/{profileId}", "get", "200").at("/golden/firstName/value").asText())
                .isEqualTo("Anna");
        assertThat(example(paths, "/api/v1/profiles/lookup", "get", "200").get("profileId").asText()).isNotEmpty();
        JsonNode value = null;
        for (JsonNode parameter : paths.at("/~1api~1v1~1profiles~1lookup/get/parameters")) {
            if (parameter.get("name").asText().equals("value")) {
                value = parameter;
            }
        }
        assertThat(value).isNotNull();
        assertThat(value.at("/examples/phone/value").asText()).isEqualTo("0151-2345678");
        assertThat(example(paths, "/api/v1/profiles/{profileId}/timeline", "get", "200").get("entries")).isNotEmpty();
        assertThat(example(paths, "/api/v1/profiles/{profileId}/explain", "get", "200").get("links")).isNotEmpty();
        assertThat(example(paths, "/api/v1/profiles/{profileId}/export", "get", "200").get("records")).isNotEmpty();
        assertThat(example(paths, "/api/v1/profiles/{profileId}", "delete", "200").get("searchIndex").asText())
                .isEqualTo("removed");
        assertThat(example(paths, "/api/v1/profiles/{profileId}", "delete", "202").get("searchIndex").asText())
                .isEqualTo("pending");
        assertThat(example(paths, "/api/v1/segments/{id}/members", "get", "200").get("members")).hasSize(2);
    }

    /** The first example of a response, whatever media type springdoc filed it under, read as JSON. */
    private JsonNode example(JsonNode paths, String path, String method, String status) throws Exception {
        JsonNode content = paths.get(path).at("/" + method + "/responses/" + status + "/content");
        assertThat(content.isMissingNode()).as("%s %s %s has content", method, path, status).isFalse();
        JsonNode examples = content.elements().next().get("examples");
        assertThat(examples).as("%s %s %s has examples", method, path, status).isNotNull();
        JsonNode example = examples.elements().next().get("value");
        return example.isTextual() ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(example.asText()) : example;
    }

    private List<Path> uploadsHolding(String text) throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("uploads"))) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return Files.readString(file).contains(text);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private void assertGoneEventually(String path) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = admin.send(admin.get(path)).statusCode();
        while (status != 404 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = admin.send(admin.get(path)).statusCode();
        }
        assertThat(status).as(path).isEqualTo(404);
    }

    private MosaicApiClient keyNamed(String name, String role) throws Exception {
        HttpResponse<String> created = admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]}", "application/json")));
        assertThat(created.statusCode()).isEqualTo(201);
        return new MosaicApiClient(port, admin.json(created).get("secret").asText());
    }
}
