package dev.mosaic.profile.domain.segment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * CX statistics of a segment's members: each per-profile score of docs/cx-scores.md, summed up over the members the
 * way that fits it. Shares (CSAT, CES, first-contact resolution) are pooled over every answer or ticket, so one answer
 * does not weigh like fifty; times and sentiment are averaged over every ticket or interaction; NPS counts each
 * member's latest answer; CLV and CX health are distributions of one number per member; churn risk is counted by
 * level.
 *
 * @param members profiles in the segment
 */
public record SegmentStatistics(long members, Nps nps, Csat csat, Clv clv, Pooled ces, TicketMinutes firstResponseTime,
                                TicketMinutes resolutionTime, Pooled firstContactResolution, Sentiment socialSentiment,
                                Churn churnRisk, Health health) {

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
     * A share pooled over every answer or ticket of the members, as CSAT is: CES (answers 4 or 5 / all answers) and
     * first-contact resolution (resolved tickets needing one contact / resolved tickets with a contact count).
     *
     * @param profiles members with at least one answer or counted ticket
     * @param percent matching / total x 100, 1 decimal; null when there is nothing to count
     */
    public record Pooled(long profiles, long matching, long total, Double percent) {

        public static Pooled of(long profiles, long matching, long total) {
            return new Pooled(profiles, matching, total, total == 0 ? null : round1(100.0 * matching / total));
        }
    }

    /**
     * Minutes from a ticket's opening to its first response or its resolution.
     *
     * @param profiles members with at least one such ticket
     * @param tickets their tickets with both times
     * @param average the average over all those tickets (each member's average weighted by their tickets), 1
     *                decimal
     * @param medianOfMembers the median of the members' own medians, 1 decimal (the median over all tickets would
     *                        need every ticket; this is what the profiles hold)
     */
    public record TicketMinutes(long profiles, long tickets, Double average, Double medianOfMembers) {

        public static TicketMinutes of(long profiles, long tickets, Double weightedAverage, Double medianOfMembers) {
            return tickets == 0 ? new TicketMinutes(profiles, 0, null, null)
                    : new TicketMinutes(profiles, tickets, round1(weightedAverage), round1(medianOfMembers));
        }
    }

    /**
     * Social sentiment over every interaction of the members that has one.
     *
     * @param average -1..1, each member's average weighted by their interactions, 2 decimals
     */
    public record Sentiment(long profiles, long interactions, Double average) {

        public static Sentiment of(long profiles, long interactions, Double weightedAverage) {
            return new Sentiment(profiles, interactions, interactions == 0 ? null : round2(weightedAverage));
        }
    }

    /**
     * Churn risk of the members who bought.
     *
     * @param byLevel members per level: LOW, MEDIUM, HIGH, and UNKNOWN (a single order: no rhythm yet)
     * @param averageScore the average score (0-100) of the members that have one, 1 decimal
     */
    public record Churn(long profiles, Map<String, Long> byLevel, Double averageScore) {

        public static Churn of(Map<String, Long> byLevel, Double averageScore) {
            long profiles = byLevel.values().stream().mapToLong(Long::longValue).sum();
            return new Churn(profiles, Map.copyOf(byLevel), averageScore == null ? null : round1(averageScore));
        }
    }

    /**
     * CX health (0-100) of the members that have one: the average, 1 decimal, and percentiles as Elasticsearch
     * estimates them (as for CLV).
     */
    public record Health(long profiles, Double average, Double p25, Double median, Double p75) {

        public static Health of(long profiles, Double average, Double p25, Double median, Double p75) {
            return profiles == 0 ? new Health(0, null, null, null, null)
                    : new Health(profiles, round1(average), p25, median, p75);
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

    static double round2(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
