package dev.mosaic.identity.adapter.out.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import dev.mosaic.identity.domain.FullResolution;
import dev.mosaic.identity.domain.LinkChanges;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.ReviewEntry;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.MatchModel;

/** Reads the graph for a full run and writes its outcome back, in batches so a large graph never needs one huge transaction. */
final class Neo4jFullRuns {

    private static final int BATCH = 5_000;

    private final Driver driver;

    Neo4jFullRuns(Driver driver) {
        this.driver = driver;
    }

    void forEachRecord(Consumer<SourceRecord> action) {
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("MATCH (r:Record) WITH r ORDER BY r.source, r.recordId RETURN "
                                + Neo4jIdentityGraph.matchingProjection("r") + " AS r")
                        .forEachRemaining(row -> action.accept(Neo4jIdentityGraph.fromMatchingProjection(row.get("r"))));
                return null;
            });
        }
    }

    Optional<MatchModel> currentModel() {
        return driver.executableQuery("MATCH (m:MatchModel {id: 'current'}) RETURN m.text AS text").execute().records()
                .stream().findFirst().map(row -> MatchModel.decode(row.get("text").asString()));
    }

    LinkChanges apply(FullResolution run) {
        try (Session session = driver.session()) {
            LinkChanges linkChanges = replaceChangedLinks(session, run.links());
            session.run("MATCH ()-[r:REVIEW]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume();
            for (List<Map.Entry<SourceRecordKey, ProfileId>> batch : batches(List.copyOf(run.moves().entrySet()))) {
                Map<SourceRecordKey, ProfileId> assignments = new HashMap<>();
                batch.forEach(entry -> assignments.put(entry.getKey(), entry.getValue()));
                session.executeWrite(tx -> {
                    Neo4jIdentityGraph.assign(tx, assignments);
                    return null;
                });
            }
            // Each part in batches of its own transactions: a first run over a large graph removes, records and queues
            // hundreds of thousands of things, more than one transaction's memory allows.
            for (List<String> removed : batches(run.removed().stream().map(ProfileId::value).toList())) {
                session.executeWrite(tx -> tx.run("""
                        UNWIND $removed AS id
                        MATCH (p:Profile {id: id})
                        WHERE NOT EXISTS { (p)<-[:BELONGS_TO]-(:Record) }
                        DELETE p
                        """, Map.of("removed", removed)).consume());
            }
            List<Map<String, Object>> events = new ArrayList<>();
            run.merges().forEach(merge -> merge.absorbed().forEach(absorbed -> events.add(Map.of("kind", "merged",
                    "survivor", merge.survivor().value(), "other", absorbed.value()))));
            run.splits().forEach(split -> split.into().forEach(into -> events.add(Map.of("kind", "split",
                    "survivor", split.previous().value(), "other", into.value()))));
            for (List<Map<String, Object>> batch : batches(events)) {
                session.executeWrite(tx -> tx.run("""
                        UNWIND $events AS e
                        CREATE (:ProfileEvent {kind: e.kind, survivor: e.survivor,
                                absorbed: CASE e.kind WHEN 'merged' THEN e.other END,
                                into: CASE e.kind WHEN 'split' THEN e.other END, run: $run, at: datetime()})
                        """, Map.of("events", batch, "run", run.runId())).consume());
            }
            session.run("""
                    MATCH (i:Identifier) WHERE i.generic = true
                    CALL (i) { REMOVE i.generic, i.genericReason } IN TRANSACTIONS OF 10000 ROWS
                    """).consume();
            List<Map<String, Object>> generic = run.generic().stream().map(value -> Map.<String, Object>of(
                    "type", value.identifier().field().code(), "value", value.identifier().value(),
                    "reason", value.reason())).toList();
            for (List<Map<String, Object>> batch : batches(generic)) {
                session.executeWrite(tx -> tx.run("""
                        UNWIND $values AS v
                        MERGE (i:Identifier {type: v.type, value: v.value})
                        SET i.generic = true, i.genericReason = v.reason
                        """, Map.of("values", batch)).consume());
            }
            for (List<ReviewEntry> batch : batches(run.review())) {
                session.executeWrite(tx -> {
                    Neo4jIdentityGraph.writeReview(tx, batch, run.runId());
                    return null;
                });
            }
            session.executeWrite(tx -> tx.run("""
                    MERGE (m:MatchModel {id: 'current'})
                    SET m.text = $text, m.run = $run, m.at = datetime()
                    """, Map.of("text", run.model().encode(), "run", run.runId())).consume());
            return linkChanges;
        }
    }

    /**
     * Writes only the difference between the stored links and the run's: a link whose two records, rule and score are
     * unchanged stays as it is (its direction does not matter), one with a new rule or score is updated in place, the
     * rest are created or removed. Most of a nightly run's links are the previous night's, so this spares most writes.
     */
    private static LinkChanges replaceChangedLinks(Session session, List<RecordLink> links) {
        Map<String, StoredLink> stored = new HashMap<>();
        session.executeRead(tx -> {
            tx.run("""
                    MATCH (a:Record)-[l:MATCHED]->(b:Record)
                    RETURN elementId(l) AS id, a.source AS aSource, a.recordId AS aId, b.source AS bSource,
                           b.recordId AS bId, l.rule AS rule, l.score AS score
                    """).forEachRemaining(row -> stored.put(
                    pairKey(row.get("aSource").asString(), row.get("aId").asString(), row.get("bSource").asString(),
                            row.get("bId").asString()),
                    new StoredLink(row.get("id").asString(), row.get("rule").asString(null),
                            row.get("score").asDouble(Double.NaN))));
            return null;
        });
        List<RecordLink> created = new ArrayList<>();
        List<Map<String, Object>> updated = new ArrayList<>();
        int kept = 0;
        for (RecordLink link : links) {
            StoredLink existing = stored.remove(pairKey(link.from().source(), link.from().recordId(),
                    link.to().source(), link.to().recordId()));
            if (existing == null) {
                created.add(link);
            } else if (link.rule().equals(existing.rule()) && link.score() == existing.score()) {
                kept++;
            } else {
                Map<String, Object> row = new HashMap<>(Neo4jIdentityGraph.linkRow(link));
                row.put("id", existing.id());
                updated.add(row);
            }
        }
        for (List<String> ids : batches(stored.values().stream().map(StoredLink::id).toList())) {
            session.executeWrite(tx -> tx.run("""
                    UNWIND $ids AS id
                    MATCH ()-[l:MATCHED]->() WHERE elementId(l) = id
                    DELETE l
                    """, Map.of("ids", ids)).consume());
        }
        for (List<Map<String, Object>> rows : batches(updated)) {
            session.executeWrite(tx -> tx.run("""
                    UNWIND $rows AS row
                    MATCH ()-[l:MATCHED]->() WHERE elementId(l) = row.id
                    SET l.rule = row.rule, l.score = row.score, l.evidence = row.evidence, l.fields = row.fields
                    """, Map.of("rows", rows)).consume());
        }
        for (List<RecordLink> batch : batches(created)) {
            session.executeWrite(tx -> {
                Neo4jIdentityGraph.writeLinks(tx, batch);
                return null;
            });
        }
        return new LinkChanges(created.size(), updated.size(), stored.size(), kept);
    }

    /** The same key for a link whichever of its two records it starts from. */
    private static String pairKey(String aSource, String aId, String bSource, String bId) {
        String a = aSource + '\u0000' + aId;
        String b = bSource + '\u0000' + bId;
        return a.compareTo(b) <= 0 ? a + '\u0001' + b : b + '\u0001' + a;
    }

    private record StoredLink(String id, String rule, double score) {
    }

    private static <T> List<List<T>> batches(List<T> items) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += BATCH) {
            batches.add(items.subList(start, Math.min(items.size(), start + BATCH)));
        }
        return batches;
    }
}
