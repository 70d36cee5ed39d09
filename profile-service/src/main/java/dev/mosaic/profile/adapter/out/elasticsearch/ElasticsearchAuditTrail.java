package dev.mosaic.profile.adapter.out.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import dev.mosaic.profile.domain.AuditEntry;
import dev.mosaic.profile.domain.AuditTrail;

/**
 * The audit trail as an append-only Elasticsearch index ({@code <profile alias>-audit}): every node writes to it, it
 * survives restarts, and it is queried by time, key and profile, which is what an index is good at. It is not a
 * rebuildable read model, so it is never deleted by a profile index rebuild.
 * <p>
 * An entry is first appended to this node's {@link AuditJournal} and forced to its disk; only then does
 * {@link #record} return, and the read it records is answered. A shipper thread copies the journal into the index in
 * bulk requests (every {@code shipInterval}, a few hundred entries each at full load), with the journal's id and the
 * entry's sequence number as document id, so an entry shipped twice (after a crash) is stored once. Waiting for a
 * local sync instead of a write to Elasticsearch per request took the audit trail out of the lookup's latency and most
 * of its CPU cost (an Elasticsearch bulk request per request group, with its own translog sync), and reads stay
 * audited while Elasticsearch is away: the journal keeps the entries until it is back. {@link #find} ships what this
 * node has journaled before it searches, so an admin sees the reads of the node they ask at once and those of other
 * nodes within a shipping interval.
 */
final class ElasticsearchAuditTrail implements AuditTrail, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchAuditTrail.class);
    private static final int MAX_BATCH = 5_000;

    record AuditDocument(String at, String who, String action, String path, String profileId, String segmentId) {
    }

    private final ElasticsearchClient client;
    private final String index;
    private final AuditJournal journal;
    private final long shipIntervalMillis;
    private final Object lifecycle = new Object();
    private Thread shipper;
    private volatile boolean open = true;
    private boolean failing;

    ElasticsearchAuditTrail(ElasticsearchClient client, String index, AuditJournal journal, Duration shipInterval) {
        this.client = client;
        this.index = index;
        this.journal = journal;
        this.shipIntervalMillis = Math.max(1, shipInterval.toMillis());
    }

    /**
     * Starts the shipper, after {@link #prepareIndex}: shipping into an index that does not exist yet would let
     * Elasticsearch create it with a guessed mapping (text instead of keywords), and the trail could not be searched
     * by key or profile.
     */
    void startShipping() {
        synchronized (lifecycle) {
            if (shipper == null && open) {
                shipper = Thread.ofPlatform().name("audit-shipper").daemon().start(this::shipWhatArrives);
            }
        }
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

    /** Returns once the entry is in this node's journal on disk; throws when it could not be stored there. */
    @Override
    public void record(AuditEntry entry) {
        journal.append(entry);
    }

    private void shipWhatArrives() {
        while (open) {
            try {
                journal.awaitAppendedAfter(journal.shippedSequence(), 1_000);
                // Let a shipping interval's entries gather: one bulk request for them all.
                Thread.sleep(shipIntervalMillis);
                shipUpTo(journal.lastSequence());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("The audit trail cannot reach Elasticsearch ({}); its entries wait in the journal and are "
                            + "shipped when it is back", e.getMessage());
                    failing = true;
                }
                try {
                    Thread.sleep(Math.max(1_000, shipIntervalMillis));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** Ships every journaled entry up to {@code sequence} (called by the shipper and by {@link #find}). */
    private synchronized void shipUpTo(long sequence) {
        while (journal.shippedSequence() < sequence) {
            List<AuditJournal.Journaled> batch = journal.readAfter(journal.shippedSequence(), MAX_BATCH);
            if (batch.isEmpty()) {
                return;
            }
            ship(batch);
            journal.shipped(batch.getLast().sequence());
            if (failing) {
                log.info("The audit trail reaches Elasticsearch again; the journaled entries are shipped");
                failing = false;
            }
        }
    }

    private void ship(List<AuditJournal.Journaled> batch) {
        List<BulkOperation> operations = batch.stream().map(journaled -> {
            AuditEntry entry = journaled.entry();
            AuditDocument document = new AuditDocument(entry.at().toString(), entry.who(), entry.action(),
                    entry.path(), entry.profileId(), entry.segmentId());
            String id = journal.id() + ":" + journaled.sequence();
            return BulkOperation.of(operation -> operation.index(write -> write.index(index).id(id).document(document)));
        }).toList();
        try {
            BulkResponse response = client.bulk(bulk -> bulk.operations(operations));
            if (response.errors()) {
                String reason = response.items().stream().filter(item -> item.error() != null)
                        .map(item -> item.error().type() + ": " + item.error().reason()).findFirst().orElse("unknown");
                throw new IllegalStateException("Elasticsearch refused audit entries, e.g. " + reason);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot ship the audit trail to Elasticsearch", e);
        }
    }

    /** Stores what is still queued in the journal, ships what it can, then stops. */
    @Override
    public void close() throws InterruptedException {
        Thread running;
        synchronized (lifecycle) {
            open = false;
            running = shipper;
        }
        if (running != null) {
            running.interrupt();
            running.join(5_000);
        }
        journal.close();
        try {
            shipUpTo(journal.lastSequence());
        } catch (RuntimeException e) {
            log.warn("Audit entries up to {} stay in the journal and are shipped at the next start: {}",
                    journal.lastSequence(), e.getMessage());
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
        // Reading the trail is rare and must see the latest reads: ship and refresh now instead of slowing every write.
        shipUpTo(journal.lastSequence());
        try {
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
