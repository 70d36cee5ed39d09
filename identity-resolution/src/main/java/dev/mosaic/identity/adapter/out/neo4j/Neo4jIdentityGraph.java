package dev.mosaic.identity.adapter.out.neo4j;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

import java.util.function.BiConsumer;

import dev.mosaic.identity.domain.FullResolution;
import dev.mosaic.identity.domain.LinkChanges;
import dev.mosaic.identity.domain.IncrementalResolver;
import dev.mosaic.identity.domain.ReviewEntry;
import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.IdentifierValue;
import dev.mosaic.identity.domain.matching.MatchModel;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.matching.BlockingRule;
import dev.mosaic.identity.domain.matching.FieldContribution;
import dev.mosaic.identity.domain.matching.MatchRecord;
import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.NameKey;
import dev.mosaic.identity.domain.ProfileEvent;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.QueuedReview;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.ResolutionPlan;
import dev.mosaic.identity.domain.ResolvedProfile;
import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * The identity graph in Neo4j: {@code (:Record)-[:HAS_IDENTIFIER]->(:Identifier)}, {@code (:Record)-[:MATCHED]->(:Record)}
 * carrying rule, score and evidence, and {@code (:Record)-[:BELONGS_TO]->(:Profile)}.
 */
final class Neo4jIdentityGraph implements IdentityGraph {

    private final Driver driver;
    private final Neo4jFullRuns fullRuns;
    private final Neo4jStewardship stewardship;
    private final Neo4jErasure erasure;
    private final ProfileHistory history;

    Neo4jIdentityGraph(Driver driver) {
        this.driver = driver;
        this.fullRuns = new Neo4jFullRuns(driver);
        this.stewardship = new Neo4jStewardship(driver);
        this.erasure = new Neo4jErasure(driver);
        this.history = new ProfileHistory(driver);
    }

    @Override
    public FullRunWriter forEachRecord(BiConsumer<SourceRecord, ProfileId> action) {
        return fullRuns.forEachRecord(action);
    }

    @Override
    public Optional<MatchModel> currentModel() {
        return fullRuns.currentModel();
    }

    @Override
    public Constraints constraints() {
        return stewardship.constraints();
    }

    @Override
    public GenericIdentifiers.Overrides identifierOverrides() {
        return stewardship.identifierOverrides();
    }

    @Override
    public void setIdentifierOverride(IdentifierValue value, Boolean generic, String steward) {
        stewardship.setIdentifierOverride(value, generic, steward);
    }

    @Override
    public List<GenericIdentifiers.GenericValue> genericIdentifiers() {
        return stewardship.genericIdentifiers();
    }

    @Override
    public List<QueuedReview> reviewQueue(int limit) {
        return stewardship.reviewQueue(limit);
    }

    @Override
    public void mergeByHand(ProfileId survivor, ProfileId absorbed, String steward) {
        stewardship.mergeByHand(survivor, absorbed, steward);
    }

    @Override
    public ProfileId splitByHand(ProfileId profile, Set<SourceRecordKey> records, String steward) {
        return stewardship.splitByHand(profile, records, steward);
    }

    @Override
    public Optional<Erasure> erase(ProfileId id) {
        return erasure.erase(id);
    }

    @Override
    public Set<SourceRecordKey> erasedAmong(Collection<SourceRecordKey> keys) {
        return erasure.erasedAmong(keys);
    }

    void createConstraints() {
        erasure.createConstraints();
        history.createIndexes();
        for (String statement : List.of(
                "CREATE CONSTRAINT record_key IF NOT EXISTS FOR (r:Record) REQUIRE (r.source, r.recordId) IS UNIQUE",
                "CREATE CONSTRAINT identifier_key IF NOT EXISTS FOR (i:Identifier) REQUIRE (i.type, i.value) IS UNIQUE",
                "CREATE CONSTRAINT profile_id IF NOT EXISTS FOR (p:Profile) REQUIRE p.id IS UNIQUE",
                "CREATE CONSTRAINT decision_id IF NOT EXISTS FOR (d:StewardDecision) REQUIRE d.id IS UNIQUE",
                // Steward verdicts and generic flags are read on every chunk: without an index, a scan of every identifier.
                "CREATE INDEX identifier_verdict IF NOT EXISTS FOR (i:Identifier) ON (i.stewardVerdict)",
                "CREATE INDEX identifier_generic IF NOT EXISTS FOR (i:Identifier) ON (i.generic)",
                // The review queue is read strongest first: the index hands the pairs over in that order, so a page
                // reads its pairs instead of sorting the whole queue (7.8 s for 326,000 pairs at 1M records).
                "CREATE INDEX review_probability IF NOT EXISTS FOR ()-[r:REVIEW]-() ON (r.probability)")) {
            driver.executableQuery(statement).execute();
        }
        for (BlockingRule rule : BlockingKeys.propertyRules()) {
            driver.executableQuery("CREATE INDEX record_" + BlockingKeys.property(rule) + " IF NOT EXISTS FOR (r:Record) ON (r."
                    + BlockingKeys.property(rule) + ")").execute();
        }
        retireIdentifierBlockingProperties();
    }

    /**
     * Graphs written by earlier versions kept the identifier rules' keys as indexed properties too. Their indexes cost
     * every stored record two index entries; the keys are read from the identifiers now. Runs once: the properties
     * are removed while their index still finds them, then the index goes.
     */
    private void retireIdentifierBlockingProperties() {
        Set<String> indexes = new HashSet<>();
        driver.executableQuery("SHOW INDEXES YIELD name RETURN name").execute().records()
                .forEach(row -> indexes.add(row.get("name").asString()));
        for (String property : BlockingKeys.retiredProperties()) {
            String index = "record_" + property;
            if (indexes.contains(index)) {
                try (Session session = driver.session()) {
                    session.run("MATCH (r:Record) WHERE r." + property + " IS NOT NULL "
                            + "CALL (r) { REMOVE r." + property + " } IN TRANSACTIONS OF 10000 ROWS").consume();
                }
                driver.executableQuery("DROP INDEX " + index + " IF EXISTS").execute();
            }
        }
    }

    @Override
    public List<RecordChange> store(List<SourceRecord> records) {
        List<Map<String, Object>> rows = records.stream().map(Neo4jIdentityGraph::toRow).toList();
        return ConcurrentStoring.write(driver, tx -> store(tx, rows));
    }

    @Override
    public Resolution storeAndResolve(List<SourceRecord> records, IncrementalResolver resolver) {
        List<Map<String, Object>> rows = records.stream().map(Neo4jIdentityGraph::toRow).toList();
        // One transaction per batch: a commit (with its log flush) per step was most of an import's time.
        return ConcurrentStoring.write(driver, tx -> {
            List<RecordChange> changes = store(tx, rows);
            Set<SourceRecordKey> changedKeys = new java.util.LinkedHashSet<>();
            for (int i = 0; i < records.size(); i++) {
                if (changes.get(i) != RecordChange.UNCHANGED) {
                    changedKeys.add(records.get(i).key());
                }
            }
            if (changedKeys.isEmpty()) {
                return new Resolution(changes, new ResolutionPlan(Map.of(), Map.of()));
            }
            Map<SourceRecordKey, SourceRecord> latest = new LinkedHashMap<>();
            records.forEach(record -> {
                if (changedKeys.contains(record.key())) {
                    latest.put(record.key(), record);
                }
            });
            IncrementalResolver.Decision decision = resolver.decide(
                    Neighbourhoods.gather(tx, List.copyOf(latest.values()), resolver));
            Neighbourhoods.markGeneric(tx, decision.newlyGeneric());
            writeLinks(tx, decision.links());
            writeReview(tx, decision.review(), "incremental");
            ResolutionPlan plan = decision.plan();
            mergeProfiles(tx, plan.merges(), "merged");
            assign(tx, plan.assignments());
            return new Resolution(changes, plan, ProfileSeparation.separate(tx, decision.newlyGeneric(), resolver));
        });
    }

    /**
     * Stores the rows and says, row by row, what that changed. Another import may store some of the same keys at the
     * same time: a key it creates first fails this transaction on the record_key constraint, a record it changes after
     * this one was read is noticed under the record's lock ({@link ConcurrentStoring.RecordChangedMeanwhile}); either
     * way the whole batch is stored again by {@link ConcurrentStoring}, and then finds those records as they are now.
     */
    private static List<RecordChange> store(TransactionContext tx, List<Map<String, Object>> rows) {
        Map<SourceRecordKey, String> storedHashes = new HashMap<>();
        tx.run("""
                UNWIND $rows AS row
                MATCH (existing:Record {source: row.source, recordId: row.recordId})
                RETURN existing.source AS source, existing.recordId AS recordId, existing.contentHash AS hash
                """, Map.of("rows", rows)).forEachRemaining(result -> storedHashes.put(
                new SourceRecordKey(result.get("source").asString(), result.get("recordId").asString()),
                result.get("hash").asString(null)));
        List<RecordChange> changes = new ArrayList<>();
        Map<SourceRecordKey, Map<String, Object>> created = new LinkedHashMap<>();
        Map<SourceRecordKey, Map<String, Object>> updated = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            SourceRecordKey key = new SourceRecordKey((String) row.get("source"), (String) row.get("recordId"));
            String hash = (String) row.get("contentHash");
            Map<String, Object> earlierInBatch = created.containsKey(key) ? created.get(key) : updated.get(key);
            String current = earlierInBatch != null ? (String) earlierInBatch.get("contentHash") : storedHashes.get(key);
            if (earlierInBatch == null && !storedHashes.containsKey(key)) {
                changes.add(RecordChange.IMPORTED);
                created.put(key, row);
            } else if (hash.equals(current)) {
                changes.add(RecordChange.UNCHANGED);
            } else {
                // A later row of the same key in one batch replaces the earlier one, as it would in two batches.
                changes.add(RecordChange.UPDATED);
                (created.containsKey(key) ? created : updated).put(key, row);
            }
        }
        if (!created.isEmpty()) {
            // New records: CREATE is far cheaper than MERGE, and the batch holds each new key once.
            tx.run("""
                    UNWIND $rows AS row
                    CREATE (r:Record)
                    SET r = row.properties, r.source = row.source, r.recordId = row.recordId,
                        r.contentHash = row.contentHash
                    WITH r, row
                    UNWIND row.identifiers AS identifier
                    MERGE (i:Identifier {type: identifier.type, value: identifier.value})
                    CREATE (r)-[:HAS_IDENTIFIER]->(i)
                    """, Map.of("rows", List.copyOf(created.values()))).consume();
        }
        if (!updated.isEmpty()) {
            List<Map<String, Object>> expected = updated.keySet().stream().map(key -> {
                Map<String, Object> row = new HashMap<>(keyParameters(key));
                row.put("readHash", storedHashes.get(key));
                return row;
            }).toList();
            // Locked first (a property set and removed), so the hash compared is the one this transaction replaces.
            long changedMeanwhile = tx.run("""
                    UNWIND $rows AS row
                    MATCH (r:Record {source: row.source, recordId: row.recordId})
                    SET r.storing = true
                    REMOVE r.storing
                    WITH r, row
                    WHERE coalesce(r.contentHash, '') <> coalesce(row.readHash, '')
                    RETURN count(r) AS changed
                    """, Map.of("rows", expected)).single().get("changed").asLong();
            if (changedMeanwhile > 0) {
                throw new ConcurrentStoring.RecordChangedMeanwhile(changedMeanwhile);
            }
            tx.run("""
                    UNWIND $rows AS row
                    MATCH (r:Record {source: row.source, recordId: row.recordId})
                    // The record's earlier state stays readable: nothing a source told us is lost.
                    CREATE (r)-[:PREVIOUS_VERSION]->(v:RecordVersion)
                    SET v = properties(r), v.replacedAt = datetime()
                    WITH r, row
                    // Links and identifiers rest on what the record said; they are made again from its new values.
                    CALL (r) {
                        OPTIONAL MATCH (r)-[stale:MATCHED]-()
                        DELETE stale
                    }
                    CALL (r) {
                        OPTIONAL MATCH (r)-[old:HAS_IDENTIFIER]->()
                        DELETE old
                    }
                    SET r = row.properties, r.source = row.source, r.recordId = row.recordId,
                        r.contentHash = row.contentHash
                    WITH r, row
                    UNWIND row.identifiers AS identifier
                    MERGE (i:Identifier {type: identifier.type, value: identifier.value})
                    MERGE (r)-[:HAS_IDENTIFIER]->(i)
                    """, Map.of("rows", List.copyOf(updated.values()))).consume();
        }
        return changes;
    }

    @Override
    public Optional<ProfileId> profileOf(SourceRecordKey record) {
        return driver.executableQuery("""
                        MATCH (:Record {source: $source, recordId: $recordId})-[:BELONGS_TO]->(p:Profile)
                        RETURN p.id AS profileId""")
                .withParameters(keyParameters(record)).execute().records().stream()
                .findFirst().map(result -> new ProfileId(result.get("profileId").asString()));
    }

    static void assign(TransactionContext tx, Map<SourceRecordKey, ProfileId> assignments) {
        List<Map<String, Object>> rows = assignments.entrySet().stream().map(entry -> {
            Map<String, Object> row = new HashMap<>(keyParameters(entry.getKey()));
            row.put("profileId", entry.getValue().value());
            return row;
        }).toList();
        tx.run("""
                UNWIND $rows AS row
                MATCH (r:Record {source: row.source, recordId: row.recordId})
                OPTIONAL MATCH (r)-[old:BELONGS_TO]->(previous:Profile)
                WHERE previous.id <> row.profileId
                DELETE old
                WITH DISTINCT r, row
                MERGE (p:Profile {id: row.profileId})
                  ON CREATE SET p.createdAt = datetime()
                MERGE (r)-[:BELONGS_TO]->(p)
                """, Map.of("rows", rows)).consume();
    }

    static void writeLinks(TransactionContext tx, List<RecordLink> links) {
        if (links.isEmpty()) {
            return;
        }
        tx.run("""
                UNWIND $links AS link
                MATCH (a:Record {source: link.fromSource, recordId: link.fromId})
                MATCH (b:Record {source: link.toSource, recordId: link.toId})
                // New links only: a new record has none, a changed one lost its own when it was stored again.
                CREATE (a)-[l:MATCHED]->(b)
                SET l.rule = link.rule, l.score = link.score, l.evidence = link.evidence, l.fields = link.fields
                """, Map.of("links", links.stream().map(Neo4jIdentityGraph::linkRow).toList())).consume();
    }

    /** Adds pairs to the review queue; a full run replaces the whole queue with its own. */
    static void writeReview(TransactionContext tx, List<ReviewEntry> review, String run) {
        if (review.isEmpty()) {
            return;
        }
        tx.run("""
                UNWIND $pairs AS pair
                MATCH (a:Record {source: pair.aSource, recordId: pair.aId})
                MATCH (b:Record {source: pair.bSource, recordId: pair.bId})
                MERGE (a)-[r:REVIEW]->(b)
                SET r.probability = pair.probability, r.reason = pair.reason, r.run = $run
                """, Map.of("run", run, "pairs", review.stream().map(entry -> Map.of(
                "aSource", entry.first().source(), "aId", entry.first().recordId(),
                "bSource", entry.second().source(), "bId", entry.second().recordId(),
                "probability", entry.probability(), "reason", entry.reason())).toList())).consume();
    }

    /** A link as query parameters: its two records' keys and its properties. */
    static Map<String, Object> linkRow(RecordLink link) {
        Map<String, Object> row = linkProperties(link);
        row.putAll(Map.of("fromSource", link.from().source(), "fromId", link.from().recordId(),
                "toSource", link.to().source(), "toId", link.to().recordId()));
        return row;
    }

    /** What a link stores (a mutable map): rule, score, fields, and its evidence only when it says more than those. */
    static Map<String, Object> linkProperties(RecordLink link) {
        Map<String, Object> properties = new HashMap<>(Map.of("rule", link.rule(), "score", link.score(),
                "fields", link.contributions().stream().map(FieldContribution::encoded).toList()));
        if (link.evidenceToStore() != null) {
            properties.put("evidence", link.evidenceToStore());
        }
        return properties;
    }



    /** All merges of a batch in one statement: one round trip however many profiles the batch bridged. */
    static void mergeProfiles(TransactionContext tx, Map<ProfileId, Set<ProfileId>> merges, String kind) {
        mergeProfiles(tx, merges, kind, null);
    }

    /** @param decision the steward's decision that caused the merges, or null */
    static void mergeProfiles(TransactionContext tx, Map<ProfileId, Set<ProfileId>> merges, String kind, String decision) {
        if (merges.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = merges.entrySet().stream().map(entry -> Map.<String, Object>of(
                "survivor", entry.getKey().value(),
                "absorbed", entry.getValue().stream().map(ProfileId::value).toList())).toList();
        tx.run("""
                UNWIND $merges AS merge
                MERGE (s:Profile {id: merge.survivor})
                  ON CREATE SET s.createdAt = datetime()
                WITH s, merge
                UNWIND merge.absorbed AS absorbedId
                MATCH (a:Profile {id: absorbedId})
                OPTIONAL MATCH (r:Record)-[old:BELONGS_TO]->(a)
                WITH s, a, collect(r) AS members, collect(old) AS oldLinks
                FOREACH (link IN oldLinks | DELETE link)
                FOREACH (member IN members | MERGE (member)-[:BELONGS_TO]->(s))
                CREATE (:ProfileEvent {kind: $kind, absorbed: a.id, survivor: s.id, decision: $decision, at: datetime()})
                DELETE a
                """, withDecision(Map.of("merges", rows, "kind", kind), decision)).consume();
    }

    private static Map<String, Object> withDecision(Map<String, Object> parameters, String decision) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("decision", decision); // null leaves the property unset
        return all;
    }

    @Override
    public Optional<ResolvedProfile> findProfile(ProfileId id) {
        return findProfiles(List.of(id)).stream().findFirst();
    }

    @Override
    public List<ResolvedProfile> findProfiles(Collection<ProfileId> ids) {
        List<String> profileIds = ids.stream().map(ProfileId::value).distinct().toList();
        Map<String, List<SourceRecord>> records = new TreeMap<>();
        Map<String, List<RecordLink>> links = new HashMap<>();
        driver.session().executeRead(tx -> {
            tx.run("""
                    UNWIND $profileIds AS profileId
                    MATCH (r:Record)-[:BELONGS_TO]->(:Profile {id: profileId})
                    RETURN profileId, r ORDER BY profileId, r.source, r.recordId""", Map.of("profileIds", profileIds))
                    .forEachRemaining(result -> records.computeIfAbsent(result.get("profileId").asString(),
                            k -> new ArrayList<>()).add(fromNode(result.get("r"))));
            tx.run("""
                    UNWIND $profileIds AS profileId
                    MATCH (a:Record)-[:BELONGS_TO]->(:Profile {id: profileId})<-[:BELONGS_TO]-(b:Record),
                          (a)-[link:MATCHED]->(b)
                    RETURN profileId, a.source AS fromSource, a.recordId AS fromId, b.source AS toSource,
                           b.recordId AS toId, link.rule AS rule, link.score AS score, link.evidence AS evidence,
                           link.fields AS fields
                    ORDER BY profileId, fromSource, fromId, toSource, toId""", Map.of("profileIds", profileIds))
                    .forEachRemaining(result -> links.computeIfAbsent(result.get("profileId").asString(),
                            k -> new ArrayList<>()).add(new RecordLink(
                            new SourceRecordKey(result.get("fromSource").asString(), result.get("fromId").asString()),
                            new SourceRecordKey(result.get("toSource").asString(), result.get("toId").asString()),
                            result.get("rule").asString(), result.get("score").asDouble(),
                            result.get("evidence").asString(null), result.get("fields").isNull() ? List.of()
                            : result.get("fields").asList(value -> FieldContribution.decode(value.asString())))));
            return null;
        });
        return records.entrySet().stream().map(entry -> new ResolvedProfile(new ProfileId(entry.getKey()),
                entry.getValue(), links.getOrDefault(entry.getKey(), List.of()))).toList();
    }

    @Override
    public void forEachMembership(BiConsumer<ProfileId, SourceRecordKey> membership) {
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("""
                    MATCH (r:Record)-[:BELONGS_TO]->(p:Profile)
                    RETURN p.id AS profileId, r.source AS source, r.recordId AS recordId
                    ORDER BY profileId, source, recordId""").forEachRemaining(result -> membership.accept(
                    new ProfileId(result.get("profileId").asString()),
                    new SourceRecordKey(result.get("source").asString(), result.get("recordId").asString())));
                return null;
            });
        }
    }

    @Override
    public long countProfiles() {
        return driver.executableQuery("MATCH (p:Profile) RETURN count(p) AS n").execute().records().getFirst()
                .get("n").asLong();
    }

    @Override
    public boolean profileExists(ProfileId id) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> Neo4jStewardship.exists(tx, id));
        }
    }

    @Override
    public List<ProfileEvent> history(ProfileId id, int limit) {
        return history.of(id, limit);
    }

    @Override
    public Set<ProfileId> allProfileIds() {
        Set<ProfileId> ids = new HashSet<>();
        driver.executableQuery("MATCH (p:Profile) RETURN p.id AS id").execute().records()
                .forEach(result -> ids.add(new ProfileId(result.get("id").asString())));
        return ids;
    }

    static Map<String, Object> keyParameters(SourceRecordKey key) {
        return Map.of("source", key.source(), "recordId", key.recordId());
    }

    private static Map<String, Object> toRow(SourceRecord record) {
        Map<String, Object> properties = new TreeMap<>();
        // Blocking keys as indexed properties: an incremental run finds a new record's candidates through them.
        MatchRecord matchRecord = MatchRecord.of(record);
        for (BlockingRule rule : BlockingRule.candidateRules()) {
            putIfPresent(properties, BlockingKeys.property(rule), rule.key().apply(matchRecord));
        }
        putIfPresent(properties, "kind", record.kind().code());
        putIfPresent(properties, "firstName", record.firstName());
        putIfPresent(properties, "lastName", record.lastName());
        // Folded keys for comparing names across spellings (Müller / Mueller); the raw names stay as given.
        putIfPresent(properties, "firstNameKey", NameKey.fold(record.firstName()));
        putIfPresent(properties, "lastNameKey", NameKey.fold(record.lastName()));
        putIfPresent(properties, "email", record.email() == null ? null : record.email().value());
        putIfPresent(properties, "phone", record.phone() == null ? null : record.phone().raw());
        putIfPresent(properties, "phoneE164", record.phone() == null ? null : record.phone().e164());
        putIfPresent(properties, "birthDate", record.birthDate());
        putIfPresent(properties, "city", record.city());
        putIfPresent(properties, "postalCode", record.postalCode());
        putIfPresent(properties, "country", record.country());
        putIfPresent(properties, "loyaltyId", record.loyaltyId());
        putIfPresent(properties, "socialHandle", record.socialHandle());
        putIfPresent(properties, "occurredAt", record.occurredAt() == null ? null : record.occurredAt().atOffset(ZoneOffset.UTC));
        properties.putAll(TouchpointProperties.of(record.touchpoint()));
        record.attributes().forEach((name, value) -> properties.put("attr_" + name, value));
        if (!record.warnings().isEmpty()) {
            properties.put("warnings", record.warnings());
        }
        List<Map<String, Object>> identifiers = new ArrayList<>();
        record.matchingIdentifiers().forEach(identifier ->
                identifiers.add(Map.of("type", identifier.type().code(), "value", identifier.value())));
        Map<String, Object> row = new HashMap<>();
        row.put("source", record.key().source());
        row.put("recordId", record.key().recordId());
        row.put("properties", properties);
        row.put("identifiers", identifiers);
        // The hash covers the keys of every rule, as it always has, so records stored by earlier versions (which kept
        // all of them) stay unchanged when imported again; the identifier rules' keys are then left out of the node.
        row.put("contentHash", sha256(properties.toString()));
        properties.keySet().removeAll(BlockingKeys.retiredProperties());
        return row;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static void putIfPresent(Map<String, Object> properties, String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
    }

    static SourceRecord fromNode(Value node) {
        Map<String, String> attributes = new TreeMap<>();
        node.asNode().keys().forEach(key -> {
            if (key.startsWith("attr_")) {
                attributes.put(key.substring("attr_".length()), node.get(key).asString());
            }
        });
        RecordKind kind = kindOf(node);
        Value occurredAt = node.get("occurredAt");
        return record(node, kind, occurredAt.isNull() ? null : occurredAt.asOffsetDateTime().toInstant(),
                TouchpointProperties.read(kind, node), attributes,
                node.get("warnings").isNull() ? List.of() : node.get("warnings").asList(Values.ofString()));
    }

    /** The properties matching reads, as a Cypher map projection of a record {@code r}. */
    static String matchingProjection(String variable) {
        return variable + " {.source, .recordId, .kind, .firstName, .lastName, .email, .phone, .phoneE164, .birthDate, "
                + ".city, .postalCode, .country, .loyaltyId, .socialHandle, .attr_street}";
    }

    /** A record as matching sees it, from {@link #matchingProjection}: identity fields only, no touchpoint. */
    static SourceRecord fromMatchingProjection(Value map) {
        Value street = map.get("attr_street");
        return record(map, kindOf(map), null, null, street.isNull() ? Map.of() : Map.of("street", street.asString()),
                List.of());
    }

    private static RecordKind kindOf(Value properties) {
        Value kind = properties.get("kind");
        return kind.isNull() ? RecordKind.CUSTOMER : RecordKind.valueOf(kind.asString().toUpperCase(java.util.Locale.ROOT));
    }

    /** A record from a node or map of its stored properties, with the parts the caller read itself. */
    private static SourceRecord record(Value properties, RecordKind kind, java.time.Instant occurredAt,
                                       dev.mosaic.identity.domain.Touchpoint touchpoint, Map<String, String> attributes,
                                       List<String> warnings) {
        Value birthDate = properties.get("birthDate");
        Value email = properties.get("email");
        Value phone = properties.get("phone");
        return new SourceRecord(
                new SourceRecordKey(properties.get("source").asString(), properties.get("recordId").asString()),
                kind,
                stringOrNull(properties.get("firstName")),
                stringOrNull(properties.get("lastName")),
                email.isNull() ? null : new EmailAddress(email.asString()),
                phone.isNull() ? null : new PhoneNumber(phone.asString(), stringOrNull(properties.get("phoneE164"))),
                birthDate.isNull() ? null : birthDate.asLocalDate(),
                stringOrNull(properties.get("city")),
                stringOrNull(properties.get("postalCode")),
                stringOrNull(properties.get("country")),
                stringOrNull(properties.get("loyaltyId")),
                stringOrNull(properties.get("socialHandle")),
                occurredAt, touchpoint, attributes, warnings);
    }

    private static String stringOrNull(Value value) {
        return value.isNull() ? null : value.asString();
    }

}
