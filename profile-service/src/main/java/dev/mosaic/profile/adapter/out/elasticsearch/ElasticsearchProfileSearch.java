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
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.profile.domain.SearchQuery;
import dev.mosaic.profile.domain.segment.Condition;
import dev.mosaic.profile.domain.segment.SegmentStatistics;

/**
 * Search and segments over the profile index. Names are matched token by token on {@code nameTokens} (folded in
 * Java): exactly, as a prefix (typing in progress) or within the edit distance Elasticsearch's AUTO fuzziness allows
 * for the token's length (one edit from 3 letters, two from 6); every typed token must match. Identifiers typed into
 * the box (email, phone, loyalty id) are exact term lookups, an email also as a prefix.
 */
final class ElasticsearchProfileSearch implements ProfileSearch {

    static final int EXPORT_PAGE = 500;

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
        List<Query> filters = new ArrayList<>();
        if (query.cityKey() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("cityKeys").value(query.cityKey()))));
        }
        if (query.store() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("purchases.stores.name").value(query.store()))));
        }
        segment.ifPresent(condition -> filters.add(SegmentQueryTranslator.toQuery(condition, clock.instant())));
        Query text = textQuery(query);
        Query combined = Query.of(q -> q.bool(b -> {
            b.filter(filters);
            return text == null ? b : b.must(text);
        }));
        List<SortOptions> sort = text == null
                ? List.of(sortBy("displayName.keyword"), sortBy("profileId"))
                : List.of(SortOptions.of(s -> s.score(score -> score.order(SortOrder.Desc))), sortBy("profileId"));
        return page(SearchRequest.of(search -> search.index(alias).query(combined).from(page * size).size(size)
                .trackTotalHits(total -> total.enabled(true)).sort(sort)));
    }

    /** Null when nothing was typed: then the filters alone decide. */
    static Query textQuery(SearchQuery query) {
        if (!query.hasText()) {
            return null;
        }
        List<Query> should = new ArrayList<>();
        if (!query.nameTokens().isEmpty()) {
            List<Query> tokens = query.nameTokens().stream().map(ElasticsearchProfileSearch::nameToken).toList();
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

    private static Query nameToken(String token) {
        List<Query> ways = new ArrayList<>();
        ways.add(Query.of(q -> q.term(t -> t.field("nameTokens").value(token).boost(3f))));
        ways.add(Query.of(q -> q.prefix(p -> p.field("nameTokens").value(token).boost(2f))));
        if (token.length() >= 3) {
            // The first letter must be right: a typo there is rare, and it keeps fuzzy expansion cheap on a large index.
            ways.add(Query.of(q -> q.fuzzy(f -> f.field("nameTokens").value(token).fuzziness("AUTO").prefixLength(1))));
        }
        return Query.of(q -> q.bool(b -> b.should(ways).minimumShouldMatch("1")));
    }

    @Override
    public long count(Condition condition) {
        Query query = SegmentQueryTranslator.toQuery(condition, clock.instant());
        try {
            return client.count(count -> count.index(alias).query(query)).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count a segment", e);
        }
    }

    @Override
    public ProfilePage members(Condition condition, int page, int size) {
        Query query = SegmentQueryTranslator.toQuery(condition, clock.instant());
        return page(SearchRequest.of(search -> search.index(alias).query(query).from(page * size).size(size)
                .trackTotalHits(total -> total.enabled(true)).sort(sortBy("profileId"))));
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
        SearchResponse<ProfileDocument> response = execute(request);
        List<ProfileHit> hits = response.hits().hits().stream()
                .map(hit -> new ProfileHit(mapper.toView(hit.source()), hit.score())).toList();
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
