package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * Clara Berger's records of all five types (src/test/resources/profile-content) imported through the API into real
 * Neo4j and Elasticsearch, and her profile checked as a user reads it: golden record, purchases, CX scores, timeline
 * and lookups. The expected numbers are worked out by hand in the comments; the clock stands at 2025-03-01.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileContentIT {

    private static final String KEY = "it-content-key";
    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");

    /** Not a @TempDir: with one test instance per class the context starts before JUnit fills static fields. */
    private static final Path dataDir = TestStores.dataDirectory("mosaic-content-it");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.profile.acquisition-cost.web", () -> "25.00");
    }

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private MosaicApiClient api;
    private JsonNode profile;

    @BeforeAll
    void importClarasRecords() throws Exception {
        api = new MosaicApiClient(port, KEY);
        for (String type : List.of("customers", "purchases", "tickets", "campaign_responses", "social_interactions")) {
            String csv;
            try (InputStream file = getClass().getResourceAsStream("/profile-content/" + type + ".csv")) {
                csv = new String(file.readAllBytes(), StandardCharsets.UTF_8);
            }
            HttpResponse<String> accepted = api.send(api.withKey(api.post("/api/v1/imports?type=" + type, csv, "text/csv")));
            assertThat(accepted.statusCode()).as(type).isEqualTo(202);
            JsonNode status = api.awaitImport(json.readTree(accepted.body()).get("importId").asText());
            assertThat(status.get("status").asText()).as(type).isEqualTo("COMPLETED");
            assertThat(status.at("/counts/quarantined").asInt()).as(type).isZero();
        }
        String profileId = json.readTree(api.lookupEventually("/api/v1/profiles/lookup?type=email&value=clara.berger%40example.de")
                .body()).get("profileId").asText();
        HttpResponse<String> byId = api.send(api.get("/api/v1/profiles/" + profileId));
        assertThat(byId.statusCode()).isEqualTo(200);
        profile = json.readTree(byId.body());
    }

    @Test
    void unitesAllTwentyRecordsOfFiveTypesInOneProfile() {
        assertThat(profile.get("sourceRecords")).hasSize(20);
        assertThat(profile.get("displayName").asText()).isEqualTo("Clara Berger");
        assertThat(profile.get("updatedAt").asText()).isEqualTo("2025-03-01T00:00:00Z");
    }

    @Test
    void choosesEachGoldenFieldBySourcePriorityAndKeepsEveryValueWithItsSources() {
        JsonNode golden = profile.get("golden");

        // Clara: crm, loyalty and four helpdesk tickets; Klara: webshop; C.: pos. The CRM is trusted most.
        assertThat(golden.at("/firstName/value").asText()).isEqualTo("Clara");
        assertThat(golden.at("/firstName/source").asText()).isEqualTo("crm");
        assertThat(golden.at("/firstName/decidedBy").asText()).isEqualTo("SOURCE_PRIORITY");
        assertThat(texts(golden.at("/firstName/values"), "value")).containsExactly("Clara", "Klara", "C.");
        // Nine records offer Clara (crm, loyalty, four tickets, and the three social posts signed "Clara B"); recency
        // and frequency count the most trusted source's, the CRM's one.
        assertThat(golden.at("/firstName/values/0/records")).hasSize(9);
        assertThat(golden.at("/firstName/values/0/occurrences").asInt()).isEqualTo(1);
        assertThat(golden.at("/lastName/value").asText()).isEqualTo("Berger");
        assertThat(texts(golden.at("/lastName/values"), "value")).containsExactly("Berger", "Berger-Neumann");
        assertThat(golden.at("/lastName/values/1/records/0").asText()).isEqualTo("loyalty/CB-L1");
        assertThat(golden.at("/email/value").asText()).isEqualTo("clara.berger@example.de");
        assertThat(golden.at("/email/decidedBy").asText()).isEqualTo("ONLY_VALUE");
        assertThat(golden.at("/birthDate/value").asText()).isEqualTo("1988-07-14");
        assertThat(golden.at("/country/value").asText()).isEqualTo("DE");
        assertThat(golden.at("/loyaltyId/value").asText()).isEqualTo("L-900100");
        // A digit short to be valid, so kept as typed; both spellings are kept with their records.
        assertThat(golden.at("/phone/value").asText()).isEqualTo("+49 151 2345678");
        assertThat(texts(golden.at("/phone/values"), "value")).containsExactly("+49 151 2345678", "0151-2345678");

        // The CRM's address as a whole, never the street of one record with the city of another.
        JsonNode address = golden.get("address");
        assertThat(List.of(address.get("street").asText(), address.get("postalCode").asText(),
                address.get("city").asText(), address.get("source").asText()))
                .containsExactly("Lindenstraße 4", "10115", "Berlin", "crm");
        assertThat(address.get("values")).hasSize(4);
    }

    @Test
    void keepsTheLatestConsentPerChannelWithSourceAndTime() {
        JsonNode golden = profile.get("golden");

        // email: crm true (2021), webshop true (2023), then unsubscribed from NL-80 on 2025-01-20
        assertThat(golden.at("/emailConsent/granted").asBoolean(true)).isFalse();
        assertThat(golden.at("/emailConsent/source").asText()).isEqualTo("newsletter");
        assertThat(golden.at("/emailConsent/at").asText()).isEqualTo("2025-01-20T08:00:00Z");
        assertThat(golden.at("/emailConsent/statedBy").asText()).isEqualTo("unsubscribed from campaign NL-80");
        // sms: crm false (2021), then the loyalty sign-up said yes (2024-09-01)
        assertThat(golden.at("/smsConsent/granted").asBoolean(false)).isTrue();
        assertThat(golden.at("/smsConsent/recordId").asText()).isEqualTo("CB-L1");
        assertThat(golden.at("/smsConsent/at").asText()).isEqualTo("2024-09-01T09:00:00Z");
    }

    @Test
    void aggregatesHerPurchases() {
        JsonNode purchases = profile.get("purchases");

        assertThat(purchases.get("orders").asInt()).isEqualTo(4);
        assertThat(purchases.get("lines").asInt()).isEqualTo(5);
        // 189.00 + 2 x 39.90 + 39.90 + 3 x 20.00; the returned phone (699.00) is not revenue
        assertThat(purchases.get("revenue").decimalValue()).isEqualByComparingTo("368.70");
        assertThat(purchases.get("returns").asInt()).isEqualTo(1);
        assertThat(purchases.get("returnedValue").decimalValue()).isEqualByComparingTo("699.00");
        // 368.70 / 4
        assertThat(purchases.get("averageOrderValue").decimalValue()).isEqualByComparingTo("92.18");
        // since 2024-03-01: 39.90 in June, 60.00 in February
        assertThat(purchases.get("revenueLast12Months").decimalValue()).isEqualByComparingTo("99.90");
        assertThat(purchases.get("firstPurchase").asText()).isEqualTo("2024-01-10T10:00:00Z");
        assertThat(purchases.get("lastPurchase").asText()).isEqualTo("2025-02-01T09:00:00Z");
        assertThat(texts(purchases.get("topCategories"), "category")).containsExactly("ink", "printers");
        assertThat(purchases.at("/topCategories/0/quantity").asInt()).isEqualTo(6);
        assertThat(purchases.at("/topCategories/0/revenue").decimalValue()).isEqualByComparingTo("179.70");
        assertThat(texts(purchases.get("channels"), "name")).containsExactly("store", "web");
        assertThat(texts(purchases.get("stores"), "name")).containsExactly("BER-01", "MUC-02");
    }

    @Test
    void scoresHerExperience() {
        JsonNode cx = profile.get("cx");

        // latest answer 3 on 2025-01-15 (9 in October before)
        assertThat(cx.at("/nps/score").asInt()).isEqualTo(3);
        assertThat(cx.at("/nps/category").asText()).isEqualTo("DETRACTOR");
        assertThat(cx.at("/nps/campaignId").asText()).isEqualTo("NPS-2025");
        // csat 5, 2, 4: 2 of 3; ces 4, 2, 3: 1 of 3
        assertThat(share(cx.get("csat"))).containsExactly(66.7, 2.0, 3.0);
        assertThat(share(cx.get("ces"))).containsExactly(33.3, 1.0, 3.0);
        // first responses 42, 165, 5, 20 minutes; resolutions 370, 3390, 60 minutes
        assertThat(List.of(cx.at("/firstResponseTime/average").asDouble(), cx.at("/firstResponseTime/median").asDouble()))
                .containsExactly(58.0, 31.0);
        assertThat(List.of(cx.at("/resolutionTime/average").asDouble(), cx.at("/resolutionTime/median").asDouble()))
                .containsExactly(1273.3, 370.0);
        // resolved: CBT-1 (1 contact), CBT-3 (3), CBT-4 (1)
        assertThat(share(cx.get("firstContactResolution"))).containsExactly(66.7, 2.0, 3.0);
        // (0.80 - 0.65 + 0.90) / 3
        assertThat(cx.at("/socialSentiment/average").asDouble()).isEqualTo(0.35);
    }

    @Test
    void showsClvChurnRiskAndHealthWithTheirInputs() {
        JsonNode cx = profile.get("cx");

        // 2024-01-10T10:00 to 2025-03-01 = 415.58 days = 1.14 years; 99.90 x 1.14 - 25.00 (web, configured) = 88.89
        assertThat(cx.at("/clv/value").decimalValue()).isEqualByComparingTo("88.89");
        assertThat(cx.at("/clv/annualRevenue").decimalValue()).isEqualByComparingTo("99.90");
        assertThat(cx.at("/clv/relationshipYears").asDouble()).isEqualTo(1.14);
        assertThat(cx.at("/clv/acquisitionChannel").asText()).isEqualTo("web");
        assertThat(cx.at("/clv/acquisitionCost").decimalValue()).isEqualByComparingTo(new BigDecimal("25.00"));
        // orders 2024-01-10T10:00 .. 2025-02-01T09:00 = 387.96 days / 3 = 129.3; 27.6 days since: ratio 0.21
        assertThat(cx.at("/churnRisk/level").asText()).isEqualTo("LOW");
        assertThat(cx.at("/churnRisk/score").asInt()).isZero();
        assertThat(cx.at("/churnRisk/averageDaysBetweenOrders").asDouble()).isEqualTo(129.3);
        assertThat(cx.at("/churnRisk/daysSinceLastOrder").asDouble()).isEqualTo(27.6);
        assertThat(cx.at("/churnRisk/ratio").asDouble()).isEqualTo(0.21);
        // 30 x .25 + 66.7 x .2 + 33.3 x .1 + 66.7 x .1 + 67.5 x .15 + 100 x .2 = 60.965
        assertThat(cx.at("/health/score").asInt()).isEqualTo(61);
        assertThat(texts(cx.at("/health/parts"), "name")).containsExactly("nps", "csat", "ces",
                "firstContactResolution", "socialSentiment", "retention");
    }

    @Test
    void flagsHerForAFollowUpWithTheReasons() {
        JsonNode attention = profile.at("/cx/needsAttention");

        assertThat(attention.get("needed").asBoolean()).isTrue();
        assertThat(texts(attention.get("reasons"))).containsExactly(
                "recent detractor: answered NPS 3 on 2025-01-15T10:00:00Z (NPS-2025)",
                "ticket helpdesk/CBT-2 open since 2025-02-20T10:15:00Z, longer than 48 hours");
    }

    @Test
    void servesHerTimelineNewestFirstInPages() throws Exception {
        String id = profile.get("profileId").asText();

        JsonNode first = json.readTree(api.send(api.get("/api/v1/profiles/" + id + "/timeline?size=5")).body());
        JsonNode third = json.readTree(api.send(api.get("/api/v1/profiles/" + id + "/timeline?page=2&size=5")).body());

        assertThat(first.get("totalEntries").asInt()).isEqualTo(16);
        assertThat(first.get("totalPages").asInt()).isEqualTo(4);
        assertThat(texts(first.get("entries"), "recordId")).containsExactly("CBT-2", "CBT-4", "CBX-1", "CBO-2-1",
                "CBT-3");
        assertThat(first.at("/entries/0/at").asText()).isEqualTo("2025-02-20T10:15:00Z");
        assertThat(first.at("/entries/0/ticket/status").asText()).isEqualTo("open");
        assertThat(first.at("/entries/3/summary").asText())
                .isEqualTo("Bought 3 x Ink 100 (ink) at 20.00 EUR via web, order CBO-2");
        assertThat(first.at("/entries/3/purchase/quantity").asInt()).isEqualTo(3);
        assertThat(texts(third.get("entries"), "recordId")).containsExactly("CBI-1", "CBT-1", "CBS-1", "CBR-1-1",
                "CBO-1-1");
        assertThat(third.at("/entries/2/campaignResponse/nps").asInt()).isEqualTo(9);
        assertThat(api.send(api.get("/api/v1/profiles/" + id + "/timeline?size=0")).statusCode()).isEqualTo(400);
        assertThat(api.send(api.get("/api/v1/profiles/no-such-profile/timeline")).statusCode()).isEqualTo(404);
    }

    @Test
    void findsHerByAPhoneTypedInAnotherFormatThanStored() throws Exception {
        // stored as "+49 151 2345678" (crm) and "0151-2345678" (webshop); neither is a valid number
        for (String typed : List.of("0151-2345678", "+49 151 2345678", "0049 (151) 234 5678")) {
            HttpResponse<String> found = api.lookupEventually("/api/v1/profiles/lookup?type=phone&value="
                    + java.net.URLEncoder.encode(typed, StandardCharsets.UTF_8));
            assertThat(found.statusCode()).as(typed).isEqualTo(200);
            assertThat(json.readTree(found.body()).get("profileId").asText()).isEqualTo(profile.get("profileId").asText());
        }
    }

    @Test
    void writesProfilesIntoTheCurrentIndexVersionBehindTheAlias() throws Exception {
        HttpResponse<String> aliases = http.send(HttpRequest.newBuilder(
                        URI.create(SharedTestStores.elasticsearch() + "/_alias/profiles")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        // profiles-v6, or a fresh index of that version if a rebuild replaced it (profiles-v6-<time>).
        assertThat(json.readTree(aliases.body()).fieldNames()).toIterable().singleElement().asString()
                .matches("profiles-v6(-.+)?");
    }

    @Test
    void documentsTheFormulasInTheOpenApiDocument() throws Exception {
        JsonNode openApi = json.readTree(api.send(HttpRequest.newBuilder(api.uri("/v3/api-docs")).GET()).body());

        assertThat(openApi.at("/paths").has("/api/v1/profiles/{profileId}/timeline")).isTrue();
        JsonNode cx = openApi.at("/components/schemas/CxScoresResponse/properties");
        assertThat(cx.at("/csat/description").asText()).contains("answers of 4 or 5").contains("x 100");
        assertThat(cx.at("/clv/description").asText()).contains("annual revenue x relationship years - acquisition cost");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<Double> share(JsonNode share) {
        return List.of(share.get("percent").asDouble(), share.get("matching").asDouble(), share.get("total").asDouble());
    }
}
