package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsAggregate;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import dev.mosaic.profile.domain.CategoryHistory;
import dev.mosaic.profile.domain.CoPurchaseCounts;
import dev.mosaic.profile.domain.CoPurchaseStatistics;

/**
 * Co-purchase counts over every profile by one aggregation request on the profile index: N is the number of profiles
 * with a category bought and kept, n(X) a terms aggregation on {@code categoryHistory.bought}, n(A -> B) one on
 * {@code categoryHistory.sequences}. Each profile holds a category or sequence once, so a bucket's document count is
 * a number of customers. The index has one shard, so the counts are exact.
 */
final class ElasticsearchCoPurchaseCounts implements CoPurchaseCounts {

    /** More distinct categories or sequences than this are cut, least bought first, and a warning is logged. */
    static final int MAX_BUCKETS = 20_000;

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchCoPurchaseCounts.class);

    private final ElasticsearchClient client;
    private final String alias;
    private final Clock clock;

    ElasticsearchCoPurchaseCounts(ElasticsearchClient client, String alias, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.clock = clock;
    }

    @Override
    public CoPurchaseStatistics count(int minCustomers) {
        SearchResponse<Void> response;
        try {
            response = client.search(search -> search
                    .index(alias).size(0).trackTotalHits(total -> total.enabled(true))
                    .query(query -> query.exists(exists -> exists.field("categoryHistory.bought")))
                    .aggregations("bought", a -> a.terms(t -> t.field("categoryHistory.bought").size(MAX_BUCKETS)))
                    .aggregations("sequences", a -> a.terms(t -> t.field("categoryHistory.sequences")
                            .size(MAX_BUCKETS).minDocCount(Math.max(1, minCustomers)))), Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count co-purchases", e);
        }
        Map<String, Long> byCategory = new HashMap<>();
        StringTermsAggregate bought = response.aggregations().get("bought").sterms();
        bought.buckets().array().forEach(bucket -> byCategory.put(bucket.key().stringValue(), bucket.docCount()));
        Map<CategoryHistory.Sequence, Long> bySequence = new HashMap<>();
        StringTermsAggregate sequences = response.aggregations().get("sequences").sterms();
        sequences.buckets().array().forEach(bucket -> CategoryHistory.parse(bucket.key().stringValue())
                .ifPresent(sequence -> bySequence.put(sequence, bucket.docCount())));
        if (bought.sumOtherDocCount() != null && bought.sumOtherDocCount() > 0
                || sequences.sumOtherDocCount() != null && sequences.sumOtherDocCount() > 0) {
            log.warn("More than {} categories or category sequences: the least bought are left out of the "
                    + "co-purchase statistics", MAX_BUCKETS);
        }
        return new CoPurchaseStatistics(response.hits().total().value(), byCategory, bySequence, clock.instant());
    }
}
