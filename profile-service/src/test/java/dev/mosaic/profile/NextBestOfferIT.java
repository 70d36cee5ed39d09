package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Next best offers through the HTTP API of a Mosaic on real Neo4j and Elasticsearch: purchases imported as files,
 * the statistics counted over every profile of the index. The categories carry a suffix of this run, so their counts
 * are exactly this test's whatever else the shared index holds; N (all customers) is read from the answer, and
 * support and lift are checked against it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NextBestOfferIT {

    private static final String ADMIN_KEY = "it-offers-admin-key";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, ADMIN_KEY);
        registry.add("mosaic.offers.statistics-max-age", () -> "0s");
    }

    @LocalServerPort
    int port;

    private MosaicApiClient admin;

    @BeforeEach
    void client() {
        admin = new MosaicApiClient(port, ADMIN_KEY);
    }

    @Test
    void offersInkToANewPrinterBuyerWithTheConfidenceOfThoseWhoBoughtInkAfterAPrinter() throws Exception {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String printers = "printers-" + s;
        String ink = "ink-" + s;
        // Three customers bought a printer and later ink; Paula only a printer; Ivo only ink; three bought coffee.
        //   n(printers) = 4 (ada, ben, cem, paula)   n(ink) = 4 (ada, ben, cem, ivo)   n(printers -> ink) = 3
        //   confidence(printers -> ink) = 3 / 4 = 0.75
        admin.importWithoutQuarantine("purchases", """
                source,record_id,order_id,occurred_at,channel,email,sku,product_name,category,quantity,unit_price,currency
                webshop,%1$s-a1,%1$s-A1,2024-03-01T10:00:00Z,web,ada.%1$s@example.de,PR-050,InkJet Home 2200,%2$s,1,89.00,EUR
                webshop,%1$s-a2,%1$s-A2,2024-04-02T10:00:00Z,web,ada.%1$s@example.de,PS-200,Ink Cartridge 22 Black,%3$s,2,24.99,EUR
                pos,%1$s-b1,%1$s-B1,2024-03-05T10:00:00Z,store,ben.%1$s@example.de,PR-060,LaserJet Office L500,%2$s,1,229.00,EUR
                pos,%1$s-b2,%1$s-B2,2024-05-05T10:00:00Z,store,ben.%1$s@example.de,PS-220,Toner L500 Black XL,%3$s,1,89.00,EUR
                pos,%1$s-c1,%1$s-C1,2024-03-07T10:00:00Z,store,cem.%1$s@example.de,PR-050,InkJet Home 2200,%2$s,1,89.00,EUR
                webshop,%1$s-c2,%1$s-C2,2024-03-20T10:00:00Z,web,cem.%1$s@example.de,PS-210,Ink Cartridge 22 Colour,%3$s,1,29.99,EUR
                pos,%1$s-p1,%1$s-P1,2024-06-01T10:00:00Z,store,paula.%1$s@example.de,PR-070,PhotoPrint A3 Pro,%2$s,1,349.00,EUR
                pos,%1$s-i1,%1$s-I1,2024-06-01T10:00:00Z,store,ivo.%1$s@example.de,PS-200,Ink Cartridge 22 Black,%3$s,1,24.99,EUR
                pos,%1$s-k1,%1$s-K1,2024-06-01T10:00:00Z,store,kim.%1$s@example.de,CO-400,Espresso Bohnen,coffee-%1$s,1,17.99,EUR
                pos,%1$s-k2,%1$s-K2,2024-06-01T10:00:00Z,store,kai.%1$s@example.de,CO-400,Espresso Bohnen,coffee-%1$s,1,17.99,EUR
                pos,%1$s-k3,%1$s-K3,2024-06-01T10:00:00Z,store,kit.%1$s@example.de,CO-400,Espresso Bohnen,coffee-%1$s,1,17.99,EUR
                """.formatted(s, printers, ink));
        String paula = profileOf("pos/" + s + "-p1");
        MosaicApiClient staff = keyWith("STAFF");

        JsonNode answer = offersEventually(staff, paula, 0.75);

        JsonNode offer = answer.at("/offers/0");
        assertThat(answer.get("offers").size()).isEqualTo(1);
        assertThat(offer.get("category").asText()).isEqualTo(ink);
        assertThat(offer.get("because").asText()).isEqualTo(printers);
        assertThat(offer.get("customers").asLong()).isEqualTo(3);
        assertThat(offer.get("becauseCustomers").asLong()).isEqualTo(4);
        assertThat(offer.get("categoryCustomers").asLong()).isEqualTo(4);
        assertThat(offer.get("confidence").asDouble()).isEqualTo(0.75);
        long all = answer.get("customers").asLong();
        assertThat(all).as("N counts every customer of the index, these 8 among them").isGreaterThanOrEqualTo(8);
        assertThat(offer.get("support").asDouble()).isEqualTo(round4(3.0 / all));
        assertThat(offer.get("lift").asDouble()).isEqualTo(round4(0.75 / (4.0 / all))).isGreaterThan(1.0);
        assertThat(answer.at("/rules/minCustomers").asInt()).isEqualTo(3);

        JsonNode counterView = staff.json(staff.send(staff.get("/api/v1/profiles/" + paula)));
        assertThat(counterView.at("/nextBestOffers/0/category").asText()).isEqualTo(ink);
        assertThat(counterView.at("/nextBestOffers/0/confidence").asDouble()).isEqualTo(0.75);
        String ivo = profileOf("pos/" + s + "-i1");
        assertThat(staff.json(staff.send(staff.get("/api/v1/profiles/" + ivo + "/next-best-offers"))).get("offers"))
                .as("ink -> printers: nobody bought a printer after ink").isEmpty();
        assertThat(staff.send(staff.get("/api/v1/profiles/no-such-profile/next-best-offers")).statusCode())
                .isEqualTo(404);

        // Kept up to date: Paula buys ink later and Quirin a printer. Their profiles are projected on import and the
        // next request counts again: n(printers -> ink) = 4 of n(printers) = 5.
        admin.importWithoutQuarantine("purchases", """
                source,record_id,order_id,occurred_at,channel,email,sku,product_name,category,quantity,unit_price,currency
                pos,%1$s-p2,%1$s-P2,2024-07-01T10:00:00Z,store,paula.%1$s@example.de,PS-230,Photo Paper,%3$s,1,14.99,EUR
                pos,%1$s-q1,%1$s-Q1,2024-07-01T10:00:00Z,store,quirin.%1$s@example.de,PR-050,InkJet Home 2200,%2$s,1,89.00,EUR
                """.formatted(s, printers, ink));
        String quirin = profileOf("pos/" + s + "-q1");
        JsonNode afterwards = offersEventually(staff, quirin, 0.8);
        assertThat(afterwards.at("/offers/0/customers").asLong()).isEqualTo(4);
        assertThat(afterwards.at("/offers/0/becauseCustomers").asLong()).isEqualTo(5);
        assertThat(staff.json(staff.send(staff.get("/api/v1/profiles/" + paula + "/next-best-offers"))).get("offers"))
                .as("Paula has ink now").isEmpty();

        JsonNode openApi = admin.json(admin.send(admin.get("/v3/api-docs")));
        assertThat(openApi.at("/paths").has("/api/v1/profiles/{profileId}/next-best-offers")).isTrue();
        assertThat(openApi.at("/components/schemas/NextBestOffers/description").asText())
                .contains("confidence = n(A -> B) / n(A)").contains("lift = confidence / (n(B) / N)");
    }

    private JsonNode offersEventually(MosaicApiClient client, String profileId, double confidence) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode answer;
        do {
            HttpResponse<String> response = client.send(client.get("/api/v1/profiles/" + profileId + "/next-best-offers"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            answer = client.json(response);
            if (answer.at("/offers/0/confidence").asDouble() == confidence) {
                return answer;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no offer with confidence " + confidence + " for " + profileId + ": " + answer);
    }

    private String profileOf(String record) throws Exception {
        HttpResponse<String> found = admin.lookupEventually("/api/v1/profiles/lookup?type=record&value=" + record);
        assertThat(found.statusCode()).as(record).isEqualTo(200);
        return admin.json(found).get("profileId").asText();
    }

    private MosaicApiClient keyWith(String role) throws Exception {
        HttpResponse<String> created = admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\":\"" + role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"roles\":[\"" + role + "\"]}", "application/json")));
        assertThat(created.statusCode()).isEqualTo(201);
        return new MosaicApiClient(port, admin.json(created).get("secret").asText());
    }

    private static double round4(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
