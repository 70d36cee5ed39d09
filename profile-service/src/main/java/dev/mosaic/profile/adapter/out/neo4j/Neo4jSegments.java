package dev.mosaic.profile.adapter.out.neo4j;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mosaic.profile.domain.segment.ConditionParser;
import dev.mosaic.profile.domain.segment.ConditionTree;
import dev.mosaic.profile.domain.segment.Segment;
import dev.mosaic.profile.domain.segment.Segments;

/**
 * Segments as {@code (:Segment {id, name, description, condition, createdAt, updatedAt})} nodes in the graph, the store Mosaic
 * treats as the source of truth: the Elasticsearch index is a read model that may be dropped and rebuilt from the
 * graph at any time, and a marketer's saved audiences must survive that. The condition is kept as its JSON text and
 * validated again when read, so a segment saved under an older schema is reported, not silently misread.
 */
final class Neo4jSegments implements Segments {

    private final Driver driver;
    private final ObjectMapper json = new ObjectMapper();

    Neo4jSegments(Driver driver) {
        this.driver = driver;
        try (var session = driver.session()) {
            session.run("CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (s:Segment) REQUIRE s.id IS UNIQUE").consume();
        }
    }

    @Override
    public void save(Segment segment) {
        driver.executableQuery("""
                        MERGE (s:Segment {id: $id})
                        SET s.name = $name, s.description = $description, s.condition = $condition,
                            s.createdAt = datetime($createdAt), s.updatedAt = datetime($updatedAt)""")
                .withParameters(parameters(segment)).execute();
    }

    @Override
    public boolean update(Segment segment) {
        // MATCH, not MERGE: a segment deleted meanwhile stays deleted.
        return !driver.executableQuery("""
                        MATCH (s:Segment {id: $id})
                        SET s.name = $name, s.description = $description, s.condition = $condition,
                            s.updatedAt = datetime($updatedAt)
                        RETURN s.id""")
                .withParameters(parameters(segment)).execute().records().isEmpty();
    }

    @Override
    public boolean delete(String id) {
        return driver.executableQuery("MATCH (s:Segment {id: $id}) DETACH DELETE s")
                .withParameters(Map.of("id", id)).execute().summary().counters().nodesDeleted() > 0;
    }

    private Map<String, Object> parameters(Segment segment) {
        String condition;
        try {
            condition = json.writeValueAsString(ConditionTree.of(segment.condition()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A condition tree is always JSON", e);
        }
        return Map.of("id", segment.id(), "name", segment.name(),
                "description", segment.description() == null ? "" : segment.description(),
                "condition", condition, "createdAt", segment.createdAt().toString(),
                "updatedAt", segment.updatedAt().toString());
    }

    @Override
    public Optional<Segment> find(String id) {
        return driver.executableQuery("MATCH (s:Segment {id: $id}) RETURN s")
                .withParameters(Map.of("id", id)).execute().records().stream().findFirst().map(this::segment);
    }

    @Override
    public List<Segment> all() {
        return driver.executableQuery("MATCH (s:Segment) RETURN s ORDER BY s.createdAt DESC, s.id")
                .execute().records().stream().map(this::segment).toList();
    }

    private Segment segment(Record record) {
        var node = record.get("s").asNode();
        Object tree;
        try {
            tree = json.readValue(node.get("condition").asString(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Segment " + node.get("id").asString() + " holds no JSON condition", e);
        }
        String description = node.get("description").asString("");
        Instant createdAt = Instant.from(node.get("createdAt").asZonedDateTime());
        // Segments saved before updates existed have no updatedAt.
        Instant updatedAt = node.get("updatedAt").isNull() ? createdAt
                : Instant.from(node.get("updatedAt").asZonedDateTime());
        return new Segment(node.get("id").asString(), node.get("name").asString(),
                description.isEmpty() ? null : description, ConditionParser.parse(tree), createdAt, updatedAt);
    }

}
