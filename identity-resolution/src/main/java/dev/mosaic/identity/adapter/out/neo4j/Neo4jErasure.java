package dev.mosaic.identity.adapter.out.neo4j;

import static org.neo4j.driver.Values.parameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.Tombstone;

/**
 * Erasure of a person from the graph, in one transaction, leaving {@code (:Tombstone {hash})} nodes: hashes of the
 * record keys and identifiers, nothing readable. Steward decisions and profile events stay: they hold profile ids
 * and steward names, no personal data.
 */
final class Neo4jErasure {

    private final Driver driver;

    Neo4jErasure(Driver driver) {
        this.driver = driver;
    }

    void createConstraints() {
        driver.executableQuery("CREATE CONSTRAINT tombstone_hash IF NOT EXISTS FOR (t:Tombstone) REQUIRE t.hash IS UNIQUE")
                .execute();
    }

    Optional<IdentityGraph.Erasure> erase(ProfileId id) {
        try (Session session = driver.session()) {
            return session.executeWrite(tx -> {
                if (!tx.run("MATCH (p:Profile {id: $id}) RETURN p.id", parameters("id", id.value())).hasNext()) {
                    return Optional.<IdentityGraph.Erasure>empty();
                }
                List<SourceRecordKey> records = new ArrayList<>();
                tx.run("MATCH (r:Record)-[:BELONGS_TO]->(:Profile {id: $id}) RETURN r.source AS source, "
                                + "r.recordId AS recordId ORDER BY source, recordId", parameters("id", id.value()))
                        .forEachRemaining(row -> records.add(new SourceRecordKey(row.get("source").asString(),
                                row.get("recordId").asString())));
                List<Map<String, Object>> identifiers = new ArrayList<>();
                Set<String> hashes = new HashSet<>();
                records.forEach(key -> hashes.add(Tombstone.ofRecord(key)));
                tx.run("""
                        MATCH (r:Record)-[:BELONGS_TO]->(:Profile {id: $id})
                        MATCH (r)-[:HAS_IDENTIFIER]->(i:Identifier)
                        RETURN DISTINCT i.type AS type, i.value AS value
                        """, parameters("id", id.value())).forEachRemaining(row -> {
                    identifiers.add(Map.of("type", row.get("type").asString(), "value", row.get("value").asString()));
                    hashes.add(Tombstone.ofIdentifier(row.get("type").asString(), row.get("value").asString()));
                });
                tx.run("""
                        UNWIND $hashes AS hash
                        MERGE (t:Tombstone {hash: hash})
                          ON CREATE SET t.at = datetime()
                        """, parameters("hashes", List.copyOf(hashes))).consume();
                tx.run("""
                        MATCH (r:Record)-[:BELONGS_TO]->(p:Profile {id: $id})
                        OPTIONAL MATCH (r)-[:PREVIOUS_VERSION*]->(v:RecordVersion)
                        DETACH DELETE v, r
                        """, parameters("id", id.value())).consume();
                tx.run("MATCH (p:Profile {id: $id}) DETACH DELETE p", parameters("id", id.value())).consume();
                // The profile's history goes with it: its merges and splits are the person's as well.
                tx.run(ProfileHistory.EVENTS_OF_PROFILE + "DELETE e", parameters("id", id.value())).consume();
                // Identifiers shared with somebody else (a family mailbox) stay: they are that person's too.
                int removed = tx.run("""
                        UNWIND $identifiers AS identifier
                        MATCH (i:Identifier {type: identifier.type, value: identifier.value})
                        WHERE NOT EXISTS { (:Record)-[:HAS_IDENTIFIER]->(i) }
                        DETACH DELETE i
                        RETURN count(*) AS removed
                        """, parameters("identifiers", identifiers)).single().get("removed").asInt();
                return Optional.of(new IdentityGraph.Erasure(id, List.copyOf(records), removed));
            });
        }
    }

    Set<SourceRecordKey> erasedAmong(Collection<SourceRecordKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Map<String, SourceRecordKey> byHash = new java.util.HashMap<>();
        keys.forEach(key -> byHash.put(Tombstone.ofRecord(key), key));
        Set<SourceRecordKey> erased = new HashSet<>();
        driver.executableQuery("UNWIND $hashes AS hash MATCH (t:Tombstone {hash: hash}) RETURN t.hash AS hash")
                .withParameters(Map.of("hashes", List.copyOf(byHash.keySet()))).execute().records()
                .forEach(row -> erased.add(byHash.get(row.get("hash").asString())));
        return erased;
    }
}
