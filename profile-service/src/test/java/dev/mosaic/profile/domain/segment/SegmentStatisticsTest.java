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
}
