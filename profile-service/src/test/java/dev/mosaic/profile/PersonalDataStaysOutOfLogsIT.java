package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.mosaic.profile.application.ProfileProjection;
import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * No name, email, phone or loyalty id of a person reaches the log while Mosaic imports, looks up, searches, exports
 * and erases them, nor when Elasticsearch is cut off meanwhile and every error path logs: the whole output of the
 * Mosaic under test is captured and searched. Real Neo4j and Elasticsearch, Elasticsearch behind a proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataStaysOutOfLogsIT {

    private static final String KEY = "it-logs-key";
    private static final SwitchableProxy ELASTICSEARCH = SwitchableProxy.toElasticsearch();
    private static final Path dataDir = TestStores.dataDirectory("mosaic-logs-it");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.elasticsearch-url", () -> ELASTICSEARCH.uri().toString());
        registry.add("mosaic.elasticsearch-profile-alias", () -> "logs-it-" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("mosaic.profile.refresh.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    ProfileProjection projection;

    @AfterEach
    void elasticsearchBack() throws IOException {
        ELASTICSEARCH.up();
    }

    @Test
    void importLookupExportAndErasureLogNoNameEmailPhoneOrLoyaltyIdEvenWhenElasticsearchFails(CapturedOutput log)
            throws Exception {
        MosaicApiClient api = new MosaicApiClient(port, KEY);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "hiltrud." + suffix + "@example.de";
        String phoneDigits = "1" + String.format("%07d", Math.floorMod(suffix.hashCode(), 10_000_000));
        String loyalty = "HP-" + suffix;
        api.importCompleted("customers", """
                source,record_id,first_name,last_name,email,phone,loyalty_id,city,consent_email
                crm,%1$s-1,Hiltrud,Protokollfrei,%2$s,+49 151 %3$s,%4$s,Schweigen,true
                webshop,%1$s-2,Hiltrud,Protokollfrei,%2$s,,,Schweigen,
                """.formatted(suffix, email, phoneDigits, loyalty));
        String profileId = api.json(api.lookupEventually(path("email", email))).get("profileId").asText();
        assertThat(api.send(api.get(path("phone", "0151 " + phoneDigits))).statusCode()).isEqualTo(200);
        assertThat(api.send(api.get(path("loyalty_id", loyalty))).statusCode()).isEqualTo(200);
        assertThat(api.send(api.get("/api/v1/profiles/search?q=Hiltrud%20Protokolfrei")).statusCode()).isEqualTo(200);
        assertThat(api.send(api.get("/api/v1/profiles/" + profileId + "/export")).statusCode()).isEqualTo(200);
        String segment = api.json(api.send(api.withKey(api.post("/api/v1/segments", "{\"name\": \"logs\", "
                + "\"condition\": {\"field\": \"city\", \"eq\": \"Schweigen\"}}", "application/json")))).get("id").asText();
        assertThat(api.send(api.get("/api/v1/segments/" + segment + "/export")).body()).contains(email);
        // A lookup value that is a name, not a number, is answered, not logged.
        assertThat(api.send(api.get(path("phone", "Hiltrud"))).statusCode()).isIn(400, 404);

        ELASTICSEARCH.down();
        // Every path that logs a failure: a projection that cannot write, a read that cannot be answered, an
        // erasure whose index part waits, an audit entry that cannot be stored.
        api.importCompleted("customers", """
                source,record_id,first_name,last_name,email,phone,loyalty_id,city,consent_email
                crm,%1$s-1,Hiltrud,Protokollfrei,%2$s,+49 151 %3$s,%4$s,Schweigenfeld,true
                """.formatted(suffix, email, phoneDigits, loyalty));
        assertThat(api.send(api.get(path("email", email))).statusCode()).isEqualTo(503);
        assertThat(api.send(api.get("/api/v1/profiles/search?q=Hiltrud")).statusCode()).isEqualTo(503);
        assertThat(api.send(api.withKey(HttpRequest.newBuilder(api.uri("/api/v1/profiles/" + profileId)).DELETE()))
                .statusCode()).isEqualTo(202);
        ELASTICSEARCH.up();
        assertThat(projection.projectDue()).isPositive();
        api.send(HttpRequest.newBuilder(java.net.URI.create(SharedTestStores.elasticsearch() + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(api.send(api.get(path("email", email))).statusCode()).isEqualTo(404);

        String output = log.getAll();
        assertThat(output).as("the log names the failures").contains("did not answer");
        for (String personal : List.of("Hiltrud", "Protokollfrei", "Protokolfrei", email, "hiltrud." + suffix,
                phoneDigits, loyalty, "Schweigen")) {
            assertThat(output).as("the log holds " + personal).doesNotContain(personal);
        }
    }

    private static String path(String type, String value) {
        return "/api/v1/profiles/lookup?type=" + type + "&value=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
