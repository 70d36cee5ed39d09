package dev.mosaic.identity.adapter.out.neo4j;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.QueuedReview;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.ReviewEntry;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.StewardDecisionException;
import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.IdentifierField;
import dev.mosaic.identity.domain.matching.IdentifierValue;

/**
 * Steward decisions in the graph: {@code (:StewardDecision)} nodes (who, what, when: the audit trail), must-links
 * between records for merges, each record's side of a split, and verdicts on identifier values. They hang off records
 * and identifiers, not profiles, so they outlive every re-run that renames or regroups profiles.
 */
final class Neo4jStewardship {

    private final Driver driver;

    Neo4jStewardship(Driver driver) {
        this.driver = driver;
    }

    Constraints constraints() {
        List<Constraints.MustLink> mustLinks = new ArrayList<>();
        Map<SourceRecordKey, Set<Constraints.SplitSide>> sides = new HashMap<>();
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (a:Record)-[m:MUST_LINK]->(b:Record)
                        RETURN a.source AS aSource, a.recordId AS aId, b.source AS bSource, b.recordId AS bId,
                               m.decision AS decision""").forEachRemaining(row -> mustLinks.add(new Constraints.MustLink(
                        new SourceRecordKey(row.get("aSource").asString(), row.get("aId").asString()),
                        new SourceRecordKey(row.get("bSource").asString(), row.get("bId").asString()),
                        row.get("decision").asString())));
                tx.run("""
                        MATCH (r:Record)-[s:SPLIT_SIDE]->(d:StewardDecision)
                        RETURN r.source AS source, r.recordId AS recordId, d.id AS decision, s.side AS side""")
                        .forEachRemaining(row -> sides.computeIfAbsent(new SourceRecordKey(row.get("source").asString(),
                                row.get("recordId").asString()), k -> new HashSet<>()).add(new Constraints.SplitSide(
                                row.get("decision").asString(), row.get("side").asString())));
                return null;
            });
        }
        return new Constraints(mustLinks, sides);
    }

    GenericIdentifiers.Overrides identifierOverrides() {
        try (Session session = driver.session()) {
            return session.executeRead(Neo4jStewardship::identifierOverrides);
        }
    }

    static GenericIdentifiers.Overrides identifierOverrides(TransactionContext tx) {
        Set<IdentifierValue> generic = new HashSet<>();
        Set<IdentifierValue> trusted = new HashSet<>();
        tx.run("MATCH (i:Identifier) WHERE i.stewardVerdict IS NOT NULL RETURN i.type AS type, i.value AS value, "
                + "i.stewardVerdict AS verdict").forEachRemaining(row -> {
            IdentifierValue value = new IdentifierValue(IdentifierField.fromCode(row.get("type").asString()),
                    row.get("value").asString());
            ("generic".equals(row.get("verdict").asString()) ? generic : trusted).add(value);
        });
        return new GenericIdentifiers.Overrides(generic, trusted);
    }

    void setIdentifierOverride(IdentifierValue value, Boolean generic, String steward) {
        String verdict = generic == null ? null : generic ? "generic" : "trusted";
        try (Session session = driver.session()) {
            session.executeWrite(tx -> {
                tx.run("""
                        MERGE (i:Identifier {type: $type, value: $value})
                        SET i.stewardVerdict = $verdict,
                            i.generic = CASE $verdict WHEN 'generic' THEN true WHEN 'trusted' THEN null ELSE i.generic END,
                            i.genericReason = CASE $verdict WHEN 'generic' THEN 'listed by a steward'
                                              WHEN 'trusted' THEN null ELSE i.genericReason END
                        CREATE (:StewardDecision {id: $decision, kind: 'identifier_verdict', steward: $steward,
                                identifierType: $type, verdict: coalesce($verdict, 'none'), at: datetime()})
                        """, parameters("type", value.field().code(), "value", value.value(), "verdict", verdict,
                        "decision", UUID.randomUUID().toString(), "steward", steward)).consume();
                return null;
            });
        }
    }

    List<GenericIdentifiers.GenericValue> genericIdentifiers() {
        return driver.executableQuery("""
                        MATCH (i:Identifier) WHERE i.generic = true
                        RETURN i.type AS type, i.value AS value, i.genericReason AS reason,
                               COUNT { (i)<-[:HAS_IDENTIFIER]-(:Record) } AS records
                        ORDER BY type, value""").execute().records().stream()
                .map(row -> new GenericIdentifiers.GenericValue(new IdentifierValue(
                        IdentifierField.fromCode(row.get("type").asString()), row.get("value").asString()),
                        row.get("reason").asString("generic"), row.get("records").asInt())).toList();
    }

    /**
     * Strongest first, one pair for two profiles: incremental resolution queues pairs chunk by chunk, so two profiles
     * can have several, and a pair whose records have come together since is settled. The probability index gives the
     * order; rows stream, and the profiles are looked up only for the rows read, until {@code limit} pairs of profiles.
     */
    List<QueuedReview> reviewQueue(int limit) {
        List<QueuedReview> queue = new ArrayList<>();
        Set<String> profilePairs = new HashSet<>();
        try (Session session = driver.session()) {
            session.executeRead(tx -> {
                var rows = tx.run("""
                        MATCH (a)-[r:REVIEW]->(b)
                        WHERE r.probability IS NOT NULL
                        WITH a, r, b ORDER BY r.probability DESC
                        MATCH (a:Record)-[:BELONGS_TO]->(pa:Profile), (b:Record)-[:BELONGS_TO]->(pb:Profile)
                        WHERE pa <> pb
                        RETURN a.source AS aSource, a.recordId AS aId, b.source AS bSource, b.recordId AS bId,
                               r.probability AS probability, r.reason AS reason, pa.id AS aProfile, pb.id AS bProfile""");
                while (rows.hasNext() && queue.size() < limit) {
                    var row = rows.next();
                    String aProfile = row.get("aProfile").asString();
                    String bProfile = row.get("bProfile").asString();
                    if (profilePairs.add(aProfile.compareTo(bProfile) < 0 ? aProfile + ' ' + bProfile
                            : bProfile + ' ' + aProfile)) {
                        queue.add(new QueuedReview(new ReviewEntry(
                                new SourceRecordKey(row.get("aSource").asString(), row.get("aId").asString()),
                                new SourceRecordKey(row.get("bSource").asString(), row.get("bId").asString()),
                                row.get("probability").asDouble(), row.get("reason").asString()),
                                new ProfileId(aProfile), new ProfileId(bProfile)));
                    }
                }
                return null;
            });
        }
        return queue;
    }

    void mergeByHand(ProfileId survivor, ProfileId absorbed, String steward) {
        if (survivor.equals(absorbed)) {
            throw new StewardDecisionException("a profile cannot be merged with itself");
        }
        try (Session session = driver.session()) {
            session.executeWrite(tx -> {
                SourceRecordKey a = firstRecord(tx, survivor);
                SourceRecordKey b = firstRecord(tx, absorbed);
                String decision = UUID.randomUUID().toString();
                tx.run("""
                        MATCH (a:Record {source: $aSource, recordId: $aId}), (b:Record {source: $bSource, recordId: $bId})
                        CREATE (d:StewardDecision {id: $decision, kind: 'merge', steward: $steward, survivor: $survivor,
                                absorbed: $absorbed, at: datetime()})
                        CREATE (a)-[:MUST_LINK {decision: $decision}]->(b)
                        """, parameters("aSource", a.source(), "aId", a.recordId(), "bSource", b.source(),
                        "bId", b.recordId(), "decision", decision, "steward", steward,
                        "survivor", survivor.value(), "absorbed", absorbed.value())).consume();
                // The merge supersedes every earlier split that put records of the two profiles on different sides,
                // for all of that split's records: sides left on the others would part them again in the next run.
                tx.run("""
                        MATCH (:Profile {id: $survivor})<-[:BELONGS_TO]-(:Record)-[x:SPLIT_SIDE]->(split:StewardDecision)
                              <-[y:SPLIT_SIDE]-(:Record)-[:BELONGS_TO]->(:Profile {id: $absorbed})
                        WHERE x.side <> y.side
                        WITH DISTINCT split
                        SET split.supersededBy = $decision
                        WITH split
                        MATCH (split)<-[side:SPLIT_SIDE]-(:Record)
                        DELETE side
                        """, parameters("survivor", survivor.value(), "absorbed", absorbed.value(),
                        "decision", decision)).consume();
                Neo4jIdentityGraph.writeLinks(tx, List.of(new RecordLink(a, b, "steward_merge", 1.0,
                        "merged by " + steward + " (decision " + decision + ")", List.of())));
                Neo4jIdentityGraph.mergeProfiles(tx, Map.of(survivor, Set.of(absorbed)), "merged_by_steward", decision);
                return null;
            });
        }
    }

    ProfileId splitByHand(ProfileId profile, Set<SourceRecordKey> splitOff, String steward) {
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> {
                List<SourceRecordKey> members = new ArrayList<>();
                tx.run("MATCH (r:Record)-[:BELONGS_TO]->(:Profile {id: $id}) RETURN r.source AS s, r.recordId AS r",
                        Map.of("id", profile.value())).forEachRemaining(row ->
                        members.add(new SourceRecordKey(row.get("s").asString(), row.get("r").asString())));
                if (members.isEmpty()) {
                    throw new StewardDecisionException("profile " + profile + " does not exist");
                }
                List<SourceRecordKey> unknown = splitOff.stream().filter(key -> !members.contains(key)).toList();
                if (!unknown.isEmpty()) {
                    throw new StewardDecisionException("not records of profile " + profile + ": " + unknown);
                }
                if (splitOff.isEmpty() || splitOff.size() == members.size()) {
                    throw new StewardDecisionException("a split needs records on both sides: name some, not all, "
                            + "of the profile's " + members.size() + " records");
                }
                SourceRecordKey founder = splitOff.stream().min(java.util.Comparator.comparing(SourceRecordKey::source)
                        .thenComparing(SourceRecordKey::recordId)).orElseThrow();
                ProfileId newProfile = freeProfileId(tx, founder);
                String decision = UUID.randomUUID().toString();
                List<Map<String, Object>> sides = members.stream().map(key -> {
                    Map<String, Object> row = new HashMap<>(Neo4jIdentityGraph.keyParameters(key));
                    row.put("side", splitOff.contains(key) ? "b" : "a");
                    return row;
                }).toList();
                tx.run("""
                        CREATE (d:StewardDecision {id: $decision, kind: 'split', steward: $steward, profile: $profile,
                                into: $into, at: datetime()})
                        WITH d
                        UNWIND $sides AS side
                        MATCH (r:Record {source: side.source, recordId: side.recordId})
                        CREATE (r)-[:SPLIT_SIDE {side: side.side}]->(d)
                        """, parameters("decision", decision, "steward", steward, "profile", profile.value(),
                        "into", newProfile.value(), "sides", sides)).consume();
                tx.run("""
                        MATCH (d:StewardDecision {id: $decision})
                        MATCH (a:Record)-[:SPLIT_SIDE {side: 'a'}]->(d)<-[:SPLIT_SIDE {side: 'b'}]-(b:Record)
                        OPTIONAL MATCH (a)-[l:MATCHED|MUST_LINK]-(b)
                        DELETE l
                        """, Map.of("decision", decision)).consume();
                Map<SourceRecordKey, ProfileId> moves = new HashMap<>();
                splitOff.forEach(key -> moves.put(key, newProfile));
                Neo4jIdentityGraph.assign(tx, moves);
                tx.run("CREATE (:ProfileEvent {kind: 'split_by_steward', survivor: $profile, into: $into, "
                                + "decision: $decision, at: datetime()})",
                        Map.of("profile", profile.value(), "into", newProfile.value(), "decision", decision)).consume();
                return newProfile;
            });
        }
    }

    private static ProfileId freeProfileId(TransactionContext tx, SourceRecordKey founder) {
        ProfileId id = ProfileId.foundedBy(founder);
        for (int attempt = 2; exists(tx, id); attempt++) {
            id = new ProfileId(UUID.nameUUIDFromBytes(("profile:" + founder + "#" + attempt)
                    .getBytes(StandardCharsets.UTF_8)).toString());
        }
        return id;
    }

    static boolean exists(TransactionContext tx, ProfileId id) {
        return tx.run("MATCH (p:Profile {id: $id}) RETURN count(p) > 0 AS found", Map.of("id", id.value()))
                .single().get("found").asBoolean();
    }

    private static SourceRecordKey firstRecord(TransactionContext tx, ProfileId profile) {
        var rows = tx.run("""
                MATCH (r:Record)-[:BELONGS_TO]->(:Profile {id: $id})
                RETURN r.source AS s, r.recordId AS r ORDER BY s, r LIMIT 1""", Map.of("id", profile.value())).list();
        if (rows.isEmpty()) {
            throw new StewardDecisionException("profile " + profile + " does not exist");
        }
        return new SourceRecordKey(rows.getFirst().get("s").asString(), rows.getFirst().get("r").asString());
    }

    private static Map<String, Object> parameters(Object... keysAndValues) {
        Map<String, Object> parameters = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            parameters.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return parameters;
    }
}
