package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * Lookups by each kind of identifier, a national number of another country, the source and time of a social handle,
 * and an erasure that leaves the person findable nowhere: not by name, identifier or record, not in a segment's members
 * or export, not in the graph. Through the HTTP API of a Mosaic on real Neo4j and Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LookupAndErasureIT {

    private static final String KEY = "it-lookup-key";
    private static final Path dataDir = TestStores.dataDirectory("mosaic-lookup-it");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.rate-limit.requests-per-second", () -> "0");
    }

    @LocalServerPort
    int port;

    private MosaicApiClient api;
    private String suffix;

    @BeforeEach
    void client() {
        api = new MosaicApiClient(port, KEY);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void findsAProfileByEachKindOfIdentifierTypedAsAPersonTypesIt() throws Exception {
        api.importWithoutQuarantine("customers", """
                source,record_id,first_name,last_name,email,phone,loyalty_id,social_handle,city,created_at
                crm,%1$s-1,Lotte,Kundenkarte,Lotte.%1$s@Example.de,+49 151 %2$s,LK-%1$s,instagram:lotte%1$s,Kiel,2024-03-01T10:00:00Z
                """.formatted(suffix, digits(8, 1)));
        String byEmail = lookup("email", " lotte." + suffix + "@EXAMPLE.de ");
        assertThat(lookup("loyalty_id", "LK-" + suffix)).as("loyalty id").isEqualTo(byEmail);
        assertThat(lookup("loyalty_id", "  LK-" + suffix + " ")).as("loyalty id with spaces").isEqualTo(byEmail);
        assertThat(lookup("phone", "0151/" + digits(8, 1))).isEqualTo(byEmail);
        assertThat(lookup("social_handle", "Instagram:Lotte" + suffix)).isEqualTo(byEmail);
        assertThat(lookup("record", "crm/" + suffix + "-1")).isEqualTo(byEmail);
        assertThat(status("loyalty_id", "LK-" + suffix + "-other")).isEqualTo(404);

        // The handle's source and time, as for every other value of the profile.
        JsonNode record = api.json(api.send(api.get("/api/v1/profiles/" + byEmail))).at("/sourceRecords/0");
        assertThat(record.get("socialHandle").asText()).isEqualTo("instagram:lotte" + suffix);
        assertThat(record.get("source").asText()).isEqualTo("crm");
        assertThat(record.get("occurredAt").asText()).isEqualTo("2024-03-01T10:00:00Z");
    }

    @Test
    void findsANumberImportedForAnotherCountryByTheDigitsWrittenOnTheCard() throws Exception {
        // Graz, 0316: valid in Austria, Switzerland and the Netherlands, not in Germany (the default region).
        String anton = digits(6, 2);
        String shared = digits(6, 3);
        api.importWithoutQuarantine("customers", """
                source,record_id,first_name,last_name,email,phone,country,city
                crm,%1$s-a,Anton,Grazer,anton.%1$s@example.at,0316 %2$s,AT,Graz
                crm,%1$s-b,Berta,Grazer,berta.%1$s@example.at,0316 %3$s,AT,Graz
                crm,%1$s-c,Carla,Zuercher,carla.%1$s@example.ch,0316 %3$s,CH,Zuerich
                """.formatted(suffix, anton, shared));
        String antonsProfile = lookup("email", "anton." + suffix + "@example.at");

        // Before, the number was read as German only: +49 316 …, which nobody holds.
        assertThat(lookup("phone", "0316 " + anton)).isEqualTo(antonsProfile);
        assertThat(lookup("phone", "+43 316 " + anton)).isEqualTo(antonsProfile);
        assertThat(status("phone", "+49 316 " + anton)).as("with a country code only that country").isEqualTo(404);
        // Two people hold these digits in two countries: no guess.
        HttpResponse<String> ambiguous = api.send(api.get(lookupPath("phone", "0316 " + shared)));
        assertThat(ambiguous.statusCode()).isEqualTo(409);
        assertThat(api.json(ambiguous).get("detail").asText()).contains("country code");
        assertThat(lookup("phone", "+41 316 " + shared)).isEqualTo(lookup("email", "carla." + suffix + "@example.ch"));
    }

    @Test
    void anErasedPersonIsFoundNowhereAndNothingOfThemIsLeftInTheGraph() throws Exception {
        String town = "Loeschhausen" + suffix;
        String phone = digits(8, 4);
        api.importWithoutQuarantine("customers", """
                source,record_id,first_name,last_name,email,phone,loyalty_id,social_handle,city,consent_email
                crm,%1$s-e1,Elfriede,Vergissmich,elfriede.%1$s@example.de,+49 160 %3$s,EV-%1$s,instagram:elfi%1$s,%2$s,true
                webshop,%1$s-e2,Elfriede,Vergissmich,elfriede.%1$s@example.de,,,,%2$s,
                crm,%1$s-n1,Norbert,Nachbar,norbert.%1$s@example.de,,,,%2$s,true
                """.formatted(suffix, town, phone));
        api.importWithoutQuarantine("purchases", """
                source,record_id,order_id,occurred_at,channel,email,sku,product_name,category,quantity,unit_price,currency
                webshop,%1$s-o1,%1$s-O1,2025-01-10T10:00:00Z,web,elfriede.%1$s@example.de,PR,Printer,printers,1,189.00,EUR
                """.formatted(suffix));
        String elfriede = lookup("email", "elfriede." + suffix + "@example.de");
        String norbert = lookup("email", "norbert." + suffix + "@example.de");
        HttpResponse<String> saved = api.send(api.withKey(api.post("/api/v1/segments", "{\"name\": \"" + town
                + "\", \"condition\": {\"field\": \"city\", \"eq\": \"" + town + "\"}}", "application/json")));
        String segment = api.json(saved).get("id").asText();
        assertThat(members(segment)).containsExactlyInAnyOrder(elfriede, norbert);
        assertThat(api.send(api.get("/api/v1/segments/" + segment + "/export?format=jsonl")).body())
                .contains("elfriede." + suffix);

        HttpResponse<String> erased = api.send(api.withKey(HttpRequest.newBuilder(
                api.uri("/api/v1/profiles/" + elfriede)).DELETE()));
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(api.json(erased).get("searchIndex").asText()).isEqualTo("removed");
        refresh();

        assertThat(status("email", "elfriede." + suffix + "@example.de")).isEqualTo(404);
        assertThat(status("phone", "0160 " + phone)).isEqualTo(404);
        assertThat(status("loyalty_id", "EV-" + suffix)).isEqualTo(404);
        assertThat(status("social_handle", "instagram:elfi" + suffix)).isEqualTo(404);
        assertThat(status("record", "crm/" + suffix + "-e1")).isEqualTo(404);
        assertThat(status("record", "webshop/" + suffix + "-o1")).isEqualTo(404);
        assertThat(api.searchHits("Elfriede Vergissmich")).doesNotContain(elfriede);
        assertThat(api.searchHits("Elfride Vergismich")).as("with typos").doesNotContain(elfriede);
        assertThat(api.searchHits("elfriede." + suffix + "@example.de")).isEmpty();
        assertThat(api.searchHits("0160" + phone)).isEmpty();
        assertThat(api.searchHits("EV-" + suffix)).isEmpty();
        assertThat(members(segment)).containsExactly(norbert);
        for (String format : List.of("csv", "jsonl")) {
            for (String consent : List.of("email", "none")) {
                String export = api.send(api.get("/api/v1/segments/" + segment + "/export?format=" + format
                        + "&consent=" + consent)).body();
                assertThat(export).as(format + " " + consent).doesNotContain(elfriede).doesNotContain("Elfriede")
                        .doesNotContain("elfriede." + suffix).contains(norbert);
            }
        }
        assertThat(api.send(api.get("/api/v1/export/memberships")).body()).doesNotContain(suffix + "-e1")
                .doesNotContain(suffix + "-e2").doesNotContain(suffix + "-o1").contains(suffix + "-n1");
        assertThat(api.send(api.get("/api/v1/profiles/" + elfriede + "/timeline")).statusCode()).isEqualTo(404);

        try (Driver neo4j = GraphDatabase.driver(SharedTestStores.neo4jBolt(), AuthTokens.none())) {
            Map<String, Object> parameters = Map.of("ids", List.of(suffix + "-e1", suffix + "-e2", suffix + "-o1"),
                    "values", List.of("elfriede." + suffix + "@example.de", "EV-" + suffix, "instagram:elfi" + suffix),
                    "phone", phone, "profile", elfriede);
            long left = neo4j.executableQuery("""
                            OPTIONAL MATCH (r:Record) WHERE r.recordId IN $ids
                            WITH count(r) AS records
                            OPTIONAL MATCH (i:Identifier) WHERE i.value IN $values OR i.value ENDS WITH $phone
                            WITH records, count(i) AS identifiers
                            OPTIONAL MATCH (p:Profile {id: $profile})
                            WITH records, identifiers, count(p) AS profiles
                            RETURN records + identifiers + profiles AS left""")
                    .withParameters(parameters).execute().records().getFirst().get("left").asLong();
            assertThat(left).as("records, identifiers and the profile of the erased person").isZero();
            long versions = neo4j.executableQuery("""
                            MATCH (n) WHERE any(key IN keys(n) WHERE n[key] IS :: STRING AND n[key] CONTAINS $name)
                            RETURN count(n) AS n""")
                    .withParameters(Map.of("name", "Vergissmich")).execute().records().getFirst().get("n").asLong();
            assertThat(versions).as("any node still holding her name, earlier record versions included").isZero();
        }
    }

    private List<String> members(String segment) throws Exception {
        List<String> ids = new ArrayList<>();
        api.json(api.send(api.get("/api/v1/segments/" + segment + "/members?size=100"))).get("members")
                .forEach(member -> ids.add(member.get("profileId").asText()));
        return ids;
    }

    private String lookup(String type, String value) throws Exception {
        HttpResponse<String> found = api.lookupEventually(lookupPath(type, value));
        assertThat(found.statusCode()).as("%s %s: %s", type, value, found.body()).isEqualTo(200);
        return api.json(found).get("profileId").asText();
    }

    private int status(String type, String value) throws Exception {
        return api.send(api.get(lookupPath(type, value))).statusCode();
    }

    private static String lookupPath(String type, String value) {
        return "/api/v1/profiles/lookup?type=" + type + "&value=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void refresh() throws Exception {
        api.send(HttpRequest.newBuilder(java.net.URI.create(SharedTestStores.elasticsearch() + "/_refresh"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Digits of this test's own (not starting with 0), so its numbers meet no other test's people. */
    private String digits(int length, int salt) {
        long bound = (long) Math.pow(10, length - 1);
        return "1" + String.format("%0" + (length - 1) + "d", Math.floorMod((suffix + salt).hashCode(), bound));
    }
}
