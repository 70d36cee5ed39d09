package dev.mosaic.profile.adapter.in.web;

import java.util.Map;
import java.util.TreeMap;

import dev.mosaic.profile.domain.segment.SegmentStatistics;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "SegmentStatistics", description = "CX statistics over a segment's members, from aggregations")
record SegmentStatsResponse(
        String segmentId,
        @Schema(example = "1250") long members,
        Nps nps,
        Csat csat,
        Clv clv,
        @Schema(description = "CES pooled like CSAT: answers 4 or 5 / all answers x 100") Pooled ces,
        @Schema(description = "Minutes from opening to the first response") TicketMinutes firstResponseTime,
        @Schema(description = "Minutes from opening to the resolution") TicketMinutes resolutionTime,
        @Schema(description = "Pooled: resolved tickets needing one contact / resolved tickets with a contact count "
                + "x 100") Pooled firstContactResolution,
        Sentiment socialSentiment,
        ChurnRisk churnRisk,
        Health health) {

    @Schema(name = "SegmentNps", description = "Over each member's latest NPS answer: score = % promoters (9-10) - "
            + "% detractors (0-6), -100..100, 1 decimal; null when no member answered")
    record Nps(long answered, long promoters, long passives, long detractors,
               @Schema(example = "12.5") Double score,
               @Schema(description = "Members per latest answer 0..10 (only answers given)",
                       example = "{\"3\": 1, \"9\": 2}") Map<Integer, Long> byScore) {
    }

    @Schema(name = "SegmentCsat", description = "Pooled over every CSAT answer of the members: answers 4 or 5 / all "
            + "answers x 100, 1 decimal; null without answers")
    record Csat(@Schema(description = "Members with at least one answer") long profiles, long matching, long answers,
                @Schema(example = "66.7") Double percent) {
    }

    @Schema(name = "SegmentClv", description = "CLV of the members that have one: min, percentiles (Elasticsearch's "
            + "t-digest estimate; exact on small segments) and max; null when none has a CLV")
    record Clv(long profiles, Double min, Double p25, Double median, Double p75, Double p90, Double max) {
    }

    @Schema(name = "SegmentPooledShare", description = "A share pooled over every answer or ticket of the members: "
            + "matching / total x 100, 1 decimal; null when there is nothing to count")
    record Pooled(@Schema(description = "Members with at least one answer or counted ticket") long profiles,
                  long matching, long total, @Schema(example = "75.0") Double percent) {
    }

    @Schema(name = "SegmentTicketMinutes", description = "Ticket times in minutes: the average over every ticket of "
            + "the members (each member's average weighted by their tickets) and the median of the members' own "
            + "medians, 1 decimal; null without tickets")
    record TicketMinutes(long profiles, long tickets, @Schema(example = "25.0") Double average,
                         @Schema(example = "15.0") Double medianOfMembers) {
    }

    @Schema(name = "SegmentSentiment", description = "Social sentiment -1..1 over every interaction with one: each "
            + "member's average weighted by their interactions, 2 decimals; null without interactions")
    record Sentiment(long profiles, long interactions, @Schema(example = "0.23") Double average) {
    }

    @Schema(name = "SegmentChurnRisk", description = "Members who bought, per churn risk level, and the average score "
            + "0-100 of those with one (UNKNOWN: a single order, no score), 1 decimal")
    record ChurnRisk(long profiles,
                     @Schema(example = "{\"LOW\": 1, \"MEDIUM\": 1, \"HIGH\": 1, \"UNKNOWN\": 2}")
                     Map<String, Long> byLevel,
                     @Schema(example = "42.0") Double averageScore) {
    }

    @Schema(name = "SegmentHealth", description = "CX health 0-100 of the members that have one: average (1 decimal) "
            + "and percentiles (estimated as for CLV); null when none has one")
    record Health(long profiles, @Schema(example = "55.2") Double average, Double p25, Double median, Double p75) {
    }

    static SegmentStatsResponse of(String segmentId, SegmentStatistics statistics) {
        SegmentStatistics.Nps nps = statistics.nps();
        SegmentStatistics.Csat csat = statistics.csat();
        SegmentStatistics.Clv clv = statistics.clv();
        return new SegmentStatsResponse(segmentId, statistics.members(),
                new Nps(nps.answered(), nps.promoters(), nps.passives(), nps.detractors(), nps.score(),
                        new TreeMap<>(nps.byScore())),
                new Csat(csat.profiles(), csat.matching(), csat.answers(), csat.percent()),
                new Clv(clv.profiles(), clv.min(), clv.p25(), clv.median(), clv.p75(), clv.p90(), clv.max()),
                pooled(statistics.ces()), minutes(statistics.firstResponseTime()), minutes(statistics.resolutionTime()),
                pooled(statistics.firstContactResolution()),
                new Sentiment(statistics.socialSentiment().profiles(), statistics.socialSentiment().interactions(),
                        statistics.socialSentiment().average()),
                new ChurnRisk(statistics.churnRisk().profiles(), new TreeMap<>(statistics.churnRisk().byLevel()),
                        statistics.churnRisk().averageScore()),
                new Health(statistics.health().profiles(), statistics.health().average(), statistics.health().p25(),
                        statistics.health().median(), statistics.health().p75()));
    }

    private static Pooled pooled(SegmentStatistics.Pooled share) {
        return new Pooled(share.profiles(), share.matching(), share.total(), share.percent());
    }

    private static TicketMinutes minutes(SegmentStatistics.TicketMinutes minutes) {
        return new TicketMinutes(minutes.profiles(), minutes.tickets(), minutes.average(), minutes.medianOfMembers());
    }
}
