package dev.mosaic.identity.adapter.out.neo4j;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

import dev.mosaic.identity.domain.LinkChanges;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.ResolutionRun;
import dev.mosaic.identity.domain.ResolutionRunLog;
import dev.mosaic.identity.domain.matching.Clustering;

/**
 * Runs as {@code (:ResolutionRun)} nodes beside the graph they resolved: one node per run, its outcome as plain
 * properties, and its named merges and splits as a list of texts ({@code "MERGE p-1 p-2 p-3"}: the kind, the profile,
 * the others; profile ids hold no spaces).
 */
final class Neo4jResolutionRunLog implements ResolutionRunLog {

    private final Driver driver;

    Neo4jResolutionRunLog(Driver driver) {
        this.driver = driver;
    }

    void createConstraints() {
        driver.executableQuery("CREATE CONSTRAINT resolution_run_id IF NOT EXISTS FOR (r:ResolutionRun) "
                + "REQUIRE r.id IS UNIQUE").execute();
        driver.executableQuery("CREATE INDEX resolution_run_started IF NOT EXISTS FOR (r:ResolutionRun) ON (r.startedAt)")
                .execute();
    }

    @Override
    public void save(ResolutionRun run) {
        // SET = replaces every property: nothing of an earlier state lingers (a null value sets nothing).
        driver.executableQuery("MERGE (r:ResolutionRun {id: $id}) SET r = $properties")
                .withParameters(Map.of("id", run.id(), "properties", properties(run))).execute();
    }

    @Override
    public Optional<ResolutionRun> find(String id) {
        return driver.executableQuery("MATCH (r:ResolutionRun {id: $id}) RETURN r")
                .withParameters(Map.of("id", id)).execute().records().stream().findFirst()
                .map(row -> run(row.get("r").asNode()));
    }

    @Override
    public List<ResolutionRun> recent(int limit) {
        return driver.executableQuery("MATCH (r:ResolutionRun) RETURN r ORDER BY r.startedAt DESC, r.id LIMIT $limit")
                .withParameters(Map.of("limit", limit)).execute().records().stream()
                .map(row -> run(row.get("r").asNode())).toList();
    }

    @Override
    public int interruptUnfinished(Instant at, String why) {
        return driver.executableQuery("""
                        MATCH (r:ResolutionRun) WHERE r.state IN ['QUEUED', 'RUNNING']
                        SET r.state = 'INTERRUPTED', r.finishedAt = $at, r.error = $why
                        RETURN count(r) AS interrupted""")
                .withParameters(Map.of("at", at.atOffset(ZoneOffset.UTC), "why", why)).execute().records().getFirst()
                .get("interrupted").asInt();
    }

    /** Every property of the run's node; absent values (no outcome yet, no error) are simply left out. */
    private static Map<String, Object> properties(ResolutionRun run) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", run.id());
        properties.put("state", run.state().name());
        properties.put("dryRun", run.dryRun());
        properties.put("startedBy", run.startedBy());
        properties.put("startedAt", run.startedAt().atOffset(ZoneOffset.UTC));
        properties.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().atOffset(ZoneOffset.UTC));
        properties.put("matchThreshold", run.thresholds().match());
        properties.put("reviewThreshold", run.thresholds().review());
        properties.put("bridgeThreshold", run.thresholds().bridge());
        properties.put("certainThreshold", run.thresholds().certain());
        properties.put("error", run.error());
        ResolutionRun.Outcome outcome = run.outcome();
        if (outcome != null) {
            properties.put("records", outcome.records());
            properties.put("profilesBefore", outcome.profilesBefore());
            properties.put("profilesAfter", outcome.profilesAfter());
            properties.put("merges", outcome.merges());
            properties.put("splits", outcome.splits());
            properties.put("recordsMoved", outcome.recordsMoved());
            properties.put("candidatePairs", outcome.candidatePairs());
            properties.put("links", outcome.links());
            properties.put("reviewPairs", outcome.reviewPairs());
            properties.put("genericIdentifiers", outcome.genericIdentifiers());
            properties.put("linksCreated", outcome.linkWrites().created());
            properties.put("linksUpdated", outcome.linkWrites().updated());
            properties.put("linksRemoved", outcome.linkWrites().removed());
            properties.put("linksKept", outcome.linkWrites().kept());
            properties.put("readMillis", outcome.read().toMillis());
            properties.put("resolveMillis", outcome.resolve().toMillis());
            properties.put("writeMillis", outcome.write().toMillis());
            properties.put("changes", outcome.changes().stream().map(change -> change.kind().name() + " "
                    + change.profile().value() + " " + String.join(" ",
                    change.others().stream().map(ProfileId::value).toList())).toList());
        }
        return properties;
    }

    private static ResolutionRun run(Node node) {
        Clustering.Thresholds thresholds = new Clustering.Thresholds(node.get("matchThreshold").asDouble(),
                node.get("reviewThreshold").asDouble(), node.get("bridgeThreshold").asDouble(),
                node.get("certainThreshold").asDouble());
        ResolutionRun.Outcome outcome = null;
        ResolutionRun.State state = ResolutionRun.State.valueOf(node.get("state").asString());
        if (state == ResolutionRun.State.COMPLETED) {
            List<ResolutionRun.Change> changes = new ArrayList<>();
            for (String text : node.get("changes").asList(Value::asString)) {
                List<String> parts = Arrays.asList(text.split(" "));
                changes.add(new ResolutionRun.Change(ResolutionRun.Change.Kind.valueOf(parts.get(0)),
                        new ProfileId(parts.get(1)), parts.subList(2, parts.size()).stream().map(ProfileId::new).toList()));
            }
            outcome = new ResolutionRun.Outcome(node.get("records").asInt(), node.get("profilesBefore").asInt(),
                    node.get("profilesAfter").asInt(), node.get("merges").asInt(), node.get("splits").asInt(),
                    node.get("recordsMoved").asInt(), node.get("candidatePairs").asLong(), node.get("links").asInt(),
                    node.get("reviewPairs").asInt(), node.get("genericIdentifiers").asInt(),
                    new LinkChanges(node.get("linksCreated").asInt(), node.get("linksUpdated").asInt(),
                            node.get("linksRemoved").asInt(), node.get("linksKept").asInt()),
                    Duration.ofMillis(node.get("readMillis").asLong()),
                    Duration.ofMillis(node.get("resolveMillis").asLong()),
                    Duration.ofMillis(node.get("writeMillis").asLong()), changes);
        }
        return new ResolutionRun(node.get("id").asString(), state,
                node.get("dryRun").asBoolean(), node.get("startedBy").asString(null),
                Instant.from(node.get("startedAt").asZonedDateTime()),
                node.get("finishedAt").isNull() ? null : Instant.from(node.get("finishedAt").asZonedDateTime()),
                thresholds, outcome, node.get("error").asString(null));
    }
}
