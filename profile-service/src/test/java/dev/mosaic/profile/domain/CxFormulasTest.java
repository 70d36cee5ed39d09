package dev.mosaic.profile.domain;

import static dev.mosaic.profile.domain.Records.at;
import static dev.mosaic.profile.domain.Records.campaign;
import static dev.mosaic.profile.domain.Records.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.Touchpoint;
import dev.mosaic.profile.domain.NetPromoterScore.Category;

/** Each score formula on data small enough to compute by hand; the arithmetic is in the comments. */
class CxFormulasTest {

    @Test
    void categorisesNpsAnswersAtTheBoundaries() {
        assertThat(Category.of(10)).isEqualTo(Category.PROMOTER);
        assertThat(Category.of(9)).isEqualTo(Category.PROMOTER);
        assertThat(Category.of(8)).isEqualTo(Category.PASSIVE);
        assertThat(Category.of(7)).isEqualTo(Category.PASSIVE);
        assertThat(Category.of(6)).isEqualTo(Category.DETRACTOR);
        assertThat(Category.of(0)).isEqualTo(Category.DETRACTOR);
        assertThatThrownBy(() -> Category.of(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void npsOfASetIsPercentPromotersMinusPercentDetractors() {
        // 3 promoters (10, 9, 10), 2 passives (8, 7), 2 detractors (6, 0) of 7: (3 - 2) / 7 x 100 = 14.29
        assertThat(NetPromoterScore.of(List.of(10, 9, 8, 7, 6, 0, 10))).contains(14.3);
        assertThat(NetPromoterScore.of(List.of(0, 1))).contains(-100.0);
        assertThat(NetPromoterScore.of(List.of(9, 10))).contains(100.0);
        assertThat(NetPromoterScore.of(List.of())).isEmpty();
    }

    @Test
    void aPersonsNpsIsTheirLatestAnswer() {
        Optional<NetPromoterScore.Answer> latest = NetPromoterScore.latest(List.of(
                campaign("survey/1", "2024-06-01T10:00:00Z", "NPS-Q2", "email", "surveyed", 9),
                campaign("survey/2", "2025-01-15T10:00:00Z", "NPS-Q1", "email", "surveyed", 3),
                campaign("newsletter/3", "2025-02-01T10:00:00Z", "NL-1", "email", "opened", null)));

        assertThat(latest).contains(new NetPromoterScore.Answer(3, Category.DETRACTOR, at("2025-01-15T10:00:00Z"),
                "survey", "2", "NPS-Q1", "email", null));
    }

    @Test
    void csatAndCesAreTheShareOfAnswersFourOrFive() {
        // 5, 2, 4: two of three are 4 or 5 = 66.67 %
        assertThat(Share.topTwoBoxes(List.of(5, 2, 4))).contains(new Share(66.7, 2, 3));
        // 4, 2, 3: one of three = 33.33 %
        assertThat(Share.topTwoBoxes(List.of(4, 2, 3))).contains(new Share(33.3, 1, 3));
        assertThat(Share.topTwoBoxes(List.of(3))).contains(new Share(0.0, 0, 1));
        assertThat(Share.topTwoBoxes(List.of())).isEmpty();
    }

    /** Four tickets: minutes to first response 42, 165, 5, 20; to resolution 370, -, 3390, 60. */
    private static final List<Touchpoint.SupportTicket> TICKETS = List.of(
            ticket("helpdesk/T-1", "2024-11-10T09:00:00Z", "2024-11-10T09:42:00Z", "2024-11-10T15:10:00Z", 1,
                    "resolved", 5, 4),
            ticket("helpdesk/T-2", "2025-01-04T10:15:00Z", "2025-01-04T13:00:00Z", null, 2, "open", null, null),
            ticket("helpdesk/T-3", "2025-02-01T08:30:00Z", "2025-02-01T08:35:00Z", "2025-02-03T17:00:00Z", 3,
                    "closed", 2, 2),
            ticket("helpdesk/T-4", "2025-02-10T12:00:00Z", "2025-02-10T12:20:00Z", "2025-02-10T13:00:00Z", 1,
                    "resolved", 4, 3))
            .stream().map(record -> (Touchpoint.SupportTicket) record.touchpoint()).toList();

    @Test
    void firstResponseTimeIsAverageAndMedianInMinutes() {
        // (42 + 165 + 5 + 20) / 4 = 58; median of 5, 20, 42, 165 = (20 + 42) / 2 = 31
        assertThat(TicketTimes.firstResponse(TICKETS)).contains(new TicketTimes.Minutes(58.0, 31.0, 4));
    }

    @Test
    void resolutionTimeCountsResolvedTicketsOnly() {
        // (370 + 3390 + 60) / 3 = 1273.33; median of 60, 370, 3390 = 370
        assertThat(TicketTimes.resolution(TICKETS)).contains(new TicketTimes.Minutes(1273.3, 370.0, 3));
    }

    @Test
    void firstContactResolutionIsResolvedWithOneContactOverResolved() {
        // resolved: T-1 (1 contact), T-3 (3), T-4 (1); the open T-2 does not count: 2 / 3
        assertThat(TicketTimes.firstContactResolution(TICKETS)).contains(new Share(66.7, 2, 3));
        assertThat(TicketTimes.firstContactResolution(List.of(TICKETS.get(1)))).isEmpty();
    }

    @Test
    void clvIsAnnualRevenueTimesRelationshipYearsMinusAcquisitionCost() {
        // 2022-03-01 to 2025-03-01 = 1096 days = 3.00 years; 1200.00 x 3.00 - 50 = 3550.00
        assertThat(CustomerLifetimeValue.of(new BigDecimal("1200.00"), at("2022-03-01T00:00:00Z"), "web",
                at("2025-03-01T00:00:00Z"), Map.of("web", new BigDecimal("50"))))
                .contains(new CustomerLifetimeValue(new BigDecimal("3550.00"), new BigDecimal("1200.00"), 3.0, "web",
                        new BigDecimal("50")));
    }

    @Test
    void clvCountsAtLeastOneYearAndNoCostForAnUnconfiguredChannel() {
        // a newcomer of two months: 1 year; store has no cost configured: 300.00 x 1 - 0
        CustomerLifetimeValue clv = CustomerLifetimeValue.of(new BigDecimal("300.00"), at("2025-01-01T00:00:00Z"),
                "store", at("2025-03-01T00:00:00Z"), Map.of("web", new BigDecimal("50"))).orElseThrow();

        assertThat(clv.relationshipYears()).isEqualTo(1.0);
        assertThat(clv.acquisitionCost()).isEqualByComparingTo("0");
        assertThat(clv.value()).isEqualByComparingTo("300.00");
        assertThat(CustomerLifetimeValue.of(BigDecimal.ZERO, null, null, at("2025-03-01T00:00:00Z"), Map.of()))
                .isEmpty();
    }

    @Test
    void socialSentimentIsTheAverageOfTheInteractions() {
        // (0.80 - 0.65 + 0.90) / 3 = 0.35
        assertThat(SocialSentiment.of(List.of(new BigDecimal("0.80"), new BigDecimal("-0.65"),
                new BigDecimal("0.90")))).contains(new SocialSentiment(0.35, 3));
        assertThat(SocialSentiment.of(List.of())).isEmpty();
    }

    @Test
    void churnRiskComparesRecencyWithThePersonsOwnRhythm() {
        // orders 2024-01-01, 2024-03-01 (+60 days), 2024-05-01 (+61): rhythm 121 / 2 = 60.5 days;
        // 2024-05-01 to 2024-08-01 = 92 days; ratio 92 / 60.5 = 1.52; score (1.52 - 1) / 2 x 100 = 26
        ChurnRisk risk = ChurnRisk.of(List.of(at("2024-01-01T00:00:00Z"), at("2024-03-01T00:00:00Z"),
                at("2024-05-01T00:00:00Z")), at("2024-08-01T00:00:00Z")).orElseThrow();

        assertThat(risk).isEqualTo(new ChurnRisk(26, ChurnRisk.Level.MEDIUM, 92.0, 60.5, 1.52));
    }

    @Test
    void churnRiskIsLowOnRhythmHighFromThreeRhythmsAndUnknownWithOneOrder() {
        var orders = List.of(at("2024-01-01T00:00:00Z"), at("2024-01-31T00:00:00Z"));
        // rhythm 30 days; 15 days later: ratio 0.5, score 0
        assertThat(ChurnRisk.of(orders, at("2024-02-15T00:00:00Z")).orElseThrow())
                .extracting(ChurnRisk::score, ChurnRisk::level).containsExactly(0, ChurnRisk.Level.LOW);
        // 90 days later: ratio 3, score 100
        assertThat(ChurnRisk.of(orders, at("2024-04-30T00:00:00Z")).orElseThrow())
                .extracting(ChurnRisk::score, ChurnRisk::level).containsExactly(100, ChurnRisk.Level.HIGH);
        assertThat(ChurnRisk.of(List.of(at("2024-01-01T00:00:00Z")), at("2024-01-11T00:00:00Z")))
                .contains(new ChurnRisk(null, ChurnRisk.Level.UNKNOWN, 10.0, null, null));
        assertThat(ChurnRisk.of(List.of(), at("2024-01-11T00:00:00Z"))).isEmpty();
    }

    @Test
    void cxHealthIsTheWeightedAverageOfItsParts() {
        // nps 3 -> 30 x 0.25 = 7.5; csat 66.7 x 0.2 = 13.34; ces 33.3 x 0.1 = 3.33; fcr 66.7 x 0.1 = 6.67;
        // sentiment 0.35 -> 67.5 x 0.15 = 10.125; retention 100 - 26 = 74 x 0.2 = 14.8; sum 55.765 / 1.0 = 56
        CxHealth health = CxHealth.of(3, 66.7, 33.3, 66.7, 0.35, 26).orElseThrow();

        assertThat(health.score()).isEqualTo(56);
        assertThat(health.parts()).containsExactly(new CxHealth.Part("nps", 30.0, 0.25),
                new CxHealth.Part("csat", 66.7, 0.20), new CxHealth.Part("ces", 33.3, 0.10),
                new CxHealth.Part("firstContactResolution", 66.7, 0.10),
                new CxHealth.Part("socialSentiment", 67.5, 0.15), new CxHealth.Part("retention", 74.0, 0.20));
    }

    @Test
    void cxHealthLeavesOutMissingPartsAndTheirWeights() {
        // (80 x 0.2 + 50 x 0.2) / 0.4 = 65
        assertThat(CxHealth.of(null, 80.0, null, null, null, 50).orElseThrow().score()).isEqualTo(65);
        assertThat(CxHealth.of(null, null, null, null, null, null)).isEmpty();
    }

    @Test
    void needsAttentionForARecentDetractorALowCsatAndATicketOpenTooLong() {
        var now = at("2025-03-01T00:00:00Z");
        var detractor = new NetPromoterScore.Answer(3, Category.DETRACTOR, at("2025-01-15T10:00:00Z"), "survey", "2",
                "NPS-Q1", "email", null);
        var tickets = List.of(new NeedsAttention.OpenTicket("helpdesk/T-2", at("2025-02-26T23:00:00Z")),
                new NeedsAttention.OpenTicket("helpdesk/T-9", at("2025-02-28T00:00:00Z")));

        NeedsAttention attention = NeedsAttention.of(Optional.of(detractor), Optional.of(new Share(33.3, 1, 3)),
                tickets, AttentionRules.DEFAULT, now);

        assertThat(attention.needed()).isTrue();
        assertThat(attention.reasons()).containsExactly(
                "recent detractor: answered NPS 3 on 2025-01-15T10:00:00Z (NPS-Q1)",
                "low CSAT: 33.3% (1 of 3 answers 4 or 5), below 50.0%",
                "ticket helpdesk/T-2 open since 2025-02-26T23:00:00Z, longer than 48 hours");
    }

    @Test
    void needsNoAttentionForAnOldDetractorAGoodCsatOrAFreshTicket() {
        var now = at("2025-03-01T00:00:00Z");
        var oldDetractor = new NetPromoterScore.Answer(2, Category.DETRACTOR, at("2024-11-01T00:00:00Z"), "survey",
                "1", null, null, null);

        NeedsAttention attention = NeedsAttention.of(Optional.of(oldDetractor), Optional.of(new Share(50.0, 1, 2)),
                List.of(new NeedsAttention.OpenTicket("helpdesk/T-9", at("2025-02-28T00:00:00Z"))),
                AttentionRules.DEFAULT, now);

        assertThat(attention).isEqualTo(new NeedsAttention(false, List.of()));
    }
}
