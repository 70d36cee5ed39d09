package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/** A CSV file in through the API, a unified profile out of it, against real Neo4j and Elasticsearch. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalkingSkeletonIT {

    private static final String KEY = "it-admin-key";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
    }

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private MosaicApiClient api;

    @org.junit.jupiter.api.BeforeEach
    void client() {
        api = new MosaicApiClient(port, KEY);
    }

    @Test
    void importsACustomersFileAndServesTheUnifiedProfileByEmailAndById() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                source,record_id,first_name,last_name,email,city
                crm,%1$s-1,Anna,Schmidt,anna.%1$s@example.de,Berlin
                webshop,%1$s-w,Anna,Schmidt, ANNA.%1$s@Example.DE ,Berlin
                crm,%1$s-2,Ben,Kaya,ben.%1$s@example.de,Köln
                """.formatted(suffix);

        HttpResponse<String> accepted = api.send(api.post("/api/v1/imports?type=customers", csv, "text/csv").header("X-API-Key", KEY));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String importId = json.readTree(accepted.body()).get("importId").asText();
        JsonNode status = api.awaitImport(importId);
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.at("/counts/imported").asInt()).isEqualTo(3);

        HttpResponse<String> found = api.lookupEventually("/api/v1/profiles/lookup?type=email&value=Anna." + suffix + "%40example.de");
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode profile = json.readTree(found.body());
        assertThat(profile.get("displayName").asText()).isEqualTo("Anna Schmidt");
        assertThat(profile.get("sourceRecords")).hasSize(2);
        assertThat(profile.at("/links/0/rule").asText()).isEqualTo("exact_email");

        HttpResponse<String> byId = api.send(api.get("/api/v1/profiles/" + profile.get("profileId").asText()));
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(json.readTree(byId.body()).get("emails").get(0).asText()).isEqualTo("anna." + suffix + "@example.de");

        HttpResponse<String> byRecord = api.lookupEventually("/api/v1/profiles/lookup?type=record&value=crm/" + suffix + "-2");
        assertThat(json.readTree(byRecord.body()).get("displayName").asText()).isEqualTo("Ben Kaya");
    }

    @Test
    void findsAProfileByAPhoneTypedInAnotherFormatAndByASocialHandle() throws Exception {
        String csv = "source,record_id,first_name,last_name,phone,country,social_handle\n"
                + "crm,ph-1,Jonas,Keller,+49 151 23456781,DE,Instagram:@Jonas.K\n";
        String importId = json.readTree(api.send(api.post("/api/v1/imports?type=customers", csv, "text/csv")
                .header("X-API-Key", KEY)).body()).get("importId").asText();
        api.awaitImport(importId);

        HttpResponse<String> byPhone = api.lookupEventually("/api/v1/profiles/lookup?type=phone&value=0151-23456781");
        HttpResponse<String> byHandle = api.lookupEventually("/api/v1/profiles/lookup?type=social_handle&value=instagram:jonas.k");

        assertThat(byPhone.statusCode()).isEqualTo(200);
        assertThat(json.readTree(byPhone.body()).get("displayName").asText()).isEqualTo("Jonas Keller");
        assertThat(json.readTree(byPhone.body()).get("phones").get(0).asText()).isEqualTo("+4915123456781");
        assertThat(json.readTree(byHandle.body()).get("displayName").asText()).isEqualTo("Jonas Keller");
        assertThat(api.send(api.get("/api/v1/profiles/lookup?type=phone&value=not-a-number")).statusCode()).isEqualTo(400);
    }

    @Test
    void explainsWhyRecordsBelongTogetherAndExportsMemberships() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String csv = "source,record_id,first_name,last_name,email\n"
                + "crm,ex-" + suffix + ",Lea,Vogel,lea." + suffix + "@example.de\n"
                + "webshop,ex-" + suffix + ",Lea,Vogel,LEA." + suffix + "@example.de\n";
        String importId = json.readTree(api.send(api.post("/api/v1/imports?type=customers", csv, "text/csv")
                .header("X-API-Key", KEY)).body()).get("importId").asText();
        api.awaitImport(importId);
        String profileId = json.readTree(api.lookupEventually("/api/v1/profiles/lookup?type=email&value=lea." + suffix
                + "%40example.de").body()).get("profileId").asText();

        JsonNode explanation = json.readTree(api.send(api.get("/api/v1/profiles/" + profileId + "/explain")).body());

        assertThat(explanation.get("summary").asText()).isEqualTo("2 record(s) joined by 1 link(s): 1 by exact_email");
        assertThat(explanation.at("/links/0/rule").asText()).isEqualTo("exact_email");
        assertThat(explanation.at("/links/0/evidence").asText()).contains("email");
        assertThat(explanation.at("/records/0/matchingIdentifiers/0").asText()).isEqualTo("email:lea." + suffix + "@example.de");
        assertThat(api.send(api.get("/api/v1/profiles/no-such-profile/explain")).statusCode()).isEqualTo(404);

        HttpResponse<String> export = api.send(api.get("/api/v1/export/memberships"));
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(export.body().lines().filter(line -> line.contains("ex-" + suffix)).toList())
                .containsExactlyInAnyOrder(
                        "{\"profileId\":\"" + profileId + "\",\"source\":\"crm\",\"recordId\":\"ex-" + suffix + "\"}",
                        "{\"profileId\":\"" + profileId + "\",\"source\":\"webshop\",\"recordId\":\"ex-" + suffix + "\"}");
    }

    @Test
    void aStewardSplitsAProfileThroughTheApiAndADryRunReportsWithoutChangingIt() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String csv = "source,record_id,first_name,last_name,email\n"
                + "crm,st-" + suffix + ",Ida,Kern,ida." + suffix + "@example.de\n"
                + "webshop,st-" + suffix + ",Ida,Kern,ida." + suffix + "@example.de\n";
        api.awaitImport(json.readTree(api.send(api.post("/api/v1/imports?type=customers", csv, "text/csv")
                .header("X-API-Key", KEY)).body()).get("importId").asText());
        String profileId = json.readTree(api.lookupEventually("/api/v1/profiles/lookup?type=email&value=ida." + suffix
                + "%40example.de").body()).get("profileId").asText();
        JsonNode explanation = json.readTree(api.send(api.get("/api/v1/profiles/" + profileId + "/explain")).body());
        assertThat(explanation.at("/links/0/fields").findValuesAsText("field")).contains("email", "first_name", "last_name");

        HttpResponse<String> split = api.send(api.post("/api/v1/profiles/" + profileId + "/split",
                "{\"records\":[{\"source\":\"webshop\",\"recordId\":\"st-" + suffix + "\"}]}", "application/json")
                .header("X-API-Key", KEY));
        assertThat(split.statusCode()).isEqualTo(200);
        String newProfile = json.readTree(split.body()).get("newProfileId").asText();
        assertThat(newProfile).isNotEqualTo(profileId);
        assertThat(json.readTree(api.send(api.get("/api/v1/profiles/" + profileId + "/explain")).body()).get("records"))
                .hasSize(1);
        JsonNode history = json.readTree(api.send(api.get("/api/v1/profiles/" + profileId + "/history")).body());
        assertThat(history.get("exists").asBoolean()).isTrue();
        assertThat(history.at("/events/0/kind").asText()).isEqualTo("split");
        assertThat(history.at("/events/0/cause").asText()).isEqualTo("steward");
        assertThat(history.at("/events/0/other").asText()).isEqualTo(newProfile);
        assertThat(history.at("/events/0/steward").asText()).isNotBlank();
        assertThat(history.at("/events/0/summary").asText()).startsWith("records split off into " + newProfile);
        assertThat(api.send(api.get("/api/v1/profiles/no-such-profile/history")).statusCode()).isEqualTo(404);
        HttpResponse<String> badSplit = api.send(api.post("/api/v1/profiles/" + profileId + "/split",
                "{\"records\":[{\"source\":\"crm\",\"recordId\":\"st-" + suffix + "\"}]}", "application/json")
                .header("X-API-Key", KEY));
        assertThat(badSplit.statusCode()).isEqualTo(422);
        assertThat(json.readTree(badSplit.body()).get("detail").asText()).contains("both sides");

        String runId = json.readTree(api.send(api.post("/api/v1/resolution/runs", "{\"dryRun\":true}", "application/json")
                .header("X-API-Key", KEY)).body()).get("runId").asText();
        JsonNode run = api.awaitResolutionRun(runId);
        assertThat(run.get("state").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("dryRun").asBoolean()).isTrue();
        assertThat(run.get("records").asInt()).isPositive();
        assertThat(run.get("startedBy").asText()).isNotBlank();
        assertThat(run.at("/thresholds/match").asDouble()).isEqualTo(0.95);
        JsonNode recent = json.readTree(api.send(api.get("/api/v1/resolution/runs?limit=50")).body());
        assertThat(recent.get("runs").findValuesAsText("runId")).contains(runId);
        assertThat(api.send(api.get("/api/v1/resolution/runs?limit=0")).statusCode()).isEqualTo(400);
        assertThat(json.readTree(api.send(api.get("/api/v1/profiles/" + profileId + "/explain")).body()).get("records"))
                .hasSize(1);

        HttpResponse<String> merge = api.send(api.post("/api/v1/profiles/" + profileId + "/merge",
                "{\"otherProfileId\":\"" + newProfile + "\"}", "application/json").header("X-API-Key", KEY));
        assertThat(merge.statusCode()).isEqualTo(200);
        assertThat(json.readTree(merge.body()).get("profileId").asText()).isEqualTo(profileId);
        assertThat(json.readTree(merge.body()).get("mergedProfileId").asText()).isEqualTo(newProfile);
        assertThat(json.readTree(api.send(api.get("/api/v1/profiles/" + profileId + "/explain")).body()).get("records"))
                .as("the steward's merge undoes the split").hasSize(2);
    }

    @Test
    void acceptsAMultipartUploadAndListsItsQuarantinedRows() throws Exception {
        String boundary = "mosaic-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"crm-export.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "source,record_id,first_name,email\r\ncrm,mp-1,Lea,lea.mp@example.de\r\ncrm,,Nobody,x@example.de\r\n"
                + "--" + boundary + "--\r\n";

        HttpResponse<String> accepted = api.send(api.post("/api/v1/imports?type=customers", body,
                "multipart/form-data; boundary=" + boundary).header("X-API-Key", KEY));
        assertThat(accepted.statusCode()).isEqualTo(202);
        String importId = json.readTree(accepted.body()).get("importId").asText();
        JsonNode status = api.awaitImport(importId);

        assertThat(status.get("file").asText()).isEqualTo("crm-export.csv");
        assertThat(status.at("/counts/quarantined").asInt()).isEqualTo(1);
        JsonNode quarantine = json.readTree(api.send(api.get("/api/v1/imports/" + importId + "/quarantine")).body());
        assertThat(quarantine.get("total").asInt()).isEqualTo(1);
        assertThat(quarantine.get("page").asInt()).isZero();
        assertThat(quarantine.get("size").asInt()).isEqualTo(100);
        JsonNode rows = quarantine.get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(rows.get(0).get("file").asText()).isEqualTo("crm-export.csv");
        assertThat(rows.get(0).get("rawRow").asText()).isEqualTo("crm,,Nobody,x@example.de");
        assertThat(rows.get(0).get("reason").asText()).contains("record_id");
        assertThat(uploads()).as("the upload is deleted once its import has completed").isEmpty();
    }

    @Test
    void pagesTheQuarantine() throws Exception {
        StringBuilder csv = new StringBuilder("source,record_id,first_name\n");
        for (int i = 0; i < 5; i++) {
            csv.append("crm,pg-").append(i).append(",Lea\ncrm,,Nobody").append(i).append('\n');
        }
        String importId = json.readTree(api.send(api.post("/api/v1/imports?type=customers", csv.toString(), "text/csv")
                .header("X-API-Key", KEY)).body()).get("importId").asText();
        api.awaitImport(importId);

        JsonNode second = json.readTree(api.send(api.get("/api/v1/imports/" + importId + "/quarantine?page=1&size=2")).body());

        assertThat(second.get("total").asInt()).isEqualTo(5);
        assertThat(second.get("rows").findValues("row")).extracting(JsonNode::asInt).containsExactly(7, 9);
        assertThat(api.send(api.get("/api/v1/imports/" + importId + "/quarantine?size=1001")).statusCode()).isEqualTo(400);
        assertThat(api.send(api.get("/api/v1/imports/" + importId + "/quarantine?page=-1")).statusCode()).isEqualTo(400);
        assertThat(api.send(api.get("/api/v1/imports/999999/quarantine")).statusCode()).isEqualTo(404);
        assertThat(api.send(api.get("/api/v1/imports/999999")).statusCode()).as("an unknown import").isEqualTo(404);
    }

    @Test
    void importingTheSameContentTwiceAnswersUnchangedForEveryRow() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                source,record_id,first_name,last_name,email
                crm,%1$s-1,Ada,Lind,ada.%1$s@example.de
                crm,%1$s-2,Bo,Lind,bo.%1$s@example.de
                crm,%1$s-3,Cy,Lind,cy.%1$s@example.de
                """.formatted(suffix);

        JsonNode first = api.awaitImport(json.readTree(api.send(api.post("/api/v1/imports?type=customers", csv, "text/csv")
                .header("X-API-Key", KEY).header("X-File-Name", "same.csv")).body()).get("importId").asText());
        HttpResponse<String> again = api.send(api.post("/api/v1/imports?type=customers", csv, "text/csv")
                .header("X-API-Key", KEY).header("X-File-Name", "same.csv"));
        assertThat(again.statusCode()).isEqualTo(202);
        JsonNode second = api.awaitImport(json.readTree(again.body()).get("importId").asText());

        assertThat(first.at("/counts/imported").asInt()).isEqualTo(3);
        assertThat(second.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(second.get("importId").asText()).isNotEqualTo(first.get("importId").asText());
        assertThat(second.at("/counts/read").asInt()).isEqualTo(3);
        assertThat(second.at("/counts/unchanged").asInt()).isEqualTo(3);
        assertThat(second.at("/counts/imported").asInt()).isZero();
        assertThat(second.at("/counts/updated").asInt()).isZero();
    }

    @Test
    void answers202AtOnceForAnUploadBeyondTheTwoImportsRunningAndRunsItLater() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String big1 = generated("q1-" + suffix, 4000);
        String big2 = generated("q2-" + suffix, 4000);
        String first = json.readTree(api.send(api.post("/api/v1/imports?type=customers", big1, "text/csv")
                .header("X-API-Key", KEY)).body()).get("importId").asText();
        String second = json.readTree(api.send(api.post("/api/v1/imports?type=customers", big2, "text/csv")
                .header("X-API-Key", KEY)).body()).get("importId").asText();

        long started = System.nanoTime();
        HttpResponse<String> third = api.send(api.post("/api/v1/imports?type=customers", generated("q3-" + suffix, 3),
                "text/csv").header("X-API-Key", KEY));
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
        String thirdId = json.readTree(third.body()).get("importId").asText();
        JsonNode thirdAtOnce = json.readTree(api.send(api.get("/api/v1/imports/" + thirdId)).body());
        List<String> running = List.of(status(first), status(second));

        assertThat(running).as("precondition: neither large import has ended").isSubsetOf("QUEUED", "RUNNING");
        assertThat(third.statusCode()).isEqualTo(202);
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(3));
        assertThat(thirdAtOnce.get("status").asText()).isEqualTo("QUEUED");
        assertThat(thirdAtOnce.get("rowsPerSecond").isNull()).isTrue();
        assertThat(thirdAtOnce.get("etaSeconds").isNull()).isTrue();
        JsonNode done = api.awaitImport(thirdId, Duration.ofMinutes(5));
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.at("/counts/imported").asInt()).isEqualTo(3);
        assertThat(done.get("rowsPerSecond").asDouble()).isPositive();
        api.awaitImport(first, Duration.ofMinutes(5));
        api.awaitImport(second, Duration.ofMinutes(5));
    }

    private String status(String importId) throws Exception {
        return json.readTree(api.send(api.get("/api/v1/imports/" + importId)).body()).get("status").asText();
    }

    private static String generated(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("source,record_id,first_name,last_name,email\n");
        for (int i = 0; i < rows; i++) {
            csv.append("queue,").append(prefix).append('-').append(i).append(",Quentin,Q").append(i).append(',')
                    .append(prefix).append('.').append(i).append("@example.de\n");
        }
        return csv.toString();
    }

    private List<java.nio.file.Path> uploads() throws Exception {
        try (var files = java.nio.file.Files.walk(dataDir.resolve("uploads"))) {
            return files.filter(java.nio.file.Files::isRegularFile).toList();
        }
    }

    @Test
    void answers401WithoutAKeyAndWithAWrongOne() throws Exception {
        HttpResponse<String> none = api.send(HttpRequest.newBuilder(api.uri("/api/v1/profiles/lookup?type=email&value=a@b.de")).GET());
        HttpResponse<String> wrong = api.send(HttpRequest.newBuilder(api.uri("/api/v1/profiles/lookup?type=email&value=a@b.de"))
                .header("X-API-Key", "not-the-key").GET());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("X-API-Key");
    }

    @Test
    void refusesAWhollyWrongFileWithAClearErrorAndNoImport() throws Exception {
        HttpResponse<String> refused = api.send(api.post("/api/v1/imports?type=customers", "name;mail\nAnna;a@b.de\n", "text/csv")
                .header("X-API-Key", KEY));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("detail").asText())
                .contains("required column(s) missing").contains("source, record_id");
        assertThat(uploads()).as("nothing of a refused file stays on disk").noneMatch(file -> {
            try {
                return java.nio.file.Files.readString(file).contains("Anna;a@b.de");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void answersBadLookupsWith400NotAServerError() throws Exception {
        assertThat(api.send(api.get("/api/v1/profiles/lookup?type=shoe_size&value=42")).statusCode()).isEqualTo(400);
        assertThat(api.send(api.get("/api/v1/profiles/lookup?type=email")).statusCode()).isEqualTo(400);
        assertThat(api.send(api.get("/api/v1/profiles/lookup?type=record&value=no-slash")).statusCode()).isEqualTo(400);
        assertThat(api.send(api.post("/api/v1/imports?type=invoices", "source,record_id\n", "text/csv")
                .header("X-API-Key", KEY)).statusCode()).isEqualTo(400);
        assertThat(api.send(api.get("/api/v1/profiles/no-such-profile")).statusCode()).isEqualTo(404);
    }

    @Test
    void publishesTheOpenApiDocumentAndTheLookupPageToThoseSignedIn() throws Exception {
        HttpResponse<String> openApi = api.send(HttpRequest.newBuilder(api.uri("/v3/api-docs")).GET());
        BrowserSession browser = new BrowserSession(port);
        HttpResponse<String> beforeSignIn = browser.get("/");
        browser.signIn("admin", KEY);
        HttpResponse<String> page = browser.get("/");

        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(json.readTree(openApi.body()).get("paths").has("/api/v1/profiles/lookup")).isTrue();
        assertThat(json.readTree(openApi.body()).at("/paths/~1api~1v1~1profiles~1{profileId}~1split/post/responses")
                .fieldNames()).toIterable().contains("200", "409", "422");
        JsonNode schemas = json.readTree(openApi.body()).at("/components/schemas");
        assertThat(schemas.at("/ImportStatus/properties/rowsPerSecond/description").asText()).contains("per second");
        assertThat(schemas.at("/ImportStatus/properties/etaSeconds/description").asText()).contains("null when unknown");
        assertThat(schemas.at("/Quarantine/properties").has("total")).isTrue();
        assertThat(json.readTree(openApi.body()).at("/paths/~1api~1v1~1imports~1{importId}~1quarantine/get/parameters")
                .findValuesAsText("name")).contains("page", "size");
        assertThat(beforeSignIn.statusCode()).isEqualTo(302);
        assertThat(beforeSignIn.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("/login.html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Find a customer by name, email, phone or loyalty card").contains("id=\"q\"");
    }






}
