package dev.mosaic.profile.adapter.out.neo4j;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

import dev.mosaic.profile.domain.ProjectionSchedule;

/**
 * The projection schedule as {@code (:ProjectionDue {readModel, profileId, dueAt, mark})} nodes in the identity graph,
 * one per profile that is due now or will be: the graph is the store that stays when the read model does not answer,
 * and a node per profile with an index on its due time finds the next thousand due among millions with one index
 * seek. {@code readModel} is the profile alias, so two read models built from one graph keep their own schedules.
 * {@code dueAt} is in epoch milliseconds, rounded up, so a profile is never looked at before its time.
 */
final class Neo4jProjectionSchedule implements ProjectionSchedule {

    private final Driver driver;
    private final String readModel;

    Neo4jProjectionSchedule(Driver driver, String readModel) {
        this.driver = driver;
        this.readModel = readModel;
        try (var session = driver.session()) {
            session.run("CREATE CONSTRAINT projection_due_key IF NOT EXISTS FOR (d:ProjectionDue) "
                    + "REQUIRE (d.readModel, d.profileId) IS UNIQUE").consume();
            session.run("CREATE INDEX projection_due_at IF NOT EXISTS FOR (d:ProjectionDue) ON (d.readModel, d.dueAt)")
                    .consume();
        }
    }

    @Override
    public void markDue(Collection<String> profileIds, Instant at, String mark) {
        if (profileIds.isEmpty()) {
            return;
        }
        driver.executableQuery("""
                        UNWIND $ids AS id
                        MERGE (d:ProjectionDue {readModel: $readModel, profileId: id})
                        SET d.dueAt = $at, d.mark = $mark""")
                .withParameters(Map.of("ids", List.copyOf(profileIds), "readModel", readModel, "at", millis(at),
                        "mark", mark))
                .execute();
    }

    @Override
    public List<Entry> due(Instant now, int limit) {
        return driver.executableQuery("""
                        MATCH (d:ProjectionDue) WHERE d.readModel = $readModel AND d.dueAt <= $now
                        RETURN d.profileId AS profileId, d.mark AS mark ORDER BY d.dueAt LIMIT $limit""")
                .withParameters(Map.of("readModel", readModel, "now", millis(now), "limit", limit))
                .execute().records().stream()
                .map(record -> new Entry(record.get("profileId").asString(), record.get("mark").asString()))
                .toList();
    }

    @Override
    public void settle(Collection<Settled> settled) {
        if (settled.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = settled.stream().map(entry -> {
            Map<String, Object> row = new HashMap<>();
            row.put("profileId", entry.profileId());
            row.put("mark", entry.mark());
            row.put("next", entry.next() == null ? null : millis(entry.next()));
            return row;
        }).toList();
        // One statement: each entry still under its mark is rescheduled, or dropped when nothing is due any more.
        driver.executableQuery("""
                        UNWIND $rows AS row
                        MATCH (d:ProjectionDue {readModel: $readModel, profileId: row.profileId})
                        WHERE d.mark = row.mark
                        FOREACH (ignored IN CASE WHEN row.next IS NULL THEN [] ELSE [1] END | SET d.dueAt = row.next)
                        WITH d, row WHERE row.next IS NULL
                        DELETE d""")
                .withParameters(Map.of("rows", rows, "readModel", readModel))
                .execute();
    }

    @Override
    public void postpone(Collection<Entry> entries, Instant until) {
        if (entries.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = entries.stream()
                .map(entry -> Map.<String, Object>of("profileId", entry.profileId(), "mark", entry.mark())).toList();
        driver.executableQuery("""
                        UNWIND $rows AS row
                        MATCH (d:ProjectionDue {readModel: $readModel, profileId: row.profileId})
                        WHERE d.mark = row.mark
                        SET d.dueAt = $until""")
                .withParameters(Map.of("rows", rows, "readModel", readModel, "until", millis(until)))
                .execute();
    }

    @Override
    public long countDue(Instant now) {
        return driver.executableQuery("""
                        MATCH (d:ProjectionDue) WHERE d.readModel = $readModel AND d.dueAt <= $now
                        RETURN count(d) AS due""")
                .withParameters(Map.of("readModel", readModel, "now", millis(now)))
                .execute().records().getFirst().get("due").asLong();
    }

    /** Epoch milliseconds, rounded up; beyond what a long holds (dates a quarter of a billion years away), never. */
    private static long millis(Instant at) {
        try {
            long millis = at.toEpochMilli();
            return at.getNano() % 1_000_000 == 0 ? millis : Math.addExact(millis, 1);
        } catch (ArithmeticException beyondRange) {
            return at.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
