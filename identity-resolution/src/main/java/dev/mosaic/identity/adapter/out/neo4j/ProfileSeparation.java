package dev.mosaic.identity.adapter.out.neo4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;

import dev.mosaic.identity.domain.IncrementalResolver;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.IdentifierField;
import dev.mosaic.identity.domain.matching.IdentifierValue;

/**
 * When an incremental run finds identifier values generic, the profiles that links on those values formed earlier
 * (before anything showed the value under several people's names: two walk-in Thomases on the store's phone) are
 * regrouped at once rather than left for the next full run: no profile stays held together only by a generic value.
 */
final class ProfileSeparation {

    /** A profile larger than this is left whole for a full run: regrouping it would be most of a chunk's time. */
    private static final int MAX_MEMBERS = 500;
    private static final Comparator<SourceRecordKey> KEY_ORDER =
            Comparator.comparing(SourceRecordKey::source).thenComparing(SourceRecordKey::recordId);

    private ProfileSeparation() {
    }

    /** Separates what only the newly generic values held together; returns the profiles that changed. */
    static Set<ProfileId> separate(TransactionContext tx, List<GenericIdentifiers.GenericValue> newlyGeneric,
                                   IncrementalResolver resolver) {
        if (newlyGeneric.isEmpty()) {
            return Set.of();
        }
        List<Map<String, Object>> values = newlyGeneric.stream().map(value -> Map.<String, Object>of(
                "type", value.identifier().field().code(), "value", value.identifier().value())).toList();
        List<String> suspects = tx.run("""
                UNWIND $values AS v
                MATCH (i:Identifier {type: v.type, value: v.value})<-[:HAS_IDENTIFIER]-(a:Record)-[l:MATCHED]-(b:Record)
                      -[:HAS_IDENTIFIER]->(i)
                WHERE l.rule = 'exact_' + v.type
                MATCH (a)-[:BELONGS_TO]->(p:Profile)<-[:BELONGS_TO]-(b)
                RETURN DISTINCT p.id AS id ORDER BY id
                """, Map.of("values", values)).list(row -> row.get("id").asString());
        Set<ProfileId> changed = new HashSet<>();
        for (String profile : suspects) {
            changed.addAll(regroup(tx, new ProfileId(profile), resolver));
        }
        return changed;
    }

    private static Set<ProfileId> regroup(TransactionContext tx, ProfileId profile, IncrementalResolver resolver) {
        Map<String, Object> id = Map.of("id", profile.value(), "limit", MAX_MEMBERS + 1);
        List<SourceRecord> members = tx.run("MATCH (m:Record)-[:BELONGS_TO]->(:Profile {id: $id}) RETURN "
                + Neo4jIdentityGraph.matchingProjection("m") + " AS m LIMIT $limit", id)
                .list(row -> Neo4jIdentityGraph.fromMatchingProjection(row.get("m")));
        if (members.size() > MAX_MEMBERS) {
            return Set.of();
        }
        List<RecordLink> links = tx.run("""
                MATCH (a:Record)-[:BELONGS_TO]->(:Profile {id: $id})<-[:BELONGS_TO]-(b:Record), (a)-[l:MATCHED]->(b)
                RETURN a.source AS fromSource, a.recordId AS fromId, b.source AS toSource, b.recordId AS toId,
                       l.rule AS rule
                """, id).list(row -> new RecordLink(
                new SourceRecordKey(row.get("fromSource").asString(), row.get("fromId").asString()),
                new SourceRecordKey(row.get("toSource").asString(), row.get("toId").asString()),
                row.get("rule").asString(), 0, "", List.of()));
        Set<IdentifierValue> generic = new HashSet<>();
        tx.run("""
                MATCH (:Profile {id: $id})<-[:BELONGS_TO]-(:Record)-[:HAS_IDENTIFIER]->(i:Identifier)
                WHERE i.generic = true
                RETURN DISTINCT i.type AS type, i.value AS value
                """, id).forEachRemaining(row -> generic.add(new IdentifierValue(
                IdentifierField.fromCode(row.get("type").asString()), row.get("value").asString())));
        List<Set<SourceRecordKey>> groups = resolver.regroup(members, links, generic);
        if (groups.size() < 2) {
            return Set.of();
        }
        // The group of the record that founded the profile keeps its id, so no group founds an id already taken.
        int keeper = 0;
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).stream().anyMatch(key -> ProfileId.foundedBy(key).equals(profile))) {
                keeper = g;
            }
        }
        Map<SourceRecordKey, ProfileId> moved = new HashMap<>();
        Map<SourceRecordKey, Integer> groupOf = new HashMap<>();
        Set<ProfileId> changed = new HashSet<>(Set.of(profile));
        for (int g = 0; g < groups.size(); g++) {
            int group = g;
            groups.get(g).forEach(key -> groupOf.put(key, group));
            if (g != keeper) {
                ProfileId founded = ProfileId.foundedBy(groups.get(g).stream().min(KEY_ORDER).orElseThrow());
                groups.get(g).forEach(key -> moved.put(key, founded));
                changed.add(founded);
            }
        }
        List<Map<String, Object>> cut = new ArrayList<>();
        for (RecordLink link : links) {
            if (!groupOf.get(link.from()).equals(groupOf.get(link.to()))) {
                cut.add(Map.of("fromSource", link.from().source(), "fromId", link.from().recordId(),
                        "toSource", link.to().source(), "toId", link.to().recordId()));
            }
        }
        tx.run("""
                UNWIND $links AS link
                MATCH (:Record {source: link.fromSource, recordId: link.fromId})-[l:MATCHED]->
                      (:Record {source: link.toSource, recordId: link.toId})
                DELETE l
                """, Map.of("links", cut)).consume();
        Neo4jIdentityGraph.assign(tx, moved);
        tx.run("""
                UNWIND $into AS into
                CREATE (:ProfileEvent {kind: 'split', survivor: $profile, into: into,
                                       reason: 'held together only by generic identifiers', at: datetime()})
                """, Map.of("profile", profile.value(), "into", changed.stream().filter(p -> !p.equals(profile))
                .map(ProfileId::value).sorted().toList())).consume();
        return changed;
    }
}
