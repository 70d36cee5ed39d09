package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.CountRequest;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.SearchKeys;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.profile.domain.SearchQuery;
import dev.mosaic.profile.domain.segment.Condition;
import dev.mosaic.profile.domain.segment.SegmentStatistics;

/**
 * Search and segments over the profile index. Names are matched token by token against keys computed in Java when a
 * profile is indexed ({@link SearchKeys}): the folded names ({@code nameTokens}), their beginnings
 * ({@code namePrefixes}) and their one-typing-error keys ({@code nameTypoKeys}), so every way a token can match is an
 * exact term lookup. Every typed token must match, by its best way: exactly (3), as a beginning (2: typing in
 * progress) or with one typing error (1). Only when that finds nothing at all does a second request allow two typing
 * errors in tokens of six letters or more, with Elasticsearch's fuzzy query (0.5), which walks the term dictionary
 * and is the slow part of a name search on a large index. Identifiers typed into the box (email, phone, loyalty id)
 * are exact term lookups, an email also as a prefix. Result lists read only the fields a list shows
 * ({@link ProfileSummaryDocument}).
 */
final class ElasticsearchProfileSearch implements ProfileSearch {

    static final int EXPORT_PAGE = 500;
    static final float EXACT = 3f;
    static final float BEGINNING = 2f;
    static final float ONE_TYPO = 1f;
    static final float TWO_TYPOS = 0.5f;
    /** Result lists read only what they show. */
    private static final SourceConfig SUMMARY_FIELDS = SourceConfig.of(source -> source.filter(filter -> filter
            .includes(ProfileSummaryDocument.FIELDS)));

    private final ElasticsearchClient client;
    private final String alias;
    private final Clock clock;
    private final ProfileDocumentMapper mapper = new ProfileDocumentMapperImpl();

    ElasticsearchProfileSearch(ElasticsearchClient client, String alias, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.clock = clock;
    }

    @Override
    public ProfilePage search(SearchQuery query, Optional<Condition> segment, int page, int size) {
        ProfilePage found = page(searchRequest(query, segment, page, size, false));
        if (found.total() == 0 && mayHaveTwoTypos(query)) {
            return page(searchRequest(query, segment, page, size, true));
        }
        return found;
    }

    /** The request for a page of hits; {@code twoTypos}: the slower fallback for a token with two typing errors. */
    SearchRequest searchRequest(SearchQuery query, Optional<Condition> segment, int page, int size, boolean twoTypos) {
        List<Query> filters = new ArrayList<>();
        if (query.cityKey() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("cityKeys").value(query.cityKey()))));
        }
        if (query.store() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("purchases.stores.name").value(query.store()))));
        }
        segment.ifPresent(condition -> filters.add(SegmentQueryTranslator.toQuery(condition, clock.instant())));
        Query text = textQuery(query, twoTypos);
        Query combined = Query.of(q -> q.bool(b -> {
            b.filter(filters);
            return text == null ? b : b.must(text);
        }));
        List<SortOptions> sort = text == null
                ? List.of(sortBy("displayName.keyword"), sortBy("profileId"))
                : List.of(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))), sortBy("profileId"));
        return SearchRequest.of(search -> search.index(alias).query(combined).from(page * size).size(size)
                .trackTotalHits(total -> total.enabled(true)).sort(sort).source(SUMMARY_FIELDS));
    }

    static boolean mayHaveTwoTypos(SearchQuery query) {
        return query.nameTokens().stream().anyMatch(token -> token.length() >= SearchKeys.MIN_LENGTH_FOR_TWO_TYPOS);
    }

    /** Null when nothing was typed: then the filters alone decide. */
    static Query textQuery(SearchQuery query, boolean twoTypos) {
        if (!query.hasText()) {
            return null;
        }
        List<Query> should = new ArrayList<>();
        if (!query.nameTokens().isEmpty()) {
            List<Query> tokens = query.nameTokens().stream().map(token -> nameToken(token, twoTypos)).toList();
            should.add(Query.of(q -> q.bool(b -> b.must(tokens))));
        }
        query.emailValue().ifPresent(email -> {
            should.add(Query.of(q -> q.term(t -> t.field("emails").value(email).boost(10f))));
            should.add(Query.of(q -> q.prefix(p -> p.field("emails").value(email).boost(4f))));
        });
        if (query.phoneKey() != null) {
            should.add(Query.of(q -> q.term(t -> t.field("phoneKeys").value(query.phoneKey()).boost(10f))));
        }
        should.add(Query.of(q -> q.term(t -> t.field("loyaltyIds").value(query.identifier()).boost(10f))));
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    /** One typed token: its best way of matching counts (dis_max), each way with a fixed score. */
    private static Query nameToken(String token, boolean twoTypos) {
        List<Query> ways = new ArrayList<>();
        ways.add(scored(EXACT, Query.of(q -> q.term(t -> t.field("nameTokens").value(token)))));
        ways.add(scored(BEGINNING, Query.of(q -> q.term(t -> t.field("namePrefixes").value(token)))));
        SearchKeys.TypoProbe probe = SearchKeys.TypoProbe.of(token);
        if (!probe.isEmpty()) {
            ways.add(scored(ONE_TYPO, Query.of(q -> q.bool(b -> {
                if (!probe.names().isEmpty()) {
                    b.should(terms("nameTokens", probe.names()));
                }
                return b.should(terms("nameTypoKeys", probe.keys()));
            }))));
        }
        if (twoTypos && token.length() >= SearchKeys.MIN_LENGTH_FOR_TWO_TYPOS) {
            // The first letter must be right, as for one typo: it also keeps the walk of the term dictionary short.
            ways.add(scored(TWO_TYPOS, Query.of(q -> q.fuzzy(f -> f.field("nameTokens").value(token)
                    .fuzziness("2").prefixLength(1)))));
        }
        return Query.of(q -> q.disMax(d -> d.queries(ways)));
    }

    private static Query scored(float score, Query filter) {
        return Query.of(q -> q.constantScore(c -> c.filter(filter).boost(score)));
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms))));
    }

    @Override
    public long count(Condition condition) {
        try {
            return client.count(countRequest(condition)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count a segment", e);
        }
    }

    CountRequest countRequest(Condition condition) {
        Query query = SegmentQueryTranslator.toQuery(condition, clock.instant());
        return CountRequest.of(count -> count.index(alias).query(query));
    }

    @Override
    public ProfilePage members(Condition condition, int page, int size) {
        Query query = SegmentQueryTranslator.toQuery(condition, clock.instant());
        return page(SearchRequest.of(search -> search.index(alias).query(query).from(page * size).size(size)
                .trackTotalHits(total -> total.enabled(true)).sort(sortBy("profileId")).source(SUMMARY_FIELDS)));
    }

    @Override
    public void forEachMember(Condition condition, Consumer<ProfileView> member) {
        Query query = SegmentQueryTranslator.toQuery(condition, clock.instant());
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ProfileDocument> response = execute(SearchRequest.of(search -> {
                search.index(alias).query(query).size(EXPORT_PAGE).sort(sortBy("profileId"));
                return from == null ? search : search.searchAfter(from);
            }));
            List<Hit<ProfileDocument>> hits = response.hits().hits();
            hits.forEach(hit -> member.accept(mapper.toView(hit.source())));
            if (hits.size() < EXPORT_PAGE) {
                return;
            }
            after = hits.getLast().sort();
        }
    }

    @Override
    public SegmentStatistics statistics(Condition condition) {
        return SegmentStatisticsAggregations.of(client, alias, SegmentQueryTranslator.toQuery(condition, clock.instant()));
    }

    private ProfilePage page(SearchRequest request) {
        SearchResponse<ProfileSummaryDocument> response;
        try {
            response = client.search(request, ProfileSummaryDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search profiles", e);
        }
        List<ProfileHit> hits = response.hits().hits().stream()
                .map(hit -> new ProfileHit(hit.source().toSummary(), hit.score())).toList();
        return new ProfilePage(response.hits().total().value(), hits);
    }

    private SearchResponse<ProfileDocument> execute(SearchRequest request) {
        try {
            return client.search(request, ProfileDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search profiles", e);
        }
    }

    private static SortOptions sortBy(String field) {
        return SortOptions.of(s -> s.field(f -> f.field(field).order(SortOrder.Asc)));
    }
}
