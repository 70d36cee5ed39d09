package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.mosaic.profile.domain.AuditEntry;
import dev.mosaic.profile.domain.AuditTrail;

/**
 * The audit trail as an append-only Elasticsearch index ({@code <profile alias>-audit}): every node writes to it, it
 * survives restarts, and it is queried by time, key and profile, which is what an index is good at. It is not a
 * rebuildable read model, so it is never deleted by a profile index rebuild.
 */
final class ElasticsearchAuditTrail implements AuditTrail {

    record AuditDocument(String at, String who, String action, String path, String profileId, String segmentId) {
    }

    private final ElasticsearchClient client;
    private final String index;

    ElasticsearchAuditTrail(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    void prepareIndex() {
        try {
            if (!client.indices().exists(exists -> exists.index(index)).value()) {
                client.indices().create(create -> create.index(index).mappings(mappings -> mappings
                        .properties("at", property -> property.date(date -> date))
                        .properties("who", property -> property.keyword(keyword -> keyword))
                        .properties("action", property -> property.keyword(keyword -> keyword))
                        .properties("path", property -> property.keyword(keyword -> keyword))
                        .properties("profileId", property -> property.keyword(keyword -> keyword))
                        .properties("segmentId", property -> property.keyword(keyword -> keyword))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the audit index " + index, e);
        }
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            client.index(request -> request.index(index).document(new AuditDocument(entry.at().toString(),
                    entry.who(), entry.action(), entry.path(), entry.profileId(), entry.segmentId())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit trail", e);
        }
    }

    @Override
    public List<AuditEntry> find(AuditTrail.Criteria query) {
        List<Query> filters = new ArrayList<>();
        term(filters, "who", query.who());
        term(filters, "profileId", query.profileId());
        term(filters, "action", query.action());
        if (query.from() != null || query.to() != null) {
            filters.add(Query.of(q -> q.range(range -> range.untyped(untyped -> {
                untyped.field("at");
                if (query.from() != null) {
                    untyped.gte(JsonData.of(query.from().toString()));
                }
                if (query.to() != null) {
                    untyped.lt(JsonData.of(query.to().toString()));
                }
                return untyped;
            }))));
        }
        try {
            // Reading the trail is rare and must see the latest reads: refresh instead of slowing every write.
            client.indices().refresh(refresh -> refresh.index(index));
            return client.search(search -> search.index(index).size(query.limit())
                            .query(q -> q.bool(bool -> bool.filter(filters)))
                            .sort(sort -> sort.field(field -> field.field("at").order(SortOrder.Desc))),
                    AuditDocument.class).hits().hits().stream().map(hit -> hit.source())
                    .map(document -> new AuditEntry(Instant.parse(document.at()), document.who(), document.action(),
                            document.path(), document.profileId(), document.segmentId())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit trail", e);
        }
    }

    private static void term(List<Query> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Query.of(q -> q.term(term -> term.field(field).value(value))));
        }
    }
}
