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
import dev.mosaic.identity.domain.IdentityGraph;
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
     * so neither a sort in the database nor a second query for the memberships is needed. It notes where each record
     * is stored, and the writer (which holds the ids only as long as the run) works with those: stored links and
     * review pairs are compared by their records' element ids instead of four properties read per link (63 s to 31 s
     * for 3.1 million links), and records are found by id instead of an index seek each (1.5-1.9 times as fast for
     * new links measured alone; within a first run, creating the links costs the most).
     */
    IdentityGraph.FullRunWriter forEachRecord(BiConsumer<SourceRecord, ProfileId> action) {
        Map<SourceRecordKey, String> nodes = new HashMap<>();
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                SourceRecordKey[] last = {null};
                tx.run("MATCH (r:Record) WHERE r.source IS NOT NULL AND r.recordId IS NOT NULL "
                                + "WITH r ORDER BY r.source, r.recordId "
                                + "OPTIONAL MATCH (r)-[:BELONGS_TO]->(p:Profile) "
                                + "RETURN " + Neo4jIdentityGraph.matchingProjection("r") + " AS r, p.id AS profileId, "
                                + "elementId(r) AS node")
                        .forEachRemaining(row -> {
                            SourceRecord record = Neo4jIdentityGraph.fromMatchingProjection(row.get("r"));
                            // A record belongs to one profile; should a second membership ever exist, the run still
                            // sees the record once (and gives it one profile).
                            if (!record.key().equals(last[0])) {
                                last[0] = record.key();
                                nodes.put(record.key(), row.get("node").asString());
                                Value profile = row.get("profileId");
                                action.accept(record, profile.isNull() ? null : new ProfileId(profile.asString()));
                            }
                        });
                return null;
            });
        }
        return run -> apply(run, new RecordNodes(nodes));
    }

    /**
     * Where the records a run read are stored. Only the run creates nodes while it holds the ingestion lock, none of
     * them a record, so an id found again with the Record label is the record read (one erased meanwhile matches
     * nothing, and its writes are skipped).
     */
    private record RecordNodes(Map<SourceRecordKey, String> ids) {

        String of(SourceRecordKey record) {
            String id = ids.get(record);
            if (id == null) {
                throw new IllegalStateException("the run wrote about a record it did not read: " + record);
            }
            return id;
        }
    }

    Optional<MatchModel> currentModel() {
        return driver.executableQuery("MATCH (m:MatchModel {id: 'current'}) RETURN m.text AS text").execute().records()
                .stream().findFirst().map(row -> MatchModel.decode(row.get("text").asString()));
    }

    private LinkChanges apply(FullResolution run, RecordNodes nodes) {
        try (Session session = driver.session()) {
            long started = System.nanoTime();
            LinkChanges linkChanges = replaceChangedLinks(session, run.links(), nodes);
            long linked = System.nanoTime();
            ReviewChanges reviewChanges = replaceChangedReview(session, run.review(), run.runId(), nodes);
            long reviewed = System.nanoTime();
            writeMemberships(run.moves(), nodes);
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
    private ReviewChanges replaceChangedReview(Session session, List<ReviewEntry> review, String runId,
                                               RecordNodes nodes) {
        Map<String, StoredReview> stored = new HashMap<>();
        List<StoredReview> duplicates = new ArrayList<>();
        session.executeRead(tx -> {
            tx.run("""
                    MATCH (a:Record)-[r:REVIEW]->(b:Record)
                    RETURN elementId(r) AS id, elementId(a) AS a, elementId(b) AS b, r.probability AS probability,
                           r.reason AS reason
                    """).forEachRemaining(row -> {
                StoredReview earlier = stored.put(pairKey(row.get("a").asString(), row.get("b").asString()),
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
            String key = pairKey(nodes.of(entry.first()), nodes.of(entry.second()));
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
                "node", nodes.of(entry.second()), "probability", entry.probability(), "reason", entry.reason())));
        List<List<Map<String, Object>>> byLane = emptyLanes();
        byFirst.forEach((first, pairs) -> byLane.get(lanes.laneOf(find(groups, first))).add(Map.of(
                "node", nodes.of(first), "pairs", pairs)));
        lanes.write(byLane, """
                UNWIND $rows AS start
                MATCH (a:Record) WHERE elementId(a) = start.node
                UNWIND start.pairs AS pair
                MATCH (b:Record) WHERE elementId(b) = pair.node
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
    private void writeMemberships(Map<SourceRecordKey, ProfileId> moves, RecordNodes nodes) {
        Map<ProfileId, List<String>> arrivals = new HashMap<>();
        moves.forEach((record, profile) -> arrivals.computeIfAbsent(profile, p -> new ArrayList<>())
                .add(nodes.of(record)));
        List<Map<String, Object>> rows = new ArrayList<>();
        arrivals.forEach((profile, members) -> rows.add(Map.of("id", profile.value(), "members", members)));
        lanes.write(lanes.byLane(rows, row -> row.get("id")), """
                UNWIND $rows AS profile
                MERGE (p:Profile {id: profile.id})
                  ON CREATE SET p.createdAt = datetime()
                WITH p, profile
                UNWIND profile.members AS member
                MATCH (r:Record) WHERE elementId(r) = member
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
    private LinkChanges replaceChangedLinks(Session session, List<RecordLink> links, RecordNodes nodes) {
        Map<String, StoredLink> stored = new HashMap<>();
        session.executeRead(tx -> {
            tx.run("""
                    MATCH (a:Record)-[l:MATCHED]->(b:Record)
                    RETURN elementId(l) AS id, elementId(a) AS a, elementId(b) AS b, l.rule AS rule, l.score AS score
                    """).forEachRemaining(row -> stored.put(pairKey(row.get("a").asString(), row.get("b").asString()),
                    new StoredLink(row.get("id").asString(), row.get("rule").asString(null),
                            row.get("score").asDouble(Double.NaN))));
            return null;
        });
        List<RecordLink> created = new ArrayList<>();
        List<Map<String, Object>> updated = new ArrayList<>();
        int kept = 0;
        for (RecordLink link : links) {
            StoredLink existing = stored.remove(pairKey(nodes.of(link.from()), nodes.of(link.to())));
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
        writeNewLinks(created, nodes);
        return new LinkChanges(created.size(), updated.size(), stored.size(), kept);
    }

    /**
     * New links, grouped by the record they start from (one index seek for all of a record's links) and laned by
     * cluster: a run's links join records of one profile, so the links of one connected group of records share a lane
     * and two lanes never lock the same record.
     */
    private void writeNewLinks(List<RecordLink> created, RecordNodes nodes) {
        Map<SourceRecordKey, SourceRecordKey> groups = new HashMap<>();
        created.forEach(link -> union(groups, link.from(), link.to()));
        Map<SourceRecordKey, List<Map<String, Object>>> byStart = new java.util.LinkedHashMap<>();
        created.forEach(link -> {
            Map<String, Object> row = Neo4jIdentityGraph.linkProperties(link);
            row.put("node", nodes.of(link.to()));
            byStart.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(row);
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Object> laneKeys = new ArrayList<>();
        byStart.forEach((from, links) -> {
            rows.add(Map.of("node", nodes.of(from), "links", links));
            laneKeys.add(find(groups, from));
        });
        List<List<Map<String, Object>>> byLane = emptyLanes();
        for (int i = 0; i < rows.size(); i++) {
            byLane.get(lanes.laneOf(laneKeys.get(i))).add(rows.get(i));
        }
        lanes.write(byLane, """
                UNWIND $rows AS start
                MATCH (a:Record) WHERE elementId(a) = start.node
                UNWIND start.links AS link
                MATCH (b:Record) WHERE elementId(b) = link.node
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

    /** The same key for a pair of records (by where they are stored) whichever of the two it starts from. */
    private static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + ' ' + b : b + ' ' + a;
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
