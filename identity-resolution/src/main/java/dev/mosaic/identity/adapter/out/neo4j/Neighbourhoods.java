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

    static IncrementalResolver.Neighbourhood gather(TransactionContext tx, List<SourceRecord> batch,
                                                    IncrementalResolver resolver) {
        int maxPerKey = resolver.maxCandidatesPerKey();
        Map<SourceRecordKey, ProfileId> current = new HashMap<>();
        List<Map<String, Object>> keys = batch.stream().map(record -> Neo4jIdentityGraph.keyParameters(record.key())).toList();
        tx.run("""
                UNWIND $keys AS key
                MATCH (r:Record {source: key.source, recordId: key.recordId})-[:BELONGS_TO]->(p:Profile)
                USING INDEX SEEK r:Record(source, recordId)
                RETURN key.source AS source, key.recordId AS recordId, p.id AS profileId
                """, Map.of("keys", keys)).forEachRemaining(row -> current.put(
                new SourceRecordKey(row.get("source").asString(), row.get("recordId").asString()),
                new ProfileId(row.get("profileId").asString())));

        Map<SourceRecordKey, IncrementalResolver.Candidate> candidates = new LinkedHashMap<>();
        List<MatchRecord> matchRecords = batch.stream().map(MatchRecord::of).toList();
        // The queries here say which index to seek: a plan made while the graph was still empty (a new installation's
        // first import) scanned the whole identifier index once per value until Neo4j planned again, and the profile
        // lookups took seconds a round where they take a tenth of that in a full graph (docs/benchmarks.md).
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
                String identifier = "MATCH (i:Identifier {type: '" + BlockingKeys.identifierType(rule) + "', value: value}) "
                        + "USING INDEX SEEK i:Identifier(type, value) ";
                branches.add("UNWIND $" + parameter + " AS value " + identifier
                        + "WHERE COUNT { (i)<-[:HAS_IDENTIFIER]-() } < $limit "
                        + "MATCH (i)<-[:HAS_IDENTIFIER]-(c:Record) RETURN c");
                // Over the cap, a value that is not generic is most likely one person's many records (a loyal
                // customer's receipts): the block is too large to compare, but the profiles holding the value are
                // few, and some of each profile's holders show the new record where it belongs.
                branches.add("UNWIND $" + parameter + " AS value " + identifier
                        + "WHERE COUNT { (i)<-[:HAS_IDENTIFIER]-() } >= $limit AND coalesce(i.generic, false) = false "
                        + "CALL (i) { MATCH (i)<-[:HAS_IDENTIFIER]-(:Record)-[:BELONGS_TO]->(p:Profile) "
                        + "RETURN DISTINCT p LIMIT $profilesOverFew } "
                        + "WITH i, collect(p) AS holders WHERE size(holders) < $profilesOverFew "
                        + "UNWIND holders AS p "
                        + "CALL (i, p) { MATCH (i)<-[:HAS_IDENTIFIER]-(c:Record)-[:BELONGS_TO]->(p) "
                        + "RETURN c LIMIT $holdersPerProfile } RETURN c");
                parameters.put("profilesOverFew", PROFILES_HOLDING_A_COMMON_IDENTIFIER + 1);
                parameters.put("holdersPerProfile", MEMBERS_PER_PROFILE);
            } else {
                branches.add("UNWIND $" + parameter + " AS value CALL (value) { MATCH (c:Record {" + parameter
                        + ": value}) USING INDEX SEEK c:Record(" + parameter + ") RETURN c LIMIT $limit } "
                        + "WITH value, collect(c) AS block WHERE size(block) < $limit "
                        + "UNWIND block AS c RETURN c");
            }
        }
        // Each candidate's steward split sides come along with it: looking them up afterwards by key was an index
        // seek per candidate, tens of thousands per chunk in a large graph, for what is almost always nothing. A graph
        // without any split (the count store answers that at once) does not look at all.
        Map<SourceRecordKey, Set<Constraints.SplitSide>> sides = new HashMap<>();
        boolean anySplit = tx.run("MATCH ()-[s:SPLIT_SIDE]->() RETURN count(s) > 0 AS any").single().get("any")
                .asBoolean();
        String splitSides = anySplit ? SPLIT_SIDES : "[]";
        if (!branches.isEmpty()) {
            tx.run("CALL () { " + String.join(" UNION ", branches) + " } "
                    + "OPTIONAL MATCH (c)-[:BELONGS_TO]->(p:Profile) "
                    + "RETURN " + Neo4jIdentityGraph.matchingProjection("c") + " AS c, p.id AS profileId, "
                    + splitSides.formatted("c") + " AS sides", parameters)
                    .forEachRemaining(row -> {
                        SourceRecord record = Neo4jIdentityGraph.fromMatchingProjection(row.get("c"));
                        ProfileId profile = row.get("profileId").isNull() ? null
                                : new ProfileId(row.get("profileId").asString());
                        candidates.putIfAbsent(record.key(), new IncrementalResolver.Candidate(record, profile));
                        addSides(sides, record.key(), row.get("sides"));
                    });
        }

        if (anySplit) {
            sides.putAll(splitSides(tx, batch));
        }
        Set<IdentifierValue> knownGeneric = knownGeneric(tx, batch);
        GenericIdentifiers.Overrides overrides = Neo4jStewardship.identifierOverrides(tx);
        // Only the profiles a batch record may join need their other members for the guards; in a large graph most
        // candidates' profiles are out of reach, and reading their members was a quarter of a chunk's time.
        Set<ProfileId> inReach = resolver.profilesInReach(new IncrementalResolver.Neighbourhood(batch, current,
                List.copyOf(candidates.values()), knownGeneric, overrides, sides));
        addOtherMembersOfTheirProfiles(tx, candidates, current.values(), inReach, sides, splitSides);
        return new IncrementalResolver.Neighbourhood(batch, current, List.copyOf(candidates.values()), knownGeneric,
                overrides, sides);
    }

    private static Set<IdentifierValue> knownGeneric(TransactionContext tx, List<SourceRecord> batch) {
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
        return knownGeneric;
    }

    /**
     * An identifier value shared by more records than a block may hold, but by at most this many profiles, still
     * finds those profiles: one person's (or, after a steward's split, two or three people's) records, not a value
     * many people type.
     */
    private static final int PROFILES_HOLDING_A_COMMON_IDENTIFIER = 3;

    /** Members of a candidate's profile beyond this many say little more about who the profile is. */
    private static final int MEMBERS_PER_PROFILE = 20;

    /**
     * The guards judge whole profiles, so each candidate in reach brings other members of its profile: a birth date, a
     * loyalty card or a first name that blocking did not find still keeps two people apart.
     */
    private static void addOtherMembersOfTheirProfiles(TransactionContext tx,
                                                       Map<SourceRecordKey, IncrementalResolver.Candidate> candidates,
                                                       java.util.Collection<ProfileId> currentProfiles,
                                                       Set<ProfileId> inReach,
                                                       Map<SourceRecordKey, Set<Constraints.SplitSide>> sides,
                                                       String splitSides) {
        Set<String> profiles = new HashSet<>();
        // A changed record's own profile too: its guards must see the rest of it before the record takes it anywhere.
        currentProfiles.forEach(profile -> profiles.add(profile.value()));
        candidates.values().forEach(candidate -> {
            if (candidate.profile() != null && inReach.contains(candidate.profile())) {
                profiles.add(candidate.profile().value());
            }
        });
        if (profiles.isEmpty()) {
            return;
        }
        tx.run("UNWIND $profiles AS profileId "
                + "CALL (profileId) { MATCH (m:Record)-[:BELONGS_TO]->(p:Profile {id: profileId}) "
                + "USING INDEX SEEK p:Profile(id) RETURN m LIMIT $limit } "
                + "RETURN " + Neo4jIdentityGraph.matchingProjection("m") + " AS m, profileId, "
                + splitSides.formatted("m") + " AS sides",
                Map.of("profiles", List.copyOf(profiles), "limit", MEMBERS_PER_PROFILE)).forEachRemaining(row -> {
                    SourceRecord record = Neo4jIdentityGraph.fromMatchingProjection(row.get("m"));
                    candidates.putIfAbsent(record.key(), new IncrementalResolver.Candidate(record,
                            new ProfileId(row.get("profileId").asString())));
                    addSides(sides, record.key(), row.get("sides"));
                });
    }

    /** A record's split sides as a list of [decision, side] pairs, read with the record; %s is its variable. */
    private static final String SPLIT_SIDES = "[(%1$s)-[s:SPLIT_SIDE]->(d:StewardDecision) | [d.id, s.side]]";

    private static void addSides(Map<SourceRecordKey, Set<Constraints.SplitSide>> sides, SourceRecordKey key,
                                 org.neo4j.driver.Value pairs) {
        pairs.asList(pair -> new Constraints.SplitSide(pair.get(0).asString(), pair.get(1).asString()))
                .forEach(side -> sides.computeIfAbsent(key, k -> new HashSet<>()).add(side));
    }

    /** The split sides of the batch's own records (changed ones may have some). */
    private static Map<SourceRecordKey, Set<Constraints.SplitSide>> splitSides(TransactionContext tx,
                                                                                List<SourceRecord> batch) {
        List<Map<String, Object>> keys = new ArrayList<>();
        batch.forEach(record -> keys.add(Neo4jIdentityGraph.keyParameters(record.key())));
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
                // Profiles an earlier link on the value formed are regrouped afterwards (ProfileSeparation).
                SET i.generic = true, i.genericReason = v.reason
                """, Map.of("values", generic.stream().map(value -> Map.of("type", value.identifier().field().code(),
                "value", value.identifier().value(), "reason", value.reason())).toList())).consume();
    }
}
