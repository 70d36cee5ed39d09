package dev.mosaic.profile.domain.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SegmentStatisticsTest {

    @Test
    void npsIsPercentPromotersMinusPercentDetractorsOverTheMembersWhoAnswered() {
        assertThat(SegmentStatistics.Nps.of(1, 1, 1, Map.of()).score()).isEqualTo(0.0);
        assertThat(SegmentStatistics.Nps.of(1, 0, 2, Map.of()).score()).isEqualTo(-33.3);
        assertThat(SegmentStatistics.Nps.of(2, 1, 0, Map.of()).score()).isEqualTo(66.7);
        assertThat(SegmentStatistics.Nps.of(2, 1, 0, Map.of()).answered()).isEqualTo(3);
        assertThat(SegmentStatistics.Nps.of(0, 0, 0, Map.of()).score()).isNull();
    }

    @Test
    void csatPoolsEveryAnswerOfTheMembers() {
        assertThat(SegmentStatistics.Csat.of(3, 3, 4).percent()).isEqualTo(75.0);
        assertThat(SegmentStatistics.Csat.of(2, 2, 3).percent()).isEqualTo(66.7);
        assertThat(SegmentStatistics.Csat.of(0, 0, 0).percent()).isNull();
    }

    @Test
    void cesAndFirstContactResolutionArePooledLikeCsat() {
        // CES answers 4, 2, 5, 4: three of four are 4 or 5.
        assertThat(SegmentStatistics.Pooled.of(3, 3, 4).percent()).isEqualTo(75.0);
        // Resolved tickets with 1, 2 and 1 contacts: two of three needed one.
        assertThat(SegmentStatistics.Pooled.of(2, 2, 3).percent()).isEqualTo(66.7);
        assertThat(SegmentStatistics.Pooled.of(0, 0, 0).percent()).isNull();
    }

    @Test
    void ticketTimesAndSentimentAreRoundedAndEmptyWithoutTicketsOrInteractions() {
        assertThat(SegmentStatistics.TicketMinutes.of(3, 4, 108.75, 40.0))
                .isEqualTo(new SegmentStatistics.TicketMinutes(3, 4, 108.8, 40.0));
        assertThat(SegmentStatistics.TicketMinutes.of(0, 0, Double.NaN, Double.NaN).average()).isNull();
        assertThat(SegmentStatistics.Sentiment.of(2, 3, 0.7 / 3).average()).isEqualTo(0.23);
        assertThat(SegmentStatistics.Sentiment.of(0, 0, null).average()).isNull();
    }

    @Test
    void churnRiskCountsTheMembersPerLevel() {
        SegmentStatistics.Churn churn = SegmentStatistics.Churn.of(
                Map.of("LOW", 1L, "MEDIUM", 1L, "HIGH", 1L, "UNKNOWN", 2L), 42.0);
        assertThat(churn.profiles()).isEqualTo(5);
        assertThat(churn.averageScore()).isEqualTo(42.0);
    }
}
