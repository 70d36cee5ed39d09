package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.StatsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.mosaic.profile.domain.NetPromoterScore;
import dev.mosaic.profile.domain.dashboard.CxDashboard;
import dev.mosaic.profile.domain.dashboard.CxFigures;
import dev.mosaic.profile.domain.dashboard.CxReport;
import dev.mosaic.profile.domain.dashboard.DashboardQuery;
import dev.mosaic.profile.domain.dashboard.Detractor;
import dev.mosaic.profile.domain.dashboard.Interval;

/**
 * The CX dashboard computed by Elasticsearch: one search over the profile index whose aggregations run on the nested
 * {@code cxTouchpoints} (one per ticket and NPS answer) of every profile, so the work is spread over the shards and
 * no touchpoint travels to Mosaic. Medians are Elasticsearch's percentile estimate (t-digest), which is exact while a
 * bucket holds few values and within about 1 % beyond.
 */
final class ElasticsearchCxDashboard implements CxDashboard {

    private static final String PATH = "cxTouchpoints";
    /** Stands for "no channel" or "no store" in a terms aggregation; no id of either looks like this. */
    private static final String NONE = "\u0000none";
    private static final int MAX_CHANNELS = 50;

    private final ElasticsearchClient client;
    private final String alias;

    ElasticsearchCxDashboard(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    @Override
    public CxReport report(DashboardQuery query) {
        Query inPeriod = Query.of(q -> q.range(r -> r.date(d -> d.field(PATH + ".at")
                .gte(query.start().toString()).lt(query.end().toString()))));
        Query channel = query.channel() == null ? matchAll() : term(PATH + ".channel", query.channel());
        Query store = query.store() == null ? matchAll() : term(PATH + ".store", query.store());
        Query both = Query.of(q -> q.bool(b -> b.filter(channel, store)));

        Aggregation periods = Aggregation.of(a -> a.dateHistogram(h -> h.field(PATH + ".at")
                        .calendarInterval(query.interval() == Interval.WEEK ? CalendarInterval.Week : CalendarInterval.Month)
                        .timeZone("UTC").minDocCount(1))
                .aggregations(figures()));
        Aggregation selected = Aggregation.of(a -> a.filter(both)
                .aggregations("periods", periods).aggregations(figures()));
        Aggregation channels = Aggregation.of(a -> a.filter(store)
                .aggregations("by", b -> b.terms(t -> t.field(PATH + ".channel").size(MAX_CHANNELS).missing(NONE))
                        .aggregations(figures())));
        Aggregation stores = Aggregation.of(a -> a.filter(channel)
                .aggregations("by", b -> b.terms(t -> t.field(PATH + ".store").size(CxReport.MAX_STORES).missing(NONE))
                        .aggregations(figures())));

        SearchResponse<Void> response = search(SearchRequest.of(search -> search.index(alias).size(0)
                // ignoreUnmapped: while an index of an older layout still serves reads, there is simply no data yet
                .query(q -> q.nested(n -> n.path(PATH).query(inPeriod).scoreMode(ChildScoreMode.None)
                        .ignoreUnmapped(true)))
                .aggregations("touchpoints", a -> a.nested(n -> n.path(PATH))
                        .aggregations("inPeriod", p -> p.filter(inPeriod)
                                .aggregations("selected", selected)
                                .aggregations("channels", channels)
                                .aggregations("stores", stores)))));

        Map<String, Aggregate> within = response.aggregations().get("touchpoints").nested().aggregations()
                .get("inPeriod").filter().aggregations();
        Map<String, Aggregate> chosen = within.get("selected").filter().aggregations();
        Map<LocalDate, CxFigures> byPeriod = new HashMap<>();
        chosen.get("periods").dateHistogram().buckets().array().forEach(bucket -> byPeriod.put(
                Instant.ofEpochMilli(bucket.key()).atZone(ZoneOffset.UTC).toLocalDate(), figures(bucket.aggregations())));
        List<CxReport.Period> series = query.periods().stream()
                .map(span -> new CxReport.Period(span, byPeriod.getOrDefault(span.key(), CxFigures.NONE))).toList();
        return new CxReport(query, series, figures(chosen),
                breakdown(within.get("channels").filter().aggregations().get("by").sterms().buckets().array()),
                breakdown(within.get("stores").filter().aggregations().get("by").sterms().buckets().array()));
    }

    /** Most touchpoints first, equal counts by name; those naming no channel or store last. */
    private static List<CxReport.Breakdown> breakdown(List<StringTermsBucket> buckets) {
        return buckets.stream().map(bucket -> new CxReport.Breakdown(
                        NONE.equals(bucket.key().stringValue()) ? null : bucket.key().stringValue(), bucket.docCount(),
                        figures(bucket.aggregations())))
                .sorted(Comparator.comparing((CxReport.Breakdown breakdown) -> breakdown.key() == null))
                .toList();
    }

    /** The sub-aggregations every set of touchpoints gets; read back by {@link #figures(Map)}. */
    private static Map<String, Aggregation> figures() {
        Map<String, Aggregation> figures = new LinkedHashMap<>();
        figures.put("promoters", filter(Query.of(q -> q.range(r -> r.number(n -> n.field(PATH + ".nps").gte(9.0))))));
        figures.put("passives", filter(Query.of(q -> q.range(r -> r.number(n -> n.field(PATH + ".nps").gte(7.0).lte(8.0))))));
        figures.put("detractors", filter(Query.of(q -> q.range(r -> r.number(n -> n.field(PATH + ".nps").lte(6.0))))));
        for (String answer : List.of("csat", "ces")) {
            figures.put(answer + "Answers", Aggregation.of(a -> a.valueCount(v -> v.field(PATH + "." + answer))));
            figures.put(answer + "TopTwo", filter(Query.of(q -> q.range(r -> r.number(n -> n.field(PATH + "." + answer)
                    .gte(4.0))))));
        }
        for (String time : List.of("firstResponseMinutes", "resolutionMinutes")) {
            figures.put(time + "Stats", Aggregation.of(a -> a.stats(s -> s.field(PATH + "." + time))));
            figures.put(time + "Median", Aggregation.of(a -> a.percentiles(p -> p.field(PATH + "." + time)
                    .percents(50.0).keyed(false))));
        }
        figures.put("fcrResolved", filter(Query.of(q -> q.exists(e -> e.field(PATH + ".firstContactResolved")))));
        figures.put("fcrOneContact", filter(term(PATH + ".firstContactResolved", true)));
        figures.put("tickets", filter(term(PATH + ".kind", "TICKET")));
        return figures;
    }

    private static CxFigures figures(Map<String, Aggregate> aggregations) {
        return new CxFigures(
                CxFigures.Nps.of(count(aggregations, "promoters"), count(aggregations, "passives"),
                        count(aggregations, "detractors")),
                rate(aggregations, "csat"), rate(aggregations, "ces"),
                minutes(aggregations, "firstResponseMinutes"), minutes(aggregations, "resolutionMinutes"),
                CxFigures.Rate.of(count(aggregations, "fcrOneContact"), count(aggregations, "fcrResolved")),
                count(aggregations, "tickets"));
    }

    private static CxFigures.Rate rate(Map<String, Aggregate> aggregations, String answer) {
        return CxFigures.Rate.of(count(aggregations, answer + "TopTwo"),
                Math.round(aggregations.get(answer + "Answers").valueCount().value()));
    }

    private static CxFigures.Minutes minutes(Map<String, Aggregate> aggregations, String time) {
        StatsAggregate stats = aggregations.get(time + "Stats").stats();
        if (stats.count() == 0) {
            return CxFigures.Minutes.of(0, null, null);
        }
        Double median = aggregations.get(time + "Median").tdigestPercentiles().values().array().stream()
                .findFirst().map(item -> item.value()).orElse(null);
        return CxFigures.Minutes.of(stats.count(), stats.avg(), median);
    }

    private static long count(Map<String, Aggregate> aggregations, String name) {
        return aggregations.get(name).filter().docCount();
    }

    @Override
    public DetractorPage detractors(DashboardQuery query, int page, int size) {
        List<Query> filters = new ArrayList<>();
        filters.add(term("cx.nps.category", NetPromoterScore.Category.DETRACTOR.name()));
        filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("cx.nps.answeredAt")
                .gte(query.start().toString()).lt(query.end().toString())))));
        if (query.channel() != null) {
            filters.add(term("cx.nps.channel", query.channel()));
        }
        if (query.store() != null) {
            filters.add(term("cx.nps.store", query.store()));
        }
        SearchResponse<ProfileDocument> response = search(SearchRequest.of(search -> search.index(alias)
                .query(q -> q.bool(b -> b.filter(filters)))
                .source(source -> source.filter(f -> f.includes("profileId", "displayName", "cx.nps",
                        "cx.needsAttention.needed", "golden.emailConsent.granted")))
                .sort(SortOptions.of(s -> s.field(f -> f.field("cx.nps.answeredAt").order(SortOrder.Desc))),
                        SortOptions.of(s -> s.field(f -> f.field("profileId").order(SortOrder.Asc))))
                .from(page * size).size(size).trackTotalHits(total -> total.enabled(true))), ProfileDocument.class);
        List<Detractor> detractors = response.hits().hits().stream().map(Hit::source)
                .map(ElasticsearchCxDashboard::detractor).toList();
        return new DetractorPage(response.hits().total().value(), detractors);
    }

    private static Detractor detractor(ProfileDocument document) {
        ProfileDocument.NpsDocument nps = document.cx().nps();
        ProfileDocument.GoldenRecordDocument golden = document.golden();
        Boolean emailConsent = golden == null || golden.emailConsent() == null ? null : golden.emailConsent().granted();
        boolean attention = document.cx().needsAttention() != null && document.cx().needsAttention().needed();
        return new Detractor(document.profileId(), document.displayName(), nps.score(), Instant.parse(nps.answeredAt()),
                nps.campaignId(), nps.channel(), nps.store(), emailConsent, attention);
    }

    private <T> SearchResponse<T> search(SearchRequest request, Class<T> type) {
        try {
            return client.search(request, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compute the CX dashboard", e);
        }
    }

    private SearchResponse<Void> search(SearchRequest request) {
        return search(request, Void.class);
    }

    private static Aggregation filter(Query query) {
        return Aggregation.of(a -> a.filter(query));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query term(String field, boolean value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query matchAll() {
        return Query.of(q -> q.matchAll(m -> m));
    }
}
