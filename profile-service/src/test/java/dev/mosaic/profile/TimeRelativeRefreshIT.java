package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Time-relative values follow the clock without any new data: with the clock moved forward, the background projection
 * (every half second here) computes again the profiles whose time has come, and the badges appear. Real Neo4j and
 * Elasticsearch, under an alias of its own so no other test's Mosaic computes these profiles with another clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TimeRelativeRefreshIT {

    private static final String KEY = "it-refresh-key";
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    private static final Path dataDir = TestStores.dataDirectory("mosaic-refresh-it");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.elasticsearch-profile-alias", () -> "refresh-it-" + UUID.randomUUID().toString().substring(0, 8));
        registry.add("mosaic.profile.refresh.enabled", () -> "true");
        registry.add("mosaic.profile.refresh.interval", () -> "500ms");
    }

    @TestConfiguration
    static class MovableClock {

        @Bean
        @Primary
        java.time.Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;

    private MosaicApiClient api;

    @BeforeEach
    void client() {
        api = new MosaicApiClient(port, KEY);
    }

    @Test
    void theNeedsAttentionAndChurnBadgesAppearWhenTheClockPassesTheirTimeWithoutAnyImport() throws Exception {
        CLOCK.set(START);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // Waltraud buys on the first of March, April and May (a rhythm of about 30.7 days); Ottokar has a ticket
        // open since 12 hours before the start.
        api.importWithoutQuarantine("customers", """
                source,record_id,first_name,last_name,email
                crm,%1$s-w,Waltraud,Zeitlos,waltraud.%1$s@example.de
                crm,%1$s-o,Ottokar,Wartemann,ottokar.%1$s@example.de
                """.formatted(suffix));
        api.importWithoutQuarantine("purchases", """
                source,record_id,order_id,occurred_at,channel,store_id,email,sku,product_name,category,quantity,unit_price,currency
                pos,%1$s-p1,%1$s-O1,2025-03-01T10:00:00Z,store,BER-01,waltraud.%1$s@example.de,INK-1,Ink,ink,1,20.00,EUR
                pos,%1$s-p2,%1$s-O2,2025-04-01T10:00:00Z,store,BER-01,waltraud.%1$s@example.de,INK-1,Ink,ink,1,20.00,EUR
                pos,%1$s-p3,%1$s-O3,2025-05-01T10:00:00Z,store,BER-01,waltraud.%1$s@example.de,INK-1,Ink,ink,1,20.00,EUR
                """.formatted(suffix));
        api.importWithoutQuarantine("tickets", """
                source,record_id,opened_at,channel,status,email,subject
                helpdesk,%1$s-t1,2025-05-31T12:00:00Z,email,open,ottokar.%1$s@example.de,Parcel missing
                """.formatted(suffix));
        String waltraud = profileIdOf("waltraud." + suffix + "@example.de");
        String ottokar = profileIdOf("ottokar." + suffix + "@example.de");
        assertThat(badges("Waltraud Zeitlos", waltraud)).isEmpty();
        assertThat(badges("Ottokar Wartemann", ottokar)).isEmpty();
        assertThat(api.profile(waltraud).at("/cx/churnRisk/level").asText()).isEqualTo("LOW");

        // 2 June 13:00: the ticket has been open 49 hours. Nobody imports anything.
        CLOCK.set(Instant.parse("2025-06-02T13:00:00Z"));
        awaitBadge("Ottokar Wartemann", ottokar, "needs_attention");
        JsonNode ottokarsProfile = api.profile(ottokar);
        assertThat(ottokarsProfile.at("/cx/needsAttention/reasons/0").asText()).contains("open since");
        assertThat(ottokarsProfile.at("/updatedAt").asText()).isEqualTo("2025-06-02T13:00:00Z");
        assertThat(badges("Waltraud Zeitlos", waltraud)).doesNotContain("churn_risk_high");

        // 15 August: 106 days since Waltraud's last order, more than three rhythms.
        CLOCK.set(Instant.parse("2025-08-15T00:00:00Z"));
        awaitBadge("Waltraud Zeitlos", waltraud, "churn_risk_high");
        JsonNode waltraudsProfile = api.profile(waltraud);
        assertThat(waltraudsProfile.at("/cx/churnRisk/level").asText()).isEqualTo("HIGH");
        assertThat(waltraudsProfile.at("/cx/churnRisk/score").asInt()).isEqualTo(100);
        // The segment condition on the level sees it too, as of now.
        HttpResponse<String> segment = api.send(api.withKey(api.post("/api/v1/segments/preview", """
                {"condition": {"all": [{"field": "cx.churnRisk.level", "eq": "HIGH"},
                                       {"field": "purchases.store", "eq": "BER-01"},
                                       {"field": "purchases.orders", "eq": 3}]}}""", "application/json")));
        assertThat(api.json(segment).get("count").asLong()).isGreaterThanOrEqualTo(1);

        // 15 April 2026: the orders of March and April 2025 have left the last 12 months, May's is still in.
        assertThat(waltraudsProfile.at("/purchases/revenueLast12Months").asDouble()).isEqualTo(60.0);
        CLOCK.set(Instant.parse("2026-04-15T00:00:00Z"));
        awaitValue(waltraud, "/purchases/revenueLast12Months", 20.0);
    }

    private void awaitBadge(String name, String profileId, String badge) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<String> badges = badges(name, profileId);
        while (!badges.contains(badge) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            badges = badges(name, profileId);
        }
        assertThat(badges).as("badges of %s", name).contains(badge);
    }

    private void awaitValue(String profileId, String pointer, double expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        double value = api.profile(profileId).at(pointer).asDouble();
        while (value != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = api.profile(profileId).at(pointer).asDouble();
        }
        assertThat(value).as(pointer).isEqualTo(expected);
    }

    /** The badges of the profile's hit when searched by name. */
    private List<String> badges(String name, String profileId) throws Exception {
        JsonNode hits = api.json(api.send(api.get("/api/v1/profiles/search?q="
                + URLEncoder.encode(name, StandardCharsets.UTF_8)))).get("hits");
        List<String> badges = new ArrayList<>();
        for (JsonNode hit : hits) {
            if (hit.get("profileId").asText().equals(profileId)) {
                hit.get("badges").forEach(badge -> badges.add(badge.asText()));
            }
        }
        return badges;
    }

    private String profileIdOf(String email) throws Exception {
        HttpResponse<String> found = api.lookupEventually("/api/v1/profiles/lookup?type=email&value="
                + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(found.statusCode()).isEqualTo(200);
        return api.json(found).get("profileId").asText();
    }
}
