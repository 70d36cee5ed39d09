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
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.PhoneNumber;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.NameKey;
import dev.mosaic.identity.domain.ProfileId;
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

    /** More records than this sharing one identifier value make it generic: it no longer links records. */
    static final int MAX_RECORDS_PER_IDENTIFIER = 25;

    private final Driver driver;

    Neo4jIdentityGraph(Driver driver) {
        this.driver = driver;
    }

    void createConstraints() {
        for (String statement : List.of(
                "CREATE CONSTRAINT record_key IF NOT EXISTS FOR (r:Record) REQUIRE (r.source, r.recordId) IS UNIQUE",
                "CREATE CONSTRAINT identifier_key IF NOT EXISTS FOR (i:Identifier) REQUIRE (i.type, i.value) IS UNIQUE",
                "CREATE CONSTRAINT profile_id IF NOT EXISTS FOR (p:Profile) REQUIRE p.id IS UNIQUE")) {
            driver.executableQuery(statement).execute();
        }
    }

    @Override
    public Resolution storeAndResolve(List<SourceRecord> records,
                                      Function<Map<SourceRecordKey, ResolutionPlan.Neighbourhood>, ResolutionPlan> planner) {
        List<Map<String, Object>> rows = records.stream().map(Neo4jIdentityGraph::toRow).toList();
        // One transaction per batch: a commit (with its log flush) per step was most of an import's time.
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> {
                List<RecordChange> changes = store(tx, rows);
                Set<SourceRecordKey> changedKeys = new java.util.LinkedHashSet<>();
                for (int i = 0; i < records.size(); i++) {
                    if (changes.get(i) != RecordChange.UNCHANGED) {
                        changedKeys.add(records.get(i).key());
                    }
                }
                List<SourceRecordKey> changed = List.copyOf(changedKeys);
                if (changed.isEmpty()) {
                    return new Resolution(changes, new ResolutionPlan(Map.of(), Map.of()));
                }
                ResolutionPlan plan = planner.apply(linkBySharedIdentifiers(tx, changed));
                plan.merges().forEach((survivor, absorbed) -> mergeProfiles(tx, survivor, absorbed));
                assign(tx, plan.assignments());
                return new Resolution(changes, plan);
            });
        }
    }

    /** Stores the rows and says, row by row, what that changed. */
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

    private static Map<SourceRecordKey, ResolutionPlan.Neighbourhood> linkBySharedIdentifiers(TransactionContext tx,
                                                                                           Collection<SourceRecordKey> records) {
        List<Map<String, Object>> keys = records.stream().map(Neo4jIdentityGraph::keyParameters).toList();
        {
            tx.run("""
                    UNWIND $keys AS key
                    MATCH (r:Record {source: key.source, recordId: key.recordId})-[:HAS_IDENTIFIER]->(i:Identifier)
                    // A value many records share (a placeholder email, a store's phone) proves nothing.
                    WHERE COUNT { (i)<-[:HAS_IDENTIFIER]-(:Record) } <= $maxRecordsPerIdentifier
                    MATCH (i)<-[:HAS_IDENTIFIER]-(other:Record)
                    WHERE other <> r
                    MERGE (r)-[link:MATCHED]-(other)
                    SET link.rule = 'exact_' + i.type, link.score = 1.0,
                        link.evidence = i.type + ' equal after normalisation'
                    """, Map.of("keys", keys, "maxRecordsPerIdentifier", MAX_RECORDS_PER_IDENTIFIER)).consume();
            Map<SourceRecordKey, ResolutionPlan.Neighbourhood> neighbourhoods = new HashMap<>();
            tx.run("""
                    UNWIND $keys AS key
                    MATCH (r:Record {source: key.source, recordId: key.recordId})
                    OPTIONAL MATCH (r)-[:BELONGS_TO]->(current:Profile)
                    OPTIONAL MATCH (r)-[:MATCHED]-(other:Record)
                    OPTIONAL MATCH (other)-[:BELONGS_TO]->(linkedProfile:Profile)
                    RETURN key.source AS source, key.recordId AS recordId, current.id AS currentProfile,
                           collect(DISTINCT other.source + '\u0000' + other.recordId) AS linkedRecords,
                           collect(DISTINCT linkedProfile.id) AS linkedProfiles
                    """, Map.of("keys", keys)).forEachRemaining(result -> {
                Set<SourceRecordKey> linkedRecords = new HashSet<>();
                for (Object linked : result.get("linkedRecords").asList()) {
                    String[] parts = linked.toString().split("\u0000", 2);
                    linkedRecords.add(new SourceRecordKey(parts[0], parts[1]));
                }
                Set<ProfileId> linkedProfiles = new HashSet<>();
                result.get("linkedProfiles").asList(Value::asString).forEach(id -> linkedProfiles.add(new ProfileId(id)));
                Value current = result.get("currentProfile");
                neighbourhoods.put(new SourceRecordKey(result.get("source").asString(), result.get("recordId").asString()),
                        new ResolutionPlan.Neighbourhood(
                                current.isNull() ? Optional.empty() : Optional.of(new ProfileId(current.asString())),
                                linkedRecords, linkedProfiles));
            });
            return neighbourhoods;
        }
    }

    @Override
    public Optional<ProfileId> profileOf(SourceRecordKey record) {
        return driver.executableQuery("""
                        MATCH (:Record {source: $source, recordId: $recordId})-[:BELONGS_TO]->(p:Profile)
                        RETURN p.id AS profileId""")
                .withParameters(keyParameters(record)).execute().records().stream()
                .findFirst().map(result -> new ProfileId(result.get("profileId").asString()));
    }

    private static void assign(TransactionContext tx, Map<SourceRecordKey, ProfileId> assignments) {
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

    private static void mergeProfiles(TransactionContext tx, ProfileId survivor, Collection<ProfileId> absorbed) {
        tx.run("""
                MERGE (s:Profile {id: $survivor})
                  ON CREATE SET s.createdAt = datetime()
                WITH s
                UNWIND $absorbed AS absorbedId
                MATCH (a:Profile {id: absorbedId})
                OPTIONAL MATCH (r:Record)-[old:BELONGS_TO]->(a)
                WITH s, a, collect(r) AS members, collect(old) AS oldLinks
                FOREACH (link IN oldLinks | DELETE link)
                FOREACH (member IN members | MERGE (member)-[:BELONGS_TO]->(s))
                CREATE (:ProfileEvent {kind: 'merged', absorbed: a.id, survivor: s.id, at: datetime()})
                DELETE a
                """, Map.of("survivor", survivor.value(),
                "absorbed", absorbed.stream().map(ProfileId::value).toList())).consume();
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
                           b.recordId AS toId, link.rule AS rule, link.score AS score, link.evidence AS evidence
                    ORDER BY profileId, fromSource, fromId, toSource, toId""", Map.of("profileIds", profileIds))
                    .forEachRemaining(result -> links.computeIfAbsent(result.get("profileId").asString(),
                            k -> new ArrayList<>()).add(new RecordLink(
                            new SourceRecordKey(result.get("fromSource").asString(), result.get("fromId").asString()),
                            new SourceRecordKey(result.get("toSource").asString(), result.get("toId").asString()),
                            result.get("rule").asString(), result.get("score").asDouble(),
                            result.get("evidence").asString())));
            return null;
        });
        return records.entrySet().stream().map(entry -> new ResolvedProfile(new ProfileId(entry.getKey()),
                entry.getValue(), links.getOrDefault(entry.getKey(), List.of()))).toList();
    }

    @Override
    public void forEachMembership(java.util.function.BiConsumer<ProfileId, SourceRecordKey> membership) {
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
    public Set<ProfileId> allProfileIds() {
        Set<ProfileId> ids = new HashSet<>();
        driver.executableQuery("MATCH (p:Profile) RETURN p.id AS id").execute().records()
                .forEach(result -> ids.add(new ProfileId(result.get("id").asString())));
        return ids;
    }

    private static Map<String, Object> keyParameters(SourceRecordKey key) {
        return Map.of("source", key.source(), "recordId", key.recordId());
    }

    private static Map<String, Object> toRow(SourceRecord record) {
        Map<String, Object> properties = new TreeMap<>();
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
        row.put("contentHash", sha256(properties.toString()));
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

    private static SourceRecord fromNode(Value node) {
        Map<String, String> attributes = new TreeMap<>();
        node.asNode().keys().forEach(key -> {
            if (key.startsWith("attr_")) {
                attributes.put(key.substring("attr_".length()), node.get(key).asString());
            }
        });
        RecordKind kind = node.get("kind").isNull() ? RecordKind.CUSTOMER
                : RecordKind.valueOf(node.get("kind").asString().toUpperCase(java.util.Locale.ROOT));
        Value birthDate = node.get("birthDate");
        Value email = node.get("email");
        Value phone = node.get("phone");
        Value occurredAt = node.get("occurredAt");
        return new SourceRecord(
                new SourceRecordKey(node.get("source").asString(), node.get("recordId").asString()),
                kind,
                stringOrNull(node.get("firstName")),
                stringOrNull(node.get("lastName")),
                email.isNull() ? null : new EmailAddress(email.asString()),
                phone.isNull() ? null : new PhoneNumber(phone.asString(), stringOrNull(node.get("phoneE164"))),
                birthDate.isNull() ? null : birthDate.asLocalDate(),
                stringOrNull(node.get("city")),
                stringOrNull(node.get("postalCode")),
                stringOrNull(node.get("country")),
                stringOrNull(node.get("loyaltyId")),
                stringOrNull(node.get("socialHandle")),
                occurredAt.isNull() ? null : occurredAt.asOffsetDateTime().toInstant(),
                TouchpointProperties.read(kind, node),
                attributes,
                node.get("warnings").isNull() ? List.of() : node.get("warnings").asList(Values.ofString()));
    }

    private static String stringOrNull(Value value) {
        return value.isNull() ? null : value.asString();
    }

}
