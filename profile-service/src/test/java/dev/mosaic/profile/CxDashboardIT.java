package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
 * The CX dashboard on real Elasticsearch and Neo4j: five people's tickets and NPS answers of 2013 (a year no other
 * test uses) imported through the API, then read back as a marketer would. Stores carry this run's suffix.
 *
 * <pre>
 * NPS answers      when        channel  store  answer
 * Anna             2013-03-05  email    A      10
 * Ben              2013-03-12  email    A       9
 * Cem              2013-03-20  email    B       4   (his latest: detractor)
 * Dora             2013-03-25  sms      A       7
 * Dora             2013-04-02  sms      -       2   (her latest: detractor)
 * Emil             2013-01-15  email    B       5
 * Emil             2013-04-10  email    B       9   (his latest: promoter)
 *
 * tickets  opened            channel  store  first response  resolution  contacts  status    CSAT  CES
 * Anna     2013-03-01 09:00  email    A      42 min          370 min     1         resolved  5     4
 * Ben      2013-03-04 08:00  chat     A      165 min         3390 min    3         closed    2     2
 * Cem      2013-03-10 12:00  phone    B      5 min           60 min      1         resolved  4     3
 * Dora     2013-03-28 10:00  email    -      20 min          -           -         open      -     -
 * Emil     2013-04-03 10:00  email    B      60 min          120 min     2         resolved  4     5
 * </pre>
 * Today is 2013-05-01.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CxDashboardIT {

    private static final String KEY = "it-cx-dashboard-key";
    private static final Instant NOW = Instant.parse("2013-05-01T00:00:00Z");
    private static final String S = UUID.randomUUID().toString().substring(0, 8);
    private static final String A = "CXA-" + S;
    private static final String B = "CXB-" + S;
    private static final Path dataDir = TestStores.dataDirectory("mosaic-cx-dashboard-it");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
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

    private MosaicApiClient admin;
    private MosaicApiClient marketer;
    private String marketerName;

    @BeforeAll
    void importTicketsAndAnswers() throws Exception {
        admin = new MosaicApiClient(port, KEY);
        marketerName = "marketing-" + S;
        HttpResponse<String> created = admin.send(admin.withKey(admin.post("/api/v1/admin/keys",
                "{\"name\": \"" + marketerName + "\", \"roles\": [\"MARKETER\"]}", "application/json")));
        assertThat(created.statusCode()).isEqualTo(201);
        marketer = new MosaicApiClient(port, admin.json(created).get("secret").asText());

        importFile("customers", """
                source,record_id,first_name,last_name,email,city,consent_email
                crm,%1$s-1,Anna,Arndt,anna.%1$s@example.de,Berlin,true
                crm,%1$s-2,Ben,Brandt,ben.%1$s@example.de,Berlin,true
                crm,%1$s-3,Cem,Celik,cem.%1$s@example.de,Hamburg,true
                crm,%1$s-4,Dora,Dietz,dora.%1$s@example.de,Berlin,
                crm,%1$s-5,Emil,Ebert,emil.%1$s@example.de,Hamburg,false
                """.formatted(S));
        importFile("campaign_responses", """
                source,record_id,campaign_id,channel,occurred_at,event,email,nps,store_id
                survey,%1$s-n1,NPS-%1$s,email,2013-03-05T10:00:00Z,surveyed,anna.%1$s@example.de,10,%2$s
                survey,%1$s-n2,NPS-%1$s,email,2013-03-12T10:00:00Z,surveyed,ben.%1$s@example.de,9,%2$s
                survey,%1$s-n3,NPS-%1$s,email,2013-03-20T10:00:00Z,surveyed,cem.%1$s@example.de,4,%3$s
                survey,%1$s-n4,NPS-%1$s,sms,2013-03-25T10:00:00Z,surveyed,dora.%1$s@example.de,7,%2$s
                survey,%1$s-n5,NPS-%1$s,sms,2013-04-02T10:00:00Z,surveyed,dora.%1$s@example.de,2,
                survey,%1$s-n6,NPS-%1$s,email,2013-01-15T10:00:00Z,surveyed,emil.%1$s@example.de,5,%3$s
                survey,%1$s-n7,NPS-%1$s,email,2013-04-10T10:00:00Z,surveyed,emil.%1$s@example.de,9,%3$s
                newsletter,%1$s-x1,NL-%1$s,email,2013-03-06T10:00:00Z,opened,anna.%1$s@example.de,,%2$s
                """.formatted(S, A, B));
        importFile("tickets", """
                source,record_id,opened_at,first_response_at,resolved_at,channel,contacts,status,email,subject,csat,ces,store_id
                helpdesk,%1$s-t1,2013-03-01T09:00:00Z,2013-03-01T09:42:00Z,2013-03-01T15:10:00Z,email,1,resolved,anna.%1$s@example.de,Toner,5,4,%2$s
                helpdesk,%1$s-t2,2013-03-04T08:00:00Z,2013-03-04T10:45:00Z,2013-03-06T16:30:00Z,chat,3,closed,ben.%1$s@example.de,Invoice,2,2,%2$s
                helpdesk,%1$s-t3,2013-03-10T12:00:00Z,2013-03-10T12:05:00Z,2013-03-10T13:00:00Z,phone,1,resolved,cem.%1$s@example.de,Broken,4,3,%3$s
                helpdesk,%1$s-t4,2013-03-28T10:00:00Z,2013-03-28T10:20:00Z,,email,,open,dora.%1$s@example.de,Delivery,,,
                helpdesk,%1$s-t5,2013-04-03T10:00:00Z,2013-04-03T11:00:00Z,2013-04-03T12:00:00Z,email,2,resolved,emil.%1$s@example.de,Return,4,5,%3$s
                """.formatted(S, A, B));
        awaitDashboard("from=2013-01-01&to=2013-04-30", 5, 7);
    }

    @Test
    void npsOfThreeMarchAnswersByEmailIsTwoPromotersMinusOneDetractorInThree() throws Exception {
        JsonNode march = dashboard("from=2013-03-01&to=2013-03-31&channel=email");

        assertThat(march.get("periods")).hasSize(1);
        JsonNode figures = march.at("/periods/0/figures");
        assertThat(march.at("/periods/0/period").asText()).isEqualTo("2013-03");
        // 10, 9, 4: (2 promoters - 1 detractor) / 3 answers = 33.3
        assertThat(nps(figures)).isEqualTo("33.3 of 3: 2/0/1");
        // the email tickets of March: Anna's (42 min, CSAT 5) and Dora's (20 min, still open)
        assertThat(minutes(figures.get("firstResponseTime"))).isEqualTo("31.0 / 31.0 of 2");
        assertThat(rate(figures.get("csat"))).isEqualTo("100.0 = 1/1");
        assertThat(figures.get("tickets").asLong()).isEqualTo(2);
    }

    @Test
    void everyScoreOfMarchOverAllChannelsAndStores() throws Exception {
        JsonNode figures = dashboard("from=2013-03-01&to=2013-03-31").at("/periods/0/figures");

        assertThat(nps(figures)).isEqualTo("25.0 of 4: 2/1/1"); // 10, 9, 7, 4
        assertThat(rate(figures.get("csat"))).isEqualTo("66.7 = 2/3"); // 5, 2, 4
        assertThat(rate(figures.get("ces"))).isEqualTo("33.3 = 1/3"); // 4, 2, 3
        // 42, 165, 5, 20: average 58.0, median (20 + 42) / 2 = 31.0
        assertThat(minutes(figures.get("firstResponseTime"))).isEqualTo("58.0 / 31.0 of 4");
        // 370, 3390, 60: average 1273.3, median 370.0
        assertThat(minutes(figures.get("resolutionTime"))).isEqualTo("1273.3 / 370.0 of 3");
        // resolved with 1, 3 and 1 contacts; Dora's open ticket counts in neither part
        assertThat(rate(figures.get("firstContactResolution"))).isEqualTo("66.7 = 2/3");
        assertThat(figures.get("tickets").asLong()).isEqualTo(4);
    }

    @Test
    void showsEveryMonthOfThePeriodEmptyOnesIncludedAndTheWholeTime() throws Exception {
        JsonNode dashboard = dashboard("from=2013-01-01&to=2013-04-30&interval=month");

        assertThat(texts(dashboard.get("periods"), "period")).containsExactly("2013-01", "2013-02", "2013-03", "2013-04");
        assertThat(nps(dashboard.at("/periods/0/figures"))).isEqualTo("-100.0 of 1: 0/0/1");
        assertThat(nps(dashboard.at("/periods/1/figures"))).isEqualTo("null of 0: 0/0/0");
        assertThat(rate(dashboard.at("/periods/1/figures/csat"))).isEqualTo("null = 0/0");
        assertThat(minutes(dashboard.at("/periods/1/figures/resolutionTime"))).isEqualTo("null / null of 0");
        assertThat(nps(dashboard.at("/periods/3/figures"))).isEqualTo("0.0 of 2: 1/0/1"); // 2, 9
        assertThat(rate(dashboard.at("/periods/3/figures/firstContactResolution"))).isEqualTo("0.0 = 0/1");

        JsonNode total = dashboard.get("total");
        assertThat(nps(total)).isEqualTo("0.0 of 7: 3/1/3");
        assertThat(rate(total.get("csat"))).isEqualTo("75.0 = 3/4");
        assertThat(rate(total.get("ces"))).isEqualTo("50.0 = 2/4");
        // 42, 165, 5, 20, 60: average 58.4, median 42; 370, 3390, 60, 120: average 985.0, median (120 + 370) / 2
        assertThat(minutes(total.get("firstResponseTime"))).isEqualTo("58.4 / 42.0 of 5");
        assertThat(minutes(total.get("resolutionTime"))).isEqualTo("985.0 / 245.0 of 4");
        assertThat(rate(total.get("firstContactResolution"))).isEqualTo("50.0 = 2/4");
        assertThat(total.get("tickets").asLong()).isEqualTo(5);
    }

    @Test
    void countsWeeksFromMondayAndCutsTheFirstAndLastToTheChosenDays() throws Exception {
        JsonNode dashboard = dashboard("from=2013-03-01&to=2013-03-14&interval=week");

        assertThat(texts(dashboard.get("periods"), "period")).containsExactly("2013-W09", "2013-W10", "2013-W11");
        assertThat(texts(dashboard.get("periods"), "from")).containsExactly("2013-03-01", "2013-03-04", "2013-03-11");
        assertThat(texts(dashboard.get("periods"), "to")).containsExactly("2013-03-03", "2013-03-10", "2013-03-14");
        assertThat(dashboard.get("periods")).extracting(period -> period.at("/figures/tickets").asLong())
                .containsExactly(1L, 2L, 0L);
        assertThat(dashboard.get("periods")).extracting(period -> nps(period.get("figures")))
                .containsExactly("null of 0: 0/0/0", "100.0 of 1: 1/0/0", "100.0 of 1: 1/0/0");
    }

    @Test
    void breaksTheWholeTimeDownByChannelAndByStoreWithTouchpointsNamingNoStoreApart() throws Exception {
        JsonNode dashboard = dashboard("from=2013-01-01&to=2013-04-30");

        JsonNode channels = dashboard.get("byChannel");
        assertThat(texts(channels, "key")).containsExactly("email", "sms", "chat", "phone");
        assertThat(channels).extracting(channel -> channel.get("touchpoints").asLong()).containsExactly(8L, 2L, 1L, 1L);
        assertThat(nps(channels.get(0).get("figures"))).isEqualTo("20.0 of 5: 3/0/2"); // 10, 9, 4, 5, 9
        assertThat(nps(channels.get(1).get("figures"))).isEqualTo("-50.0 of 2: 0/1/1"); // 7, 2

        JsonNode stores = dashboard.get("byStore");
        assertThat(texts(stores, "key")).containsExactly(A, B, "null");
        assertThat(stores).extracting(store -> store.get("touchpoints").asLong()).containsExactly(5L, 5L, 2L);
        assertThat(nps(stores.get(0).get("figures"))).isEqualTo("66.7 of 3: 2/1/0"); // 10, 9, 7
        assertThat(rate(stores.get(0).get("figures").get("csat"))).isEqualTo("50.0 = 1/2"); // 5, 2
        assertThat(nps(stores.get(1).get("figures"))).isEqualTo("-33.3 of 3: 1/0/2"); // 4, 5, 9
        assertThat(rate(stores.get(1).get("figures").get("csat"))).isEqualTo("100.0 = 2/2"); // 4, 4
        assertThat(stores.get(2).get("key").isNull()).isTrue();
        assertThat(nps(stores.get(2).get("figures"))).isEqualTo("-100.0 of 1: 0/0/1"); // Dora's 2
    }

    @Test
    void aStoreFilterNarrowsTheSeriesAndTheChannelsButStillListsEveryStore() throws Exception {
        JsonNode dashboard = dashboard("from=2013-01-01&to=2013-04-30&store=" + A);

        assertThat(dashboard.get("store").asText()).isEqualTo(A);
        assertThat(nps(dashboard.get("total"))).isEqualTo("66.7 of 3: 2/1/0");
        assertThat(dashboard.at("/total/tickets").asLong()).isEqualTo(2);
        assertThat(texts(dashboard.get("byChannel"), "key")).containsExactly("email", "chat", "sms");
        assertThat(texts(dashboard.get("byStore"), "key")).containsExactly(A, B, "null");

        JsonNode emailInA = dashboard("from=2013-03-01&to=2013-03-31&channel=email&store=" + A);
        assertThat(nps(emailInA.at("/periods/0/figures"))).isEqualTo("100.0 of 2: 2/0/0");
        assertThat(texts(emailInA.get("byStore"), "key")).containsExactly(A, B, "null");
    }

    @Test
    void withoutDatesShowsTheCurrentMonthAndTheElevenBefore() throws Exception {
        JsonNode dashboard = dashboard("");

        assertThat(dashboard.get("from").asText()).isEqualTo("2012-06-01");
        assertThat(dashboard.get("to").asText()).isEqualTo("2013-05-01");
        assertThat(dashboard.get("interval").asText()).isEqualTo("month");
        assertThat(texts(dashboard.get("periods"), "period")).hasSize(12).startsWith("2012-06").endsWith("2013-05");
    }

    @Test
    void listsTheDetractorsToFollowUpNewestFirstWithoutContactData() throws Exception {
        HttpResponse<String> response = marketer.send(marketer.get("/api/v1/cx/detractors?from=2013-01-01&to=2013-04-30"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = marketer.json(response);
        assertThat(page.get("total").asLong()).isEqualTo(2);
        JsonNode dora = page.at("/detractors/0");
        assertThat(dora.get("displayName").asText()).isEqualTo("Dora Dietz");
        assertThat(dora.get("score").asInt()).isEqualTo(2);
        assertThat(dora.get("answeredAt").asText()).isEqualTo("2013-04-02T10:00:00Z");
        assertThat(dora.get("channel").asText()).isEqualTo("sms");
        assertThat(dora.get("store").isNull()).isTrue();
        assertThat(dora.get("emailConsent").isNull()).isTrue();
        assertThat(dora.get("needsAttention").asBoolean()).isTrue(); // a detractor 29 days ago
        JsonNode cem = page.at("/detractors/1");
        assertThat(cem.get("displayName").asText()).isEqualTo("Cem Celik");
        assertThat(cem.get("score").asInt()).isEqualTo(4);
        assertThat(cem.get("campaignId").asText()).isEqualTo("NPS-" + S);
        assertThat(cem.get("store").asText()).isEqualTo(B);
        assertThat(cem.get("emailConsent").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain("@example.de").doesNotContain("Emil");

        assertThat(detractorNames("from=2013-01-01&to=2013-04-30&page=1&size=1")).containsExactly("Cem Celik");
        assertThat(detractorNames("from=2013-03-01&to=2013-03-31")).as("Dora's latest answer is April's")
                .containsExactly("Cem Celik");
        assertThat(detractorNames("from=2013-01-01&to=2013-04-30&store=" + B)).containsExactly("Cem Celik");
        assertThat(detractorNames("from=2013-01-01&to=2013-04-30&channel=sms")).containsExactly("Dora Dietz");
    }

    @Test
    void recordsWhoReadTheDetractorsInTheAuditTrail() throws Exception {
        assertThat(marketer.send(marketer.get("/api/v1/cx/detractors?from=2013-01-01&to=2013-04-30")).statusCode())
                .isEqualTo(200);

        JsonNode entries = admin.json(admin.send(admin.get("/api/v1/admin/audit?action=cx.detractors&who="
                + marketerName)));
        assertThat(entries.findValues("path")).extracting(JsonNode::asText).contains("/api/v1/cx/detractors");
    }

    @Test
    void theProfileShowsTheChannelAndStoreOfTheLatestNpsAnswer() throws Exception {
        JsonNode cem = admin.json(admin.lookupEventually("/api/v1/profiles/lookup?type=email&value=cem." + S
                + "%40example.de"));

        assertThat(cem.at("/cx/nps/score").asInt()).isEqualTo(4);
        assertThat(cem.at("/cx/nps/channel").asText()).isEqualTo("email");
        assertThat(cem.at("/cx/nps/store").asText()).isEqualTo(B);
    }

    @Test
    void refusesPeriodsItCannotShowInPlainWords() throws Exception {
        assertThat(problem("/api/v1/cx/dashboard?from=2013-04-01&to=2013-03-01"))
                .isEqualTo("'to' (2013-03-01) is before 'from' (2013-04-01)");
        assertThat(problem("/api/v1/cx/dashboard?from=1.3.2013")).isEqualTo("from '1.3.2013' is not a date like 2025-03-31");
        assertThat(problem("/api/v1/cx/dashboard?interval=day")).isEqualTo("interval 'day' is not one of: week, month");
        assertThat(problem("/api/v1/cx/dashboard?from=2000-01-01&to=2013-01-01"))
                .isEqualTo("from 2000-01-01 to 2013-01-01 are 157 months; at most 120 are shown at once");
        assertThat(problem("/api/v1/cx/detractors?size=0")).isEqualTo("page must be 0 or more and size 1..100");
    }

    private String problem(String path) throws Exception {
        HttpResponse<String> response = marketer.send(marketer.get(path));
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        return marketer.json(response).get("detail").asText();
    }

    private JsonNode dashboard(String query) throws Exception {
        HttpResponse<String> response = marketer.send(marketer.get("/api/v1/cx/dashboard?" + query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return marketer.json(response);
    }

    private List<String> detractorNames(String query) throws Exception {
        JsonNode page = marketer.json(marketer.send(marketer.get("/api/v1/cx/detractors?" + query)));
        return texts(page.get("detractors"), "displayName");
    }

    private void awaitDashboard(String query, long tickets, long answers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode total = dashboard(query).get("total");
        while ((total.get("tickets").asLong() != tickets || total.at("/nps/answers").asLong() != answers)
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            total = dashboard(query).get("total");
        }
        assertThat(total.get("tickets").asLong()).isEqualTo(tickets);
        assertThat(total.at("/nps/answers").asLong()).isEqualTo(answers);
    }

    private void importFile(String type, String csv) throws Exception {
        HttpResponse<String> accepted = admin.send(admin.withKey(admin.post("/api/v1/imports?type=" + type, csv,
                "text/csv")));
        assertThat(accepted.statusCode()).as(type).isEqualTo(202);
        JsonNode status = admin.awaitImport(admin.json(accepted).get("importId").asText());
        assertThat(status.get("status").asText()).as(type).isEqualTo("COMPLETED");
        assertThat(status.at("/counts/quarantined").asInt()).as(type + ": " + status).isZero();
    }

    /** "score of answers: promoters/passives/detractors" */
    private static String nps(JsonNode figures) {
        JsonNode nps = figures.get("nps");
        return nps.get("score").asText() + " of " + nps.get("answers").asLong() + ": " + nps.get("promoters").asLong()
                + "/" + nps.get("passives").asLong() + "/" + nps.get("detractors").asLong();
    }

    /** "percent = matching/total" */
    private static String rate(JsonNode rate) {
        return rate.get("percent").asText() + " = " + rate.get("matching").asLong() + "/" + rate.get("total").asLong();
    }

    /** "average / median of tickets" */
    private static String minutes(JsonNode minutes) {
        return minutes.get("average").asText() + " / " + minutes.get("median").asText() + " of "
                + minutes.get("tickets").asLong();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }
}
