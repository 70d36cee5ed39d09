package dev.mosaic.identity.adapter.out.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;

import dev.mosaic.identity.domain.IncrementalResolver;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.BlockingRule;
import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.IdentifierField;
import dev.mosaic.identity.domain.matching.IdentifierValue;
import dev.mosaic.identity.domain.matching.MatchRecord;

/** Reads what an incremental run needs around a batch: candidates by blocking key, their profiles, generic values. */
final class Neighbourhoods {

    private Neighbourhoods() {
    }

    static IncrementalResolver.Neighbourhood gather(TransactionContext tx, List<SourceRecord> batch, int maxPerKey) {
        Map<SourceRecordKey, ProfileId> current = new HashMap<>();
        List<Map<String, Object>> keys = batch.stream().map(record -> Neo4jIdentityGraph.keyParameters(record.key())).toList();
        tx.run("""
                UNWIND $keys AS key
                MATCH (:Record {source: key.source, recordId: key.recordId})-[:BELONGS_TO]->(p:Profile)
                RETURN key.source AS source, key.recordId AS recordId, p.id AS profileId
                """, Map.of("keys", keys)).forEachRemaining(row -> current.put(
                new SourceRecordKey(row.get("source").asString(), row.get("recordId").asString()),
                new ProfileId(row.get("profileId").asString())));

        Map<SourceRecordKey, IncrementalResolver.Candidate> candidates = new LinkedHashMap<>();
        List<MatchRecord> matchRecords = batch.stream().map(MatchRecord::of).toList();
        // One round trip: a branch per blocking rule, deduplicated in the database. A property rule is an index seek on
        // its bk_* property; an identifier rule starts from the (:Identifier) whose degree is the block's size. Property
        // names come from the rule list, never from input.
        List<String> branches = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("limit", maxPerKey + 1);
        for (BlockingRule rule : BlockingRule.candidateRules()) {
            Set<String> values = new HashSet<>();
            matchRecords.forEach(record -> {
                String key = rule.key().apply(record);
                if (key != null) {
                    values.add(key);
                }
            });
            if (values.isEmpty()) {
                continue;
            }
            String parameter = BlockingKeys.property(rule);
            parameters.put(parameter, List.copyOf(values));
            if (BlockingKeys.isIdentifierRule(rule)) {
                branches.add("UNWIND $" + parameter + " AS value "
                        + "MATCH (i:Identifier {type: '" + BlockingKeys.identifierType(rule) + "', value: value}) "
                        + "WHERE COUNT { (i)<-[:HAS_IDENTIFIER]-() } < $limit "
                        + "MATCH (i)<-[:HAS_IDENTIFIER]-(c:Record) RETURN c");
            } else {
                branches.add("UNWIND $" + parameter + " AS value CALL (value) { MATCH (c:Record {" + parameter
                        + ": value}) RETURN c LIMIT $limit } "
                        + "WITH value, collect(c) AS block WHERE size(block) < $limit "
                        + "UNWIND block AS c RETURN c");
            }
        }
        if (!branches.isEmpty()) {
            tx.run("CALL () { " + String.join(" UNION ", branches) + " } "
                    + "OPTIONAL MATCH (c)-[:BELONGS_TO]->(p:Profile) "
                    + "RETURN " + Neo4jIdentityGraph.matchingProjection("c") + " AS c, p.id AS profileId", parameters)
                    .forEachRemaining(row -> {
                        SourceRecord record = Neo4jIdentityGraph.fromMatchingProjection(row.get("c"));
                        ProfileId profile = row.get("profileId").isNull() ? null
                                : new ProfileId(row.get("profileId").asString());
                        candidates.putIfAbsent(record.key(), new IncrementalResolver.Candidate(record, profile));
                    });
        }

        addOtherMembersOfTheirProfiles(tx, candidates, current.values());
        Map<SourceRecordKey, Set<Constraints.SplitSide>> sides = splitSides(tx, batch, candidates.keySet());

        List<Map<String, Object>> identifiers = new ArrayList<>();
        for (SourceRecord record : batch) {
            record.matchingIdentifiers().forEach(identifier ->
                    identifiers.add(Map.of("type", identifier.type().code(), "value", identifier.value())));
        }
        Set<IdentifierValue> knownGeneric = new HashSet<>();
        tx.run("""
                UNWIND $identifiers AS id
                MATCH (i:Identifier {type: id.type, value: id.value})
                WHERE i.generic = true
                RETURN DISTINCT i.type AS type, i.value AS value
                """, Map.of("identifiers", identifiers)).forEachRemaining(row -> knownGeneric.add(
                new IdentifierValue(IdentifierField.fromCode(row.get("type").asString()), row.get("value").asString())));
        return new IncrementalResolver.Neighbourhood(batch, current, List.copyOf(candidates.values()), knownGeneric,
                Neo4jStewardship.identifierOverrides(tx), sides);
    }

    /** Members of a candidate's profile beyond this many say little more about who the profile is. */
    private static final int MEMBERS_PER_PROFILE = 20;

    /**
     * The guards judge whole profiles, so each candidate brings other members of its profile: a birth date, a loyalty
     * card or a first name that blocking did not find still keeps two people apart.
     */
    private static void addOtherMembersOfTheirProfiles(TransactionContext tx,
                                                       Map<SourceRecordKey, IncrementalResolver.Candidate> candidates,
                                                       java.util.Collection<ProfileId> currentProfiles) {
        Set<String> profiles = new HashSet<>();
        // A changed record's own profile too: its guards must see the rest of it before the record takes it anywhere.
        currentProfiles.forEach(profile -> profiles.add(profile.value()));
        candidates.values().forEach(candidate -> {
            if (candidate.profile() != null) {
                profiles.add(candidate.profile().value());
            }
        });
        if (profiles.isEmpty()) {
            return;
        }
        tx.run("UNWIND $profiles AS profileId "
                + "CALL (profileId) { MATCH (m:Record)-[:BELONGS_TO]->(:Profile {id: profileId}) RETURN m LIMIT $limit } "
                + "RETURN " + Neo4jIdentityGraph.matchingProjection("m") + " AS m, profileId",
                Map.of("profiles", List.copyOf(profiles), "limit", MEMBERS_PER_PROFILE)).forEachRemaining(row -> {
                    SourceRecord record = Neo4jIdentityGraph.fromMatchingProjection(row.get("m"));
                    candidates.putIfAbsent(record.key(), new IncrementalResolver.Candidate(record,
                            new ProfileId(row.get("profileId").asString())));
                });
    }

    private static Map<SourceRecordKey, Set<Constraints.SplitSide>> splitSides(
            TransactionContext tx, List<SourceRecord> batch, Set<SourceRecordKey> candidates) {
        List<Map<String, Object>> keys = new ArrayList<>();
        batch.forEach(record -> keys.add(Neo4jIdentityGraph.keyParameters(record.key())));
        candidates.forEach(key -> keys.add(Neo4jIdentityGraph.keyParameters(key)));
        Map<SourceRecordKey, Set<Constraints.SplitSide>> sides = new HashMap<>();
        tx.run("""
                UNWIND $keys AS key
                MATCH (r:Record {source: key.source, recordId: key.recordId})-[s:SPLIT_SIDE]->(d:StewardDecision)
                RETURN r.source AS source, r.recordId AS recordId, d.id AS decision, s.side AS side
                """, Map.of("keys", keys)).forEachRemaining(row -> sides.computeIfAbsent(new SourceRecordKey(
                row.get("source").asString(), row.get("recordId").asString()), k -> new HashSet<>())
                .add(new Constraints.SplitSide(row.get("decision").asString(), row.get("side").asString())));
        return sides;
    }

    static void markGeneric(TransactionContext tx, List<GenericIdentifiers.GenericValue> generic) {
        if (generic.isEmpty()) {
            return;
        }
        tx.run("""
                UNWIND $values AS v
                MERGE (i:Identifier {type: v.type, value: v.value})
                // Profiles an earlier link on the value formed stay until the next full run re-decides them.
                SET i.generic = true, i.genericReason = v.reason
                """, Map.of("values", generic.stream().map(value -> Map.of("type", value.identifier().field().code(),
                "value", value.identifier().value(), "reason", value.reason())).toList())).consume();
    }
}
