package dev.mosaic.profile.domain;

import static dev.mosaic.profile.domain.Records.at;
import static dev.mosaic.profile.domain.Records.campaign;
import static dev.mosaic.profile.domain.Records.purchase;
import static dev.mosaic.profile.domain.Records.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * When a profile's time-relative values change with no new record: the instants a projection schedules its next
 * projection for. Each expectation is computed by hand in the comment above it.
 */
class TimeRelativeChangesTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void churnRiskChangesWhenTheScoreLeavesZeroThenDriftsDailyThenAtTheHighLevel() {
        // Orders on 1 and 31 January: rhythm 30 days.
        List<Instant> orders = List.of(at("2025-01-01T00:00:00Z"), at("2025-01-31T00:00:00Z"));

        // On 10 February the ratio is 10 / 30: the score leaves 0 at 1.01 rhythms = 30.3 days after the last order,
        // 2025-03-02T07:12:00Z, plus the second of margin.
        assertThat(ChurnRisk.changesAt(orders, at("2025-02-10T00:00:00Z"), DAY))
                .contains(at("2025-03-02T07:12:01Z"));
        // On 31 March the ratio is 2: the score climbs by the hour, so again after a day.
        assertThat(ChurnRisk.changesAt(orders, at("2025-03-31T00:00:00Z"), DAY)).contains(at("2025-04-01T00:00:00Z"));
        // With a week between recomputations, the MEDIUM level at 1.5 rhythms (45 days, 17 March) comes first.
        assertThat(ChurnRisk.changesAt(orders, at("2025-03-14T00:00:00Z"), Duration.ofDays(7)))
                .contains(at("2025-03-17T00:00:01Z"));
        // At 2.995 rhythms the score is 100 already (2.99); the HIGH level at 3 rhythms (90 days, 1 May) is next.
        assertThat(ChurnRisk.changesAt(orders, at("2025-04-30T21:50:00Z"), DAY)).contains(at("2025-05-01T00:00:01Z"));
        // HIGH is as high as it gets, and one order has no rhythm: nothing changes without a new order.
        assertThat(ChurnRisk.changesAt(orders, at("2025-06-01T00:00:00Z"), DAY)).isEmpty();
        assertThat(ChurnRisk.changesAt(List.of(at("2025-01-01T00:00:00Z")), at("2025-06-01T00:00:00Z"), DAY)).isEmpty();
    }

    @Test
    void theChurnRiskComputedAtTheScheduledInstantHasReallyChanged() {
        List<Instant> orders = List.of(at("2025-01-01T00:00:00Z"), at("2025-01-31T00:00:00Z"));
        Instant now = at("2025-03-10T00:00:00Z");
        Instant next = ChurnRisk.changesAt(orders, now, Duration.ofDays(30)).orElseThrow();

        assertThat(ChurnRisk.of(orders, now).orElseThrow().level()).isEqualTo(ChurnRisk.Level.LOW);
        assertThat(ChurnRisk.of(orders, next).orElseThrow().level()).isEqualTo(ChurnRisk.Level.MEDIUM);
        assertThat(ChurnRisk.of(orders, next.minusSeconds(2)).orElseThrow().level()).isEqualTo(ChurnRisk.Level.LOW);
    }

    @Test
    void needsAttentionChangesWhenAnOpenTicketPassesItsLimitAndWhenADetractorStopsBeingRecent() {
        AttentionRules rules = AttentionRules.DEFAULT;
        var openTicket = new NeedsAttention.OpenTicket("helpdesk/T1", at("2025-03-01T10:00:00Z"));
        var detractor = NetPromoterScore.latest(List.of(
                campaign("survey/1", "2025-01-15T10:00:00Z", "NPS-Q1", "email", "surveyed", 3)));

        // The ticket passes 48 hours on 3 March 10:00; the detractor answer leaves 90 days on 15 April 10:00.
        assertThat(NeedsAttention.changesAt(detractor, List.of(openTicket), rules, at("2025-03-01T12:00:00Z")))
                .contains(at("2025-03-03T10:00:01Z"));
        assertThat(NeedsAttention.changesAt(detractor, List.of(openTicket), rules, at("2025-03-04T00:00:00Z")))
                .contains(at("2025-04-15T10:00:01Z"));
        assertThat(NeedsAttention.changesAt(detractor, List.of(openTicket), rules, at("2025-05-01T00:00:00Z")))
                .isEmpty();
        // A promoter's answer never needs attention, whenever it was given.
        var promoter = NetPromoterScore.latest(List.of(
                campaign("survey/2", "2025-01-15T10:00:00Z", "NPS-Q1", "email", "surveyed", 9)));
        assertThat(NeedsAttention.changesAt(promoter, List.of(), rules, at("2025-03-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void revenueOfTheLastTwelveMonthsChangesWhenALineLeavesTheWindowOrAFutureLineEntersIt() {
        List<PurchaseSummary.Line> lines = PurchaseSummary.lines(List.of(
                purchase("pos/1", "2024-05-10T09:00:00Z", "O1", "store", "BER", "ink", 1, "10.00", false),
                purchase("pos/2", "2024-02-29T10:00:00Z", "O2", "store", "BER", "ink", 1, "10.00", false),
                purchase("pos/3", "2024-01-01T10:00:00Z", "O3", "store", "BER", "ink", 1, "10.00", true),
                purchase("web/4", "2025-07-01T00:00:00Z", "O4", "web", null, "ink", 1, "10.00", false)));

        // 29 February 2024 has no 29 February a year later: the line leaves at midnight into 1 March 2025.
        assertThat(PurchaseSummary.changesAt(lines, at("2025-01-01T00:00:00Z"))).contains(at("2025-03-01T00:00:00Z"));
        assertThat(PurchaseSummary.changesAt(lines, at("2025-03-01T00:00:00Z"))).contains(at("2025-05-10T09:00:00Z"));
        // The returned line never counts; the line dated 1 July enters the window then.
        assertThat(PurchaseSummary.changesAt(lines, at("2025-06-01T00:00:00Z"))).contains(at("2025-07-01T00:00:00Z"));
        assertThat(PurchaseSummary.of(List.of(
                        purchase("pos/2", "2024-02-29T10:00:00Z", "O2", "store", "BER", "ink", 1, "10.00", false)),
                at("2025-03-01T00:00:00Z")).revenueLast12Months()).isEqualByComparingTo("0");
        assertThat(PurchaseSummary.of(List.of(
                        purchase("pos/2", "2024-02-29T10:00:00Z", "O2", "store", "BER", "ink", 1, "10.00", false)),
                at("2025-02-28T23:59:59Z")).revenueLast12Months()).isEqualByComparingTo("10.00");
    }

    @Test
    void clvChangesOnceTheRelationshipPassesAYearAndThenDrifts() {
        Instant first = at("2024-01-01T00:00:00Z");
        // 1.005 x 365.25 days = 367.07625 days after the first purchase: 2025-01-02T01:49:48Z, plus the margin.
        assertThat(CustomerLifetimeValue.changesAt(new BigDecimal("99.90"), first, at("2024-06-01T00:00:00Z"), DAY))
                .contains(at("2025-01-02T01:49:49Z"));
        assertThat(CustomerLifetimeValue.changesAt(new BigDecimal("99.90"), first, at("2025-06-01T00:00:00Z"), DAY))
                .contains(at("2025-06-02T00:00:00Z"));
        // Without revenue in the last 12 months the value is minus the acquisition cost however long it has been.
        assertThat(CustomerLifetimeValue.changesAt(BigDecimal.ZERO, first, at("2025-06-01T00:00:00Z"), DAY)).isEmpty();
        assertThat(CustomerLifetimeValue.changesAt(BigDecimal.TEN, null, at("2025-06-01T00:00:00Z"), DAY)).isEmpty();
    }

    @Test
    void aProfileChangesAtTheEarliestOfItsScoresAndNotAtAllWithoutTimeRelativeData() {
        Instant now = at("2025-03-01T12:00:00Z");
        ProfileContent content = ProfileContent.of(List.of(
                purchase("pos/1", "2025-01-01T00:00:00Z", "O1", "store", "BER", "ink", 1, "10.00", false),
                purchase("pos/2", "2025-01-31T00:00:00Z", "O2", "store", "BER", "ink", 1, "10.00", false),
                ticket("helpdesk/T1", "2025-03-01T10:00:00Z", null, null, null, "open", null, null)),
                ProfileRules.DEFAULT, now);

        // The churn score leaves 0 at 30.3 days after 31 January (2 March 07:12), before the ticket passes 48 hours
        // (3 March 10:00) and long before a purchase leaves the last 12 months or the relationship passes a year.
        assertThat(content.changesAt()).isEqualTo(at("2025-03-02T07:12:01Z"));
        assertThat(content.cx().needsAttention().needed()).isFalse();

        ProfileContent quiet = ProfileContent.of(List.of(Records.customer("crm/1", "2025-01-01T00:00:00Z", "Anna",
                "Schmidt", "anna@example.de")), ProfileRules.DEFAULT, now);
        assertThat(quiet.changesAt()).isNull();
        assertThat(Optional.ofNullable(quiet.changesAt())).isEmpty();
    }
}
