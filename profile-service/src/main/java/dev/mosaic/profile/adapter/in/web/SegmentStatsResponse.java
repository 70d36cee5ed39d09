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
        Clv clv) {

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

    static SegmentStatsResponse of(String segmentId, SegmentStatistics statistics) {
        SegmentStatistics.Nps nps = statistics.nps();
        SegmentStatistics.Csat csat = statistics.csat();
        SegmentStatistics.Clv clv = statistics.clv();
        return new SegmentStatsResponse(segmentId, statistics.members(),
                new Nps(nps.answered(), nps.promoters(), nps.passives(), nps.detractors(), nps.score(),
                        new TreeMap<>(nps.byScore())),
                new Csat(csat.profiles(), csat.matching(), csat.answers(), csat.percent()),
                new Clv(clv.profiles(), clv.min(), clv.p25(), clv.median(), clv.p75(), clv.p90(), clv.max()));
    }
}
