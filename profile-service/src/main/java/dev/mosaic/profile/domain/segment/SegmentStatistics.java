package dev.mosaic.profile.domain.segment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * CX statistics of a segment's members.
 *
 * @param members profiles in the segment
 */
public record SegmentStatistics(long members, Nps nps, Csat csat, Clv clv) {

    /**
     * NPS over the members' latest answers: % promoters - % detractors, 1 decimal; null without answers.
     *
     * @param byScore members per latest answer 0..10
     */
    public record Nps(long answered, long promoters, long passives, long detractors, Double score,
                      Map<Integer, Long> byScore) {

        public static Nps of(long promoters, long passives, long detractors, Map<Integer, Long> byScore) {
            long answered = promoters + passives + detractors;
            Double score = answered == 0 ? null : round1(100.0 * (promoters - detractors) / answered);
            return new Nps(answered, promoters, passives, detractors, score, Map.copyOf(byScore));
        }
    }

    /**
     * CSAT pooled over every answer of the members: answers of 4 or 5 / all answers x 100, 1 decimal; null without
     * answers. (Not the average of the members' percentages, which would weigh one answer like fifty.)
     *
     * @param profiles members with at least one CSAT answer
     */
    public record Csat(long profiles, long matching, long answers, Double percent) {

        public static Csat of(long profiles, long matching, long answers) {
            return new Csat(profiles, matching, answers,
                    answers == 0 ? null : round1(100.0 * matching / answers));
        }
    }

    /**
     * CLV over the members that have one (they bought at least once): min, max and percentiles as Elasticsearch
     * estimates them (t-digest; exact for small segments); all null when no member has a CLV.
     */
    public record Clv(long profiles, Double min, Double p25, Double median, Double p75, Double p90, Double max) {
    }

    /** 1 decimal, half up, as the per-profile scores are rounded. */
    static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
