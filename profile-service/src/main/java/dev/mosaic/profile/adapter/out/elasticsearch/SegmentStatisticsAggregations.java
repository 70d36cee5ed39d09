package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.TrackHits;
import dev.mosaic.profile.domain.segment.SegmentStatistics;

/**
 * A segment's CX statistics in one search request of aggregations ({@code size: 0}) over the members' per-profile
 * scores: terms for NPS answers and churn levels, sums for pooled shares, {@code weighted_avg} for averages over
 * tickets and interactions (each member's average weighted by how many they had), percentiles for distributions. All
 * core aggregations, so the node Mosaic runs locally computes them as a full cluster does.
 */
final class SegmentStatisticsAggregations {

    private SegmentStatisticsAggregations() {
    }

    static SegmentStatistics of(ElasticsearchClient client, String alias, Query query) {
        SearchRequest.Builder search = new SearchRequest.Builder().index(alias).query(query).size(0)
                .trackTotalHits(TrackHits.of(total -> total.enabled(true)))
                .aggregations("npsCategory", a -> a.terms(t -> t.field("cx.nps.category").size(3)))
                .aggregations("npsScore", a -> a.terms(t -> t.field("cx.nps.score").size(11)))
                .aggregations("clvProfiles", a -> a.valueCount(v -> v.field("cx.clv.value")))
                .aggregations("clvMin", a -> a.min(m -> m.field("cx.clv.value")))
                .aggregations("clvMax", a -> a.max(m -> m.field("cx.clv.value")))
                .aggregations("clv", a -> a.percentiles(p -> p.field("cx.clv.value").percents(25.0, 50.0, 75.0, 90.0)
                        .keyed(false)))
                .aggregations("churnLevel", a -> a.terms(t -> t.field("cx.churnRisk.level").size(4)))
                .aggregations("churnScore", a -> a.avg(m -> m.field("cx.churnRisk.score")))
                .aggregations("healthProfiles", a -> a.valueCount(v -> v.field("cx.health.score")))
                .aggregations("healthAverage", a -> a.avg(m -> m.field("cx.health.score")))
                .aggregations("health", a -> a.percentiles(p -> p.field("cx.health.score").percents(25.0, 50.0, 75.0)
                        .keyed(false)));
        for (String share : new String[] {"csat", "ces", "firstContactResolution"}) {
            search.aggregations(share + "Profiles", a -> a.valueCount(v -> v.field("cx." + share + ".total")))
                    .aggregations(share + "Matching", a -> a.sum(s -> s.field("cx." + share + ".matching")))
                    .aggregations(share + "Total", a -> a.sum(s -> s.field("cx." + share + ".total")));
        }
        for (String times : new String[] {"firstResponseTime", "resolutionTime"}) {
            search.aggregations(times + "Profiles", a -> a.valueCount(v -> v.field("cx." + times + ".tickets")))
                    .aggregations(times + "Tickets", a -> a.sum(s -> s.field("cx." + times + ".tickets")))
                    .aggregations(times + "Average", a -> a.weightedAvg(w -> w
                            .value(v -> v.field("cx." + times + ".average"))
                            .weight(v -> v.field("cx." + times + ".tickets"))))
                    .aggregations(times + "Median", a -> a.percentiles(p -> p.field("cx." + times + ".median")
                            .percents(50.0).keyed(false)));
        }
        search.aggregations("sentimentProfiles", a -> a.valueCount(v -> v.field("cx.socialSentiment.interactions")))
                .aggregations("sentimentInteractions", a -> a.sum(s -> s.field("cx.socialSentiment.interactions")))
                .aggregations("sentimentAverage", a -> a.weightedAvg(w -> w
                        .value(v -> v.field("cx.socialSentiment.average"))
                        .weight(v -> v.field("cx.socialSentiment.interactions"))));
        SearchResponse<Void> response;
        try {
            response = client.search(search.build(), Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compute a segment's statistics", e);
        }
        Map<String, Aggregate> aggregations = response.aggregations();

        Map<String, Long> categories = terms(aggregations.get("npsCategory"));
        Map<Integer, Long> byScore = new LinkedHashMap<>();
        aggregations.get("npsScore").lterms().buckets().array()
                .forEach(bucket -> byScore.put((int) bucket.key(), bucket.docCount()));
        SegmentStatistics.Nps nps = SegmentStatistics.Nps.of(categories.getOrDefault("PROMOTER", 0L),
                categories.getOrDefault("PASSIVE", 0L), categories.getOrDefault("DETRACTOR", 0L), byScore);
        SegmentStatistics.Csat csat = SegmentStatistics.Csat.of(count(aggregations, "csatProfiles"),
                sum(aggregations, "csatMatching"), sum(aggregations, "csatTotal"));

        long clvProfiles = count(aggregations, "clvProfiles");
        Map<Double, Double> clvPercentiles = percentiles(aggregations.get("clv"));
        SegmentStatistics.Clv clv = clvProfiles == 0
                ? new SegmentStatistics.Clv(0, null, null, null, null, null, null)
                : new SegmentStatistics.Clv(clvProfiles, aggregations.get("clvMin").min().value(),
                clvPercentiles.get(25.0), clvPercentiles.get(50.0), clvPercentiles.get(75.0), clvPercentiles.get(90.0),
                aggregations.get("clvMax").max().value());

        long healthProfiles = count(aggregations, "healthProfiles");
        Map<Double, Double> health = percentiles(aggregations.get("health"));
        return new SegmentStatistics(response.hits().total().value(), nps, csat, clv,
                pooled(aggregations, "ces"), minutes(aggregations, "firstResponseTime"),
                minutes(aggregations, "resolutionTime"), pooled(aggregations, "firstContactResolution"),
                SegmentStatistics.Sentiment.of(count(aggregations, "sentimentProfiles"),
                        sum(aggregations, "sentimentInteractions"),
                        aggregations.get("sentimentAverage").weightedAvg().value()),
                SegmentStatistics.Churn.of(terms(aggregations.get("churnLevel")),
                        aggregations.get("churnScore").avg().value()),
                SegmentStatistics.Health.of(healthProfiles, aggregations.get("healthAverage").avg().value(),
                        health.get(25.0), health.get(50.0), health.get(75.0)));
    }

    private static SegmentStatistics.Pooled pooled(Map<String, Aggregate> aggregations, String share) {
        return SegmentStatistics.Pooled.of(count(aggregations, share + "Profiles"), sum(aggregations, share + "Matching"),
                sum(aggregations, share + "Total"));
    }

    private static SegmentStatistics.TicketMinutes minutes(Map<String, Aggregate> aggregations, String times) {
        return SegmentStatistics.TicketMinutes.of(count(aggregations, times + "Profiles"),
                sum(aggregations, times + "Tickets"), aggregations.get(times + "Average").weightedAvg().value(),
                percentiles(aggregations.get(times + "Median")).get(50.0));
    }

    private static Map<String, Long> terms(Aggregate aggregate) {
        Map<String, Long> counts = new LinkedHashMap<>();
        aggregate.sterms().buckets().array().forEach(bucket -> counts.put(bucket.key().stringValue(), bucket.docCount()));
        return counts;
    }

    private static long count(Map<String, Aggregate> aggregations, String name) {
        return Math.round(aggregations.get(name).valueCount().value());
    }

    private static long sum(Map<String, Aggregate> aggregations, String name) {
        return Math.round(aggregations.get(name).sum().value());
    }

    /** Percent to value; a percentile of no values is null. */
    private static Map<Double, Double> percentiles(Aggregate aggregate) {
        Map<Double, Double> values = new LinkedHashMap<>();
        aggregate.tdigestPercentiles().values().array()
                .forEach(item -> values.put(Double.valueOf(item.key()), item.value()));
        return values;
    }
}
