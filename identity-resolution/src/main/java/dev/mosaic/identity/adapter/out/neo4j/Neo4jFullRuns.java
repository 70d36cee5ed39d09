package dev.mosaic.identity.adapter.out.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(Neo4jFullRuns.class);
    private static final int BATCH = 5_000;
    /** Sessions writing a run's links and memberships at once (see {@link WriteLanes}). */
    private static final int WRITE_LANES = 2;

    private final Driver driver;
    private final WriteLanes lanes;

    Neo4jFullRuns(Driver driver) {
        this.driver = driver;
        this.lanes = new WriteLanes(driver, WRITE_LANES, BATCH);
    }

    /**
     * One pass over every record and its profile, streamed in the order of the (source, recordId) constraint's index,
     * so neither a sort in the database nor a second query for the memberships is needed.
     */
    void forEachRecord(BiConsumer<SourceRecord, ProfileId> action) {
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                SourceRecordKey[] last = {null};
                tx.run("MATCH (r:Record) WHERE r.source IS NOT NULL AND r.recordId IS NOT NULL "
                                + "WITH r ORDER BY r.source, r.recordId "
                                + "OPTIONAL MATCH (r)-[:BELONGS_TO]->(p:Profile) "
                                + "RETURN " + Neo4jIdentityGraph.matchingProjection("r") + " AS r, p.id AS profileId")
                        .forEachRemaining(row -> {
                            SourceRecord record = Neo4jIdentityGraph.fromMatchingProjection(row.get("r"));
                            // A record belongs to one profile; should a second membership ever exist, the run still
                            // sees the record once (and gives it one profile).
                            if (!record.key().equals(last[0])) {
                                last[0] = record.key();
                                Value profile = row.get("profileId");
                                action.accept(record, profile.isNull() ? null : new ProfileId(profile.asString()));
                            }
                        });
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
            long started = System.nanoTime();
            LinkChanges linkChanges = replaceChangedLinks(session, run.links());
            long linked = System.nanoTime();
            ReviewChanges reviewChanges = replaceChangedReview(session, run.review(), run.runId());
            long reviewed = System.nanoTime();
            writeMemberships(run.moves());
            long moved = System.nanoTime();
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
            session.executeWrite(tx -> tx.run("""
                    MERGE (m:MatchModel {id: 'current'})
                    SET m.text = $text, m.run = $run, m.at = datetime()
                    """, Map.of("text", run.model().encode(), "run", run.runId())).consume());
            long done = System.nanoTime();
            log.info("Full run {} written in {} ms: links {} ms ({}), review queue {} ms ({}), memberships {} ms ({} "
                            + "records moved), profiles, events, generic values and model {} ms", run.runId(),
                    (done - started) / 1_000_000, (linked - started) / 1_000_000, linkChanges,
                    (reviewed - linked) / 1_000_000, reviewChanges, (moved - reviewed) / 1_000_000, run.moves().size(),
                    (done - moved) / 1_000_000);
            return linkChanges;
        }
    }

    private record ReviewChanges(int created, int updated, int removed, int kept) {
    }

    /**
     * The review queue is replaced by the run's, writing only the difference like the links: a pair held back again
     * for the same reason with the same probability stays (and keeps the run that queued it first). A first run over a
     * large graph queues millions of pairs; a nightly run over unchanged records queues the same ones again.
     */
    private ReviewChanges replaceChangedReview(Session session, List<ReviewEntry> review, String runId) {
        Map<String, StoredReview> stored = new HashMap<>();
        List<StoredReview> duplicates = new ArrayList<>();
        session.executeRead(tx -> {
            tx.run("""
                    MATCH (a:Record)-[r:REVIEW]->(b:Record)
                    RETURN elementId(r) AS id, a.source AS aSource, a.recordId AS aId, b.source AS bSource,
                           b.recordId AS bId, r.probability AS probability, r.reason AS reason
                    """).forEachRemaining(row -> {
                StoredReview earlier = stored.put(
                        pairKey(row.get("aSource").asString(), row.get("aId").asString(), row.get("bSource").asString(),
                                row.get("bId").asString()),
                        new StoredReview(row.get("id").asString(), row.get("probability").asDouble(Double.NaN),
                                row.get("reason").asString(null)));
                if (earlier != null) {
                    // the same pair queued in both directions (by incremental resolution): one goes
                    duplicates.add(earlier);
                }
            });
            return null;
        });
        List<ReviewEntry> created = new ArrayList<>();
        List<Map<String, Object>> updated = new ArrayList<>();
        int kept = 0;
        Set<String> seen = new HashSet<>();
        for (ReviewEntry entry : review) {
            String key = pairKey(entry.first().source(), entry.first().recordId(), entry.second().source(),
                    entry.second().recordId());
            if (!seen.add(key)) {
                continue;
            }
            StoredReview existing = stored.remove(key);
            if (existing == null) {
                created.add(entry);
            } else if (entry.probability() == existing.probability() && entry.reason().equals(existing.reason())) {
                kept++;
            } else {
                updated.add(Map.of("id", existing.id(), "probability", entry.probability(), "reason", entry.reason()));
            }
        }
        List<Map<String, Object>> removed = new ArrayList<>();
        stored.values().forEach(entry -> removed.add(Map.of("id", entry.id())));
        duplicates.forEach(entry -> removed.add(Map.of("id", entry.id())));
        lanes.write(lanes.byLane(removed, row -> row.get("id")), """
                UNWIND $rows AS row
                MATCH ()-[r:REVIEW]->() WHERE elementId(r) = row.id
                DELETE r
                """, Map.of());
        lanes.write(lanes.byLane(updated, row -> row.get("id")), """
                UNWIND $rows AS row
                MATCH ()-[r:REVIEW]->() WHERE elementId(r) = row.id
                SET r.probability = row.probability, r.reason = row.reason
                """, Map.of());
        Map<SourceRecordKey, SourceRecordKey> groups = new HashMap<>();
        created.forEach(entry -> union(groups, entry.first(), entry.second()));
        Map<SourceRecordKey, List<Map<String, Object>>> byFirst = new java.util.LinkedHashMap<>();
        created.forEach(entry -> byFirst.computeIfAbsent(entry.first(), k -> new ArrayList<>()).add(Map.of(
                "toSource", entry.second().source(), "toId", entry.second().recordId(),
                "probability", entry.probability(), "reason", entry.reason())));
        List<List<Map<String, Object>>> byLane = emptyLanes();
        byFirst.forEach((first, pairs) -> byLane.get(lanes.laneOf(find(groups, first))).add(Map.of(
                "source", first.source(), "recordId", first.recordId(), "pairs", pairs)));
        lanes.write(byLane, """
                UNWIND $rows AS start
                MATCH (a:Record {source: start.source, recordId: start.recordId})
                UNWIND start.pairs AS pair
                MATCH (b:Record {source: pair.toSource, recordId: pair.toId})
                CREATE (a)-[:REVIEW {probability: pair.probability, reason: pair.reason, run: $run}]->(b)
                """, Map.of("run", runId));
        return new ReviewChanges(created.size(), updated.size(), removed.size(), kept);
    }

    private record StoredReview(String id, double probability, String reason) {
    }

    /**
     * Moves records to their new profiles, a profile with all its arriving records at a time; profiles go to the
     * lanes by id, so two lanes never lock the same profile (only an old profile losing records to two lanes can
     * make them meet). The first run after a bulk load moves every record: this is most of its writing.
     */
    private void writeMemberships(Map<SourceRecordKey, ProfileId> moves) {
        Map<ProfileId, List<Map<String, Object>>> arrivals = new HashMap<>();
        moves.forEach((record, profile) -> arrivals.computeIfAbsent(profile, p -> new ArrayList<>())
                .add(Neo4jIdentityGraph.keyParameters(record)));
        List<Map<String, Object>> rows = new ArrayList<>();
        arrivals.forEach((profile, members) -> rows.add(Map.of("id", profile.value(), "members", members)));
        lanes.write(lanes.byLane(rows, row -> row.get("id")), """
                UNWIND $rows AS profile
                MERGE (p:Profile {id: profile.id})
                  ON CREATE SET p.createdAt = datetime()
                WITH p, profile
                UNWIND profile.members AS member
                MATCH (r:Record {source: member.source, recordId: member.recordId})
                CALL (r) {
                    MATCH (r)-[old:BELONGS_TO]->()
                    DELETE old
                }
                CREATE (r)-[:BELONGS_TO]->(p)
                """, Map.of());
    }

    /**
     * Writes only the difference between the stored links and the run's: a link whose two records, rule and score are
     * unchanged stays as it is (its direction does not matter), one with a new rule or score is updated in place, the
     * rest are created or removed. Most of a nightly run's links are the previous night's, so this spares most writes.
     */
    private LinkChanges replaceChangedLinks(Session session, List<RecordLink> links) {
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
        // Removals first and in one lane: they lock records that the other lanes' new links may also touch.
        for (List<String> ids : batches(stored.values().stream().map(StoredLink::id).toList())) {
            session.executeWrite(tx -> tx.run("""
                    UNWIND $ids AS id
                    MATCH ()-[l:MATCHED]->() WHERE elementId(l) = id
                    DELETE l
                    """, Map.of("ids", ids)).consume());
        }
        lanes.write(lanes.byLane(updated, row -> row.get("id")), """
                UNWIND $rows AS row
                MATCH ()-[l:MATCHED]->() WHERE elementId(l) = row.id
                SET l.rule = row.rule, l.score = row.score, l.evidence = row.evidence, l.fields = row.fields
                """, Map.of());
        writeNewLinks(created);
        return new LinkChanges(created.size(), updated.size(), stored.size(), kept);
    }

    /**
     * New links, grouped by the record they start from (one index seek for all of a record's links) and laned by
     * cluster: a run's links join records of one profile, so the links of one connected group of records share a lane
     * and two lanes never lock the same record.
     */
    private void writeNewLinks(List<RecordLink> created) {
        Map<SourceRecordKey, SourceRecordKey> groups = new HashMap<>();
        created.forEach(link -> union(groups, link.from(), link.to()));
        Map<SourceRecordKey, List<Map<String, Object>>> byStart = new java.util.LinkedHashMap<>();
        created.forEach(link -> byStart.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(Map.of(
                "toSource", link.to().source(), "toId", link.to().recordId(), "rule", link.rule(),
                "score", link.score(), "evidence", link.evidence(),
                "fields", link.contributions().stream().map(dev.mosaic.identity.domain.matching.FieldContribution::encoded)
                        .toList())));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Object> laneKeys = new ArrayList<>();
        byStart.forEach((from, links) -> {
            rows.add(Map.of("source", from.source(), "recordId", from.recordId(), "links", links));
            laneKeys.add(find(groups, from));
        });
        List<List<Map<String, Object>>> byLane = emptyLanes();
        for (int i = 0; i < rows.size(); i++) {
            byLane.get(lanes.laneOf(laneKeys.get(i))).add(rows.get(i));
        }
        lanes.write(byLane, """
                UNWIND $rows AS start
                MATCH (a:Record {source: start.source, recordId: start.recordId})
                UNWIND start.links AS link
                MATCH (b:Record {source: link.toSource, recordId: link.toId})
                CREATE (a)-[:MATCHED {rule: link.rule, score: link.score, evidence: link.evidence, fields: link.fields}]->(b)
                """, Map.of());
    }

    private List<List<Map<String, Object>>> emptyLanes() {
        List<List<Map<String, Object>>> byLane = new ArrayList<>();
        for (int lane = 0; lane < lanes.lanes(); lane++) {
            byLane.add(new ArrayList<>());
        }
        return byLane;
    }

    private static SourceRecordKey find(Map<SourceRecordKey, SourceRecordKey> parent, SourceRecordKey key) {
        SourceRecordKey root = key;
        for (SourceRecordKey up = parent.get(root); up != null && !up.equals(root); up = parent.get(root)) {
            root = up;
        }
        for (SourceRecordKey current = key; !current.equals(root); ) {
            SourceRecordKey up = parent.put(current, root);
            current = up;
        }
        return root;
    }

    private static void union(Map<SourceRecordKey, SourceRecordKey> parent, SourceRecordKey a, SourceRecordKey b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        SourceRecordKey rootA = find(parent, a);
        SourceRecordKey rootB = find(parent, b);
        if (!rootA.equals(rootB)) {
            parent.put(rootA, rootB);
        }
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
