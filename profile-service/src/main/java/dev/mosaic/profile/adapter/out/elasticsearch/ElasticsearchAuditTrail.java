package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.mosaic.profile.domain.AuditEntry;
import dev.mosaic.profile.domain.AuditTrail;

/**
 * The audit trail as an append-only Elasticsearch index ({@code <profile alias>-audit}): every node writes to it, it
 * survives restarts, and it is queried by time, key and profile, which is what an index is good at. It is not a
 * rebuildable read model, so it is never deleted by a profile index rebuild.
 * <p>
 * Entries are written by group commit: each request still waits until its entry is stored (the trail is as durable
 * as a write per request), but the entries that arrive while one write is under way go together in the next bulk
 * request. One write per request, each with its own translog sync, capped lookups at about 450/s at 1M profiles.
 */
final class ElasticsearchAuditTrail implements AuditTrail, AutoCloseable {

    private static final int MAX_BATCH = 1_000;
    private static final long WAIT_SECONDS = 10;

    private record Pending(AuditEntry entry, CompletableFuture<Void> stored) {
    }

    record AuditDocument(String at, String who, String action, String path, String profileId, String segmentId) {
    }

    private final ElasticsearchClient client;
    private final String index;
    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean open = true;

    ElasticsearchAuditTrail(ElasticsearchClient client, String index) {
        this.client = client;
        this.index = index;
        this.writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::writeWhatArrives);
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
        if (!open) {
            throw new IllegalStateException("The audit trail is closed");
        }
        Pending write = new Pending(entry, new CompletableFuture<>());
        pending.add(write);
        try {
            write.stored().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write the audit trail: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The audit trail did not store an entry within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the audit trail", e);
        }
    }

    private void writeWhatArrives() {
        List<Pending> batch = new ArrayList<>();
        while (open || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                open = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<BulkOperation> operations = batch.stream().map(Pending::entry).map(entry -> BulkOperation.of(operation ->
                operation.index(write -> write.index(index).document(new AuditDocument(entry.at().toString(),
                        entry.who(), entry.action(), entry.path(), entry.profileId(), entry.segmentId()))))).toList();
        try {
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < batch.size(); i++) {
                var error = i < items.size() ? items.get(i).error() : null;
                if (error == null && i < items.size()) {
                    batch.get(i).stored().complete(null);
                } else {
                    batch.get(i).stored().completeExceptionally(new IOException(error == null
                            ? "no answer for the entry" : error.type() + ": " + error.reason()));
                }
            }
        } catch (IOException | RuntimeException e) {
            batch.forEach(write -> write.stored().completeExceptionally(e));
        }
    }

    /** Stores what is still queued, then stops the writer. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
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
