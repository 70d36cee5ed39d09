package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

/**
 * Five people, Paula, Peter, Petra, Paul and Pia, in a town of their own, with purchases, tickets, NPS answers and
 * social interactions of all five types imported through the API, the clock at 2025-06-01T00:00Z and winning a web
 * customer costing 25.00: each per-profile score and each segment statistic checked against numbers worked out by
 * hand in the comments, on real Neo4j and Elasticsearch. The answers are lopsided on purpose (three promoters, one
 * passive, one detractor), so a swapped sign or category cannot pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentStatisticsIT {

    private static final String KEY = "it-statistics-key";
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final Path dataDir = TestStores.dataDirectory("mosaic-statistics-it");
    private static final String S = UUID.randomUUID().toString().substring(0, 8);
    private static final String TOWN = "Zahlenstadt" + S;
    private static final String PETER_OLD_PHONE = "+49 170 " + digits(1);
    private static final String PETER_PHONE = "+49 170 " + digits(2);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
        registry.add("mosaic.elasticsearch-profile-alias", () -> "statistics-it-" + S);
        registry.add("mosaic.profile.acquisition-cost.web", () -> "25.00");
        registry.add("mosaic.rate-limit.requests-per-second", () -> "0");
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

    private MosaicApiClient api;
    private String paula;
    private String peter;
    private String petra;
    private String segmentId;

    @BeforeAll
    void importThem() throws Exception {
        api = new MosaicApiClient(port, KEY);
        api.importWithoutQuarantine("customers", """
                source,record_id,first_name,last_name,email,phone,loyalty_id,city,created_at,consent_email,consent_sms
                crm,%1$s-p1a,Paula,Eins,p1old.%1$s@example.de,,L1-%1$s,%2$s,2021-01-01T00:00:00Z,true,
                crm,%1$s-p1b,Paula,Eins,p1new.%1$s@example.de,,L1-%1$s,%2$s,2022-01-01T00:00:00Z,,
                pos,%1$s-p1c,Paula,Eins,p1old.%1$s@example.de,,,%2$s,2025-01-01T00:00:00Z,,
                crm,%1$s-p2a,Peter,Zwei,p2.%1$s@example.de,%3$s,L2-%1$s,%2$s,,,true
                crm,%1$s-p2b,Peter,Zwei,p2.%1$s@example.de,%4$s,L2-%1$s,%2$s,,,
                crm,%1$s-p2c,Peter,Zwei,p2.%1$s@example.de,%4$s,L2-%1$s,%2$s,,,
                pos,%1$s-p2d,Peter,Zwei,p2.%1$s@example.de,%3$s,L2-%1$s,%2$s,,,
                pos,%1$s-p2e,Peter,Zwei,p2.%1$s@example.de,%3$s,L2-%1$s,%2$s,,,
                pos,%1$s-p2f,Peter,Zwei,p2.%1$s@example.de,%3$s,L2-%1$s,%2$s,,,
                crm,%1$s-p3a,Petra,Drei,p3.%1$s@example.de,,,%2$s,,,
                crm,%1$s-p4a,Paul,Vier,p4.%1$s@example.de,+49 151 %5$s,,%2$s,,,true
                crm,%1$s-p5a,Pia,Fuenf,p5.%1$s@example.de,,,%2$s,,true,
                """.formatted(S, TOWN, PETER_OLD_PHONE, PETER_PHONE, digits(3)));
        api.importWithoutQuarantine("purchases", """
                source,record_id,order_id,occurred_at,channel,store_id,email,sku,product_name,category,quantity,unit_price,currency,returned
                webshop,%1$s-o1a,%1$s-O1,2025-01-01T00:00:00Z,web,,p1new.%1$s@example.de,PR,Printer,Printers,1,100.00,EUR,false
                pos,%1$s-o1b,%1$s-O2,2025-03-02T00:00:00Z,store,ST-%1$s,p1new.%1$s@example.de,IN,Ink,ink,1,25.00,EUR,false
                pos,%1$s-o2a,%1$s-O3,2024-12-01T00:00:00Z,store,ST-%1$s,p2.%1$s@example.de,KA,Kaffee,Kaffee,5,10.00,EUR,false
                pos,%1$s-o2b,%1$s-O3,2024-12-01T00:00:00Z,store,ST-%1$s,p2.%1$s@example.de,TE,Tee,Tee,4,10.00,EUR,false
                pos,%1$s-o2c,%1$s-O3,2024-12-01T00:00:00Z,store,ST-%1$s,p2.%1$s@example.de,KK,Kakao,Kakao,3,10.00,EUR,false
                pos,%1$s-o2d,%1$s-O4,2025-05-01T00:00:00Z,store,ST-%1$s,p2.%1$s@example.de,GM,Bank,Gartenmoebel,1,80.00,EUR,false
                pos,%1$s-o3a,%1$s-O5,2025-04-01T00:00:00Z,store,ST-%1$s,p3.%1$s@example.de,BU,Buch,books,1,300.00,EUR,false
                pos,%1$s-o4a,%1$s-O6,2024-07-01T00:00:00Z,store,ST-%1$s,p4.%1$s@example.de,SO,Sofa,furniture,1,200.00,EUR,false
                pos,%1$s-o4b,%1$s-O7,2024-09-01T00:00:00Z,store,ST-%1$s,p4.%1$s@example.de,SE,Sessel,furniture,1,200.00,EUR,false
                webshop,%1$s-o5a,%1$s-O8,2025-02-01T00:00:00Z,web,,p5.%1$s@example.de,LA,Lampe,lamps,1,50.00,EUR,true
                """.formatted(S));
        api.importWithoutQuarantine("tickets", """
                source,record_id,opened_at,first_response_at,resolved_at,channel,contacts,status,email,subject,csat,ces
                helpdesk,%1$s-t1,2025-05-01T10:00:00Z,2025-05-01T10:30:00Z,2025-05-01T12:00:00Z,email,1,resolved,p1new.%1$s@example.de,A,5,4
                helpdesk,%1$s-t2,2025-05-02T10:00:00Z,2025-05-02T11:00:00Z,2025-05-02T14:00:00Z,email,2,resolved,p1new.%1$s@example.de,B,2,2
                helpdesk,%1$s-t3,2025-05-03T09:00:00Z,2025-05-03T09:10:00Z,2025-05-03T09:40:00Z,chat,1,resolved,p2.%1$s@example.de,C,4,5
                helpdesk,%1$s-t4,2025-05-04T08:00:00Z,2025-05-04T08:20:00Z,,phone,,open,p4.%1$s@example.de,D,,
                helpdesk,%1$s-t5,2025-05-05T10:00:00Z,2025-05-05T10:05:00Z,2025-05-05T10:35:00Z,email,,resolved,p3.%1$s@example.de,E,2,4
                """.formatted(S));
        api.importWithoutQuarantine("campaign_responses", """
                source,record_id,campaign_id,campaign_name,channel,occurred_at,event,email,nps
                survey,%1$s-n1a,NPS-1,Q1,email,2025-01-10T10:00:00Z,surveyed,p1new.%1$s@example.de,0
                survey,%1$s-n1b,NPS-2,Q2,email,2025-05-10T10:00:00Z,surveyed,p1new.%1$s@example.de,10
                survey,%1$s-n2,NPS-2,Q2,email,2025-05-10T10:00:00Z,surveyed,p2.%1$s@example.de,9
                survey,%1$s-n3,NPS-2,Q2,email,2025-05-10T10:00:00Z,surveyed,p3.%1$s@example.de,9
                survey,%1$s-n4,NPS-2,Q2,email,2025-05-10T10:00:00Z,surveyed,p4.%1$s@example.de,7
                survey,%1$s-n5,NPS-2,Q2,email,2025-05-20T10:00:00Z,surveyed,p5.%1$s@example.de,2
                """.formatted(S));
        api.importWithoutQuarantine("social_interactions", """
                source,record_id,platform,handle,display_name,occurred_at,kind,text,sentiment,email
                instagram,%1$s-s1a,instagram,paula%1$s,Paula,2025-04-01T10:00:00Z,comment,Great,0.8,p1new.%1$s@example.de
                instagram,%1$s-s1b,instagram,paula%1$s,Paula,2025-04-02T10:00:00Z,comment,Good,0.4,p1new.%1$s@example.de
                x,%1$s-s2,x,peter%1$s,Peter,2025-04-03T10:00:00Z,mention,Meh,-0.5,p2.%1$s@example.de
                """.formatted(S));
        paula = profileIdOf("L1-" + S);
        peter = profileIdOf("L2-" + S);
        petra = api.json(api.lookupEventually("/api/v1/profiles/lookup?type=email&value="
                + URLEncoder.encode("p3." + S + "@example.de", StandardCharsets.UTF_8))).get("profileId").asText();
        HttpResponse<String> saved = api.send(api.withKey(api.post("/api/v1/segments", "{\"name\": \"" + TOWN
                + "\", \"condition\": " + town() + "}", "application/json")));
        assertThat(saved.statusCode()).isEqualTo(201);
        segmentId = api.json(saved).get("id").asText();
        assertThat(api.json(api.send(api.get("/api/v1/segments/" + segmentId + "/members"))).get("total").asLong())
                .as("five people, each one profile").isEqualTo(5);
        // Statistics are searches: they see a projected profile after the index's next refresh, so wait until the
        // last import (the three social interactions) shows before asserting anything.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (api.json(api.send(api.get("/api/v1/segments/" + segmentId + "/stats")))
                .at("/socialSentiment/interactions").asInt() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String town() {
        return "{\"field\": \"city\", \"eq\": \"" + TOWN + "\"}";
    }

    @Test
    void segmentStatisticsSumUpEachScoreOverTheMembersAsWorkedOutByHand() throws Exception {
        JsonNode stats = api.json(api.send(api.get("/api/v1/segments/" + segmentId + "/stats")));
        assertThat(stats.get("members").asLong()).isEqualTo(5);

        // Latest answers 10 (Paula's earlier 0 does not count), 9, 9, 7, 2: 3 promoters, 1 passive, 1 detractor.
        // NPS = (3 - 1) / 5 x 100 = 40.0; with promoters and detractors swapped it would be -40.0.
        assertThat(stats.at("/nps/score").asDouble()).isEqualTo(40.0);
        assertThat(stats.at("/nps/promoters").asInt()).isEqualTo(3);
        assertThat(stats.at("/nps/passives").asInt()).isEqualTo(1);
        assertThat(stats.at("/nps/detractors").asInt()).isEqualTo(1);
        assertThat(stats.at("/nps/byScore").toString()).isEqualTo("{\"2\":1,\"7\":1,\"9\":2,\"10\":1}");

        // CSAT answers 5, 2 (Paula), 4 (Peter), 2 (Petra): 2 of 4 are 4 or 5 = 50.0 %.
        assertThat(stats.at("/csat/percent").asDouble()).isEqualTo(50.0);
        assertThat(stats.at("/csat/answers").asInt()).isEqualTo(4);
        // CES answers 4, 2, 5, 4: 3 of 4 = 75.0 %.
        assertThat(stats.at("/ces/percent").asDouble()).isEqualTo(75.0);
        assertThat(stats.at("/ces/total").asInt()).isEqualTo(4);
        assertThat(stats.at("/ces/profiles").asInt()).isEqualTo(3);
        // Resolved tickets with a contact count: 1 and 2 (Paula), 1 (Peter); Petra's has none: 2 of 3 = 66.7 %.
        assertThat(stats.at("/firstContactResolution/percent").asDouble()).isEqualTo(66.7);
        assertThat(stats.at("/firstContactResolution/total").asInt()).isEqualTo(3);
        // First responses 30, 60, 10, 20, 5 minutes: (30 + 60 + 10 + 20 + 5) / 5 = 25.0. The members' medians are
        // 45, 10, 20 and 5: their median is (10 + 20) / 2 = 15.0.
        assertThat(stats.at("/firstResponseTime/average").asDouble()).isEqualTo(25.0);
        assertThat(stats.at("/firstResponseTime/tickets").asInt()).isEqualTo(5);
        assertThat(stats.at("/firstResponseTime/profiles").asInt()).isEqualTo(4);
        assertThat(stats.at("/firstResponseTime/medianOfMembers").asDouble()).isEqualTo(15.0);
        // Resolutions 120, 240, 40, 35 minutes: 435 / 4 = 108.75 -> 108.8; medians 180, 40, 35 -> 40.0.
        assertThat(stats.at("/resolutionTime/average").asDouble()).isEqualTo(108.8);
        assertThat(stats.at("/resolutionTime/medianOfMembers").asDouble()).isEqualTo(40.0);
        // Sentiment 0.8 and 0.4 (Paula), -0.5 (Peter): 0.7 / 3 = 0.233 -> 0.23 (not the members' 0.6 and -0.5 -> 0.05).
        assertThat(stats.at("/socialSentiment/average").asDouble()).isEqualTo(0.23);
        assertThat(stats.at("/socialSentiment/interactions").asInt()).isEqualTo(3);
        // Churn: Paula MEDIUM (26), Peter LOW (0), Paul HIGH (100), Petra and Pia one order each: UNKNOWN.
        // Average of the scores: (26 + 0 + 100) / 3 = 42.0.
        assertThat(stats.at("/churnRisk/byLevel").toString())
                .isEqualTo("{\"HIGH\":1,\"LOW\":1,\"MEDIUM\":1,\"UNKNOWN\":2}");
        assertThat(stats.at("/churnRisk/averageScore").asDouble()).isEqualTo(42.0);
        // CX health 72, 86, 59 (theCxHealthOfEachMember...), Paul 39 (NPS 70 x 0.25 + retention 0 x 0.20 = 17.5 / 0.45)
        // and Pia 20 (her NPS 2 x 10 alone): average 276 / 5 = 55.2.
        assertThat(stats.at("/health/average").asDouble()).isEqualTo(55.2);
        // Percentiles of n values lie between the closest ranks, at rank p x (n - 1): of 20, 39, 59, 72, 86 the 25th
        // is rank 1 (39), the 75th rank 3 (72).
        assertThat(stats.at("/health/p25").asDouble()).isEqualTo(39.0);
        assertThat(stats.at("/health/median").asDouble()).isEqualTo(59.0);
        assertThat(stats.at("/health/p75").asDouble()).isEqualTo(72.0);
        assertThat(stats.at("/health/profiles").asInt()).isEqualTo(5);
        // CLV -25.00 (Pia), 100.00, 200.00, 300.00, 400.00 (Paul: 400.00 in the last 12 months, in store): p25 at
        // rank 0.25 x 4 = 1 -> 100, median rank 2 -> 200, p75 rank 3 -> 300, p90 rank 3.6 -> 300 + 0.6 x 100 = 360.
        assertThat(stats.at("/clv/profiles").asInt()).isEqualTo(5);
        assertThat(stats.at("/clv/min").asDouble()).isEqualTo(-25.0);
        assertThat(stats.at("/clv/p25").asDouble()).isEqualTo(100.0);
        assertThat(stats.at("/clv/median").asDouble()).isEqualTo(200.0);
        assertThat(stats.at("/clv/p75").asDouble()).isEqualTo(300.0);
        assertThat(stats.at("/clv/p90").asDouble()).isEqualTo(360.0);
        assertThat(stats.at("/clv/max").asDouble()).isEqualTo(400.0);

        JsonNode preview = api.json(api.send(api.withKey(api.post("/api/v1/segments/preview/stats",
                "{\"condition\": " + town() + "}", "application/json"))));
        assertThat(preview.get("segmentId").isNull()).isTrue();
        ((com.fasterxml.jackson.databind.node.ObjectNode) preview).set("segmentId", stats.get("segmentId"));
        assertThat(preview).as("the preview of the same condition").isEqualTo(stats);
    }

    @Test
    void theCxHealthOfEachMemberIsTheWeightedAverageOfThePartsTheyHaveDataFor() throws Exception {
        // Paula: NPS 100 x 0.25 + CSAT 50 x 0.20 + CES 50 x 0.10 + FCR 50 x 0.10 + sentiment 80 x 0.15
        //        + retention (100 - 26) x 0.20 = 25 + 10 + 5 + 5 + 12 + 14.8 = 71.8 -> 72.
        assertThat(api.profile(paula).at("/cx/health/score").asInt()).isEqualTo(72);
        // Peter: 90 x 0.25 + 100 x 0.20 + 100 x 0.10 + 100 x 0.10 + 25 x 0.15 + 100 x 0.20 = 86.25 -> 86.
        assertThat(api.profile(peter).at("/cx/health/score").asInt()).isEqualTo(86);
        // Petra: NPS 90, CSAT 0, CES 100 only: (22.5 + 0 + 10) / 0.55 = 59.09 -> 59.
        assertThat(api.profile(petra).at("/cx/health/score").asInt()).isEqualTo(59);
    }

    @Test
    void churnRiskBetweenOneAndThreeRhythmsIsRatioMinusOneHalvedInPercent() throws Exception {
        // Paula's orders on 1 January and 2 March: rhythm 60 days; 91 days since the last on 1 June.
        // ratio = 91 / 60 = 1.5167 -> MEDIUM (1.5 to 3); score = (1.5167 - 1) / 2 x 100 = 25.8 -> 26.
        JsonNode churn = api.profile(paula).at("/cx/churnRisk");
        assertThat(churn.get("averageDaysBetweenOrders").asDouble()).isEqualTo(60.0);
        assertThat(churn.get("daysSinceLastOrder").asDouble()).isEqualTo(91.0);
        assertThat(churn.get("ratio").asDouble()).isEqualTo(1.52);
        assertThat(churn.get("score").asInt()).isEqualTo(26);
        assertThat(churn.get("level").asText()).isEqualTo("MEDIUM");
        // Peter: 151 days between his orders, 31 since the last: ratio 0.21, still on rhythm.
        assertThat(api.profile(peter).at("/cx/churnRisk/score").asInt()).isZero();
    }

    @Test
    void aLowCsatAloneMakesAProfileNeedAttention() throws Exception {
        // Petra: a promoter (9), no open ticket, one CSAT answer of 2: 0.0 % is below 50.
        JsonNode attention = api.profile(petra).at("/cx/needsAttention");
        assertThat(attention.get("needed").asBoolean()).isTrue();
        assertThat(attention.get("reasons")).hasSize(1);
        assertThat(attention.at("/reasons/0").asText()).startsWith("low CSAT: 0.0%");
        // Paula's CSAT is exactly 50.0 %: not below, and nothing else applies.
        assertThat(api.profile(paula).at("/cx/needsAttention/needed").asBoolean()).isFalse();
    }

    @Test
    void clvOfEachMemberIsAnnualRevenueTimesYearsMinusTheAcquisitionCost() throws Exception {
        // Paula: first bought on the web (25.00), 125.00 in the last 12 months, 151 days: 1 year -> 100.00.
        assertThat(api.profile(paula).at("/cx/clv/value").decimalValue()).isEqualByComparingTo("100.00");
        // Peter: in store (no cost configured), 200.00 -> 200.00.
        assertThat(api.profile(peter).at("/cx/clv/value").decimalValue()).isEqualByComparingTo("200.00");
    }

    @Test
    void survivorshipDecidesRecencyAndFrequencyWithinTheMostTrustedSource() throws Exception {
        // Paula's CRM gave p1old in 2021 and p1new in 2022; the point of sale, trusted less, saw p1old in 2025.
        JsonNode email = api.profile(paula).at("/golden/email");
        assertThat(email.get("value").asText()).isEqualTo("p1new." + S + "@example.de");
        assertThat(email.get("decidedBy").asText()).isEqualTo("MOST_RECENT");
        // Peter's CRM has the new number twice and the old once; the point of sale has the old one three times.
        JsonNode phone = api.profile(peter).at("/golden/phone");
        assertThat(phone.get("value").asText()).isEqualTo(PETER_PHONE.replace(" ", ""));
        assertThat(phone.get("decidedBy").asText()).isEqualTo("MOST_FREQUENT");
        assertThat(phone.at("/values/0/occurrences").asInt()).isEqualTo(2);
    }

    @Test
    void aBoughtCategoryIsAnyCategoryBoughtInAnyCase() throws Exception {
        // Peter's garden bench is his fourth category by quantity, so not among his top three.
        assertThat(texts(api.profile(peter).at("/purchases/topCategories"), "category")).doesNotContain("Gartenmoebel");
        assertThat(count("{\"all\": [" + town() + ", {\"field\": \"purchases.category\", \"eq\": \"GARTENMOEBEL\"}]}"))
                .isEqualTo(1);
        assertThat(count("{\"all\": [" + town() + ", {\"field\": \"purchases.category\", \"in\": [\"printers\", "
                + "\"KAFFEE\"]}]}")).isEqualTo(2);
        // Pia's lamp went back: a returned line is not a category bought.
        assertThat(count("{\"all\": [" + town() + ", {\"field\": \"purchases.category\", \"eq\": \"lamps\"}]}"))
                .isZero();
    }

    @Test
    void theSmsExportHoldsOnlyMembersWithANumberATextReachesInE164() throws Exception {
        // Peter and Paul agreed to texts; Paul's number is a digit short and kept as typed, so it reaches nobody.
        HttpResponse<String> csv = api.send(api.get("/api/v1/segments/" + segmentId + "/export?format=csv&consent=sms"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith(",phone");
        assertThat(lines.get(1)).startsWith(peter + ",").endsWith(",'" + PETER_PHONE.replace(" ", ""));
        HttpResponse<String> jsonl = api.send(api.get("/api/v1/segments/" + segmentId + "/export?format=jsonl&consent=sms"));
        List<String> jsonLines = jsonl.body().lines().toList();
        assertThat(jsonLines).hasSize(1);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(jsonLines.getFirst()).get("phone").asText())
                .isEqualTo(PETER_PHONE.replace(" ", ""));
    }

    @Test
    void aNegativeClvStaysANumberInTheCsvExport() throws Exception {
        // Pia returned her only purchase: 0.00 x 1 year - 25.00 = -25.00, a number, not the text '-25.00.
        assertThat(api.profile(profileIdOfEmail("p5." + S + "@example.de")).at("/cx/clv/value").decimalValue())
                .isEqualByComparingTo("-25.00");
        String csv = api.send(api.get("/api/v1/segments/" + segmentId + "/export?format=csv&consent=none")).body();
        assertThat(csv.lines().filter(line -> line.contains("Pia")).findFirst()).hasValueSatisfying(line ->
                assertThat(line).endsWith(",-25.00").doesNotContain("'-25.00"));
        assertThat(csv.lines().filter(line -> line.contains("Paula")).findFirst()).hasValueSatisfying(line ->
                assertThat(line).endsWith(",100.00"));
    }

    private long count(String condition) throws Exception {
        HttpResponse<String> response = api.send(api.withKey(api.post("/api/v1/segments/preview",
                "{\"condition\": " + condition + "}", "application/json")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.json(response).get("count").asLong();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }

    private String profileIdOf(String loyaltyId) throws Exception {
        HttpResponse<String> found = api.lookupEventually("/api/v1/profiles/lookup?type=loyalty_id&value=" + loyaltyId);
        assertThat(found.statusCode()).isEqualTo(200);
        return api.json(found).get("profileId").asText();
    }

    private String profileIdOfEmail(String email) throws Exception {
        return api.json(api.lookupEventually("/api/v1/profiles/lookup?type=email&value="
                + URLEncoder.encode(email, StandardCharsets.UTF_8))).get("profileId").asText();
    }

    /** Seven digits of this run's own (not starting with 0), so its numbers meet no other test's people. */
    private static String digits(int salt) {
        return "1" + String.format("%06d", Math.floorMod((S + salt).hashCode(), 1_000_000));
    }
}
