package dev.mosaic.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.IncrementalResolver;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.IncrementalMatching;
import dev.mosaic.identity.domain.matching.MatchModel;
import dev.mosaic.identity.domain.matching.ResolutionEngine;

/**
 * Two imports storing some of the same records at once: the one that comes second sees the first one's records as
 * they are once it has committed, whatever moment it read them at. The first import is held inside its transaction
 * (records written, not committed) until the second is waiting on its locks, so the race happens every time.
 */
class ConcurrentStoringIT extends EmptyGraphTest {

    /** A thread per import: the common pool may have only one on a small machine. */
    private final ExecutorService imports = Executors.newFixedThreadPool(2);
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);

    @Test
    void twoImportsOfOverlappingNewRecordsStoreEachRecordOnceAndCountTheOverlapUnchanged() throws Exception {
        List<SourceRecord> first = customers(1, 40);
        List<SourceRecord> second = customers(21, 60);
        RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });

        CompletableFuture<IdentityGraph.Resolution> firstImport = CompletableFuture.supplyAsync(
                () -> graph.storeAndResolve(first, heldInsideItsTransaction()), imports);
        assertThat(firstHeld.await(60, TimeUnit.SECONDS)).as("first import inside its transaction").isTrue();
        CompletableFuture<RecordIngestion.Outcome> secondImport = CompletableFuture.supplyAsync(
                () -> ingestion.ingest(second), imports);
        awaitATransactionBlockedOrDone(secondImport);
        releaseFirst.countDown();

        List<RecordChange> firstChanges = firstImport.get(60, TimeUnit.SECONDS).changes();
        RecordIngestion.Outcome secondOutcome = secondImport.get(60, TimeUnit.SECONDS);

        assertThat(firstChanges).hasSize(40).containsOnly(RecordChange.IMPORTED);
        assertThat(secondOutcome.count(RecordChange.UNCHANGED)).as("the 20 records the first import stored").isEqualTo(20);
        assertThat(secondOutcome.count(RecordChange.IMPORTED)).isEqualTo(20);
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isEqualTo(60);
        assertThat(count("MATCH (r:Record) RETURN count(DISTINCT [r.source, r.recordId]) AS n")).isEqualTo(60);
        assertThat(count("MATCH (r:Record) WHERE COUNT { (r)-[:BELONGS_TO]->(:Profile) } = 1 RETURN count(r) AS n"))
                .as("every record in exactly one profile").isEqualTo(60);
        assertThat(count("MATCH (r:Record) WHERE r.recordId IN ['21', '40'] MATCH (r)-[:HAS_IDENTIFIER]->(i) "
                + "RETURN count(i) AS n")).as("identifiers not doubled").isEqualTo(2);
    }

    @Test
    void twoImportsChangingARecordTheSameWayAtOnceUpdateItOnceAndKeepOneEarlierVersion() throws Exception {
        RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });
        ingestion.ingest(List.of(customer("7", "Anna", "Schmidt")));
        SourceRecord married = customer("7", "Anna", "Meyer");

        CompletableFuture<IdentityGraph.Resolution> firstImport = CompletableFuture.supplyAsync(
                () -> graph.storeAndResolve(List.of(married), heldInsideItsTransaction()), imports);
        assertThat(firstHeld.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<RecordIngestion.Outcome> secondImport = CompletableFuture.supplyAsync(
                () -> ingestion.ingest(List.of(married)), imports);
        awaitATransactionBlockedOrDone(secondImport);
        releaseFirst.countDown();

        assertThat(firstImport.get(60, TimeUnit.SECONDS).changes()).containsExactly(RecordChange.UPDATED);
        RecordIngestion.Outcome second = secondImport.get(60, TimeUnit.SECONDS);
        assertThat(second.count(RecordChange.UNCHANGED)).as("the first import already made the change").isEqualTo(1);
        assertThat(second.count(RecordChange.UPDATED)).isZero();
        assertThat(driver.executableQuery("MATCH (:Record {recordId: '7'})-[:PREVIOUS_VERSION]->(v) RETURN v.lastName AS last")
                .execute().records()).extracting(row -> row.get("last").asString()).containsExactly("Schmidt");
    }

    @AfterEach
    void stopImports() {
        releaseFirst.countDown();
        imports.shutdownNow();
    }

    /** Incremental matching that waits inside the transaction, after the batch's records are written. */
    private IncrementalResolver heldInsideItsTransaction() {
        IncrementalMatching matching = new IncrementalMatching(MatchModel.defaults(), ResolutionEngine.Settings.defaults());
        return neighbourhood -> {
            firstHeld.countDown();
            try {
                releaseFirst.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return matching.decide(neighbourhood);
        };
    }

    /** Waits until some transaction waits for another's locks (the second import on the first's records). */
    private void awaitATransactionBlockedOrDone(CompletableFuture<?> second) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && !second.isDone()) {
            boolean blocked = driver.executableQuery("SHOW TRANSACTIONS YIELD status RETURN status").execute().records()
                    .stream().anyMatch(row -> row.get("status").asString("").startsWith("Blocked"));
            if (blocked) {
                return;
            }
            Thread.sleep(20);
        }
        if (!second.isDone()) {
            throw new AssertionError("the second import never waited for the first one's locks: " + driver
                    .executableQuery("SHOW TRANSACTIONS YIELD * RETURN status, left(currentQuery, 60) AS query").execute()
                    .records());
        }
    }

    private long count(String query) {
        return driver.executableQuery(query).execute().records().getFirst().get("n").asLong();
    }

    private static List<SourceRecord> customers(int from, int to) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            records.add(customer(Integer.toString(i), "Kunde" + i, "Nummer" + i));
        }
        return records;
    }

    private static SourceRecord customer(String id, String first, String last) {
        return SourceRecord.contact(new SourceRecordKey("crm", id), first, last,
                new EmailAddress("kunde" + id + "@example.de"));
    }
}
