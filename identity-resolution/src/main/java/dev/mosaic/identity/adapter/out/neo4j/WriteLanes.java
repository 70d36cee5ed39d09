package dev.mosaic.identity.adapter.out.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Writes large amounts in batches (one transaction each) on several sessions at once. Callers split the work into
 * lanes that lock disjoint nodes (the records and profiles of different clusters), so the lanes do not wait for each
 * other; should two ever meet on a node, Neo4j reports a deadlock and the managed transaction is retried. With one
 * session, the database waits while the client prepares the next batch and the client waits while the database
 * commits: two lanes keep both busy.
 */
final class WriteLanes {

    private final Driver driver;
    private final int lanes;
    private final int batchSize;

    WriteLanes(Driver driver, int lanes, int batchSize) {
        this.driver = driver;
        this.lanes = lanes;
        this.batchSize = batchSize;
    }

    int lanes() {
        return lanes;
    }

    /** Which lane an item with this grouping key goes to: the same key, the same lane. */
    int laneOf(Object groupingKey) {
        return Math.floorMod(groupingKey.hashCode(), lanes);
    }

    /**
     * Runs {@code query} over each lane's items in batches, the parameter {@code $rows} holding a batch; lanes run at
     * the same time. Returns when every batch is committed, or throws the first failure.
     */
    void write(List<? extends List<?>> itemsByLane, String query, Map<String, Object> otherParameters) {
        List<List<? extends List<?>>> batchesByLane = new ArrayList<>();
        for (List<?> items : itemsByLane) {
            List<List<?>> batches = new ArrayList<>();
            for (int start = 0; start < items.size(); start += batchSize) {
                batches.add(items.subList(start, Math.min(items.size(), start + batchSize)));
            }
            batchesByLane.add(batches);
        }
        run(batchesByLane.stream().filter(batches -> !batches.isEmpty()).map(batches -> (Function<Session, Void>) session -> {
            for (List<?> batch : batches) {
                Map<String, Object> parameters = new java.util.HashMap<>(otherParameters);
                parameters.put("rows", batch);
                session.executeWrite(tx -> tx.run(query, parameters).consume());
            }
            return null;
        }).toList());
    }

    /** Splits {@code items} into lanes by their grouping key. */
    <T> List<List<T>> byLane(Iterable<T> items, Function<T, Object> groupingKey) {
        List<List<T>> byLane = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            byLane.add(new ArrayList<>());
        }
        items.forEach(item -> byLane.get(laneOf(groupingKey.apply(item))).add(item));
        return byLane;
    }

    private void run(List<Function<Session, Void>> work) {
        if (work.size() <= 1) {
            work.forEach(lane -> {
                try (Session session = driver.session()) {
                    lane.apply(session);
                }
            });
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(work.size(), runnable -> {
            Thread thread = new Thread(runnable, "mosaic-graph-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> futures = work.stream().map(lane -> executor.submit(() -> {
                try (Session session = driver.session()) {
                    return lane.apply(session);
                }
            })).toList();
            for (Future<Void> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to the graph", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }
}
