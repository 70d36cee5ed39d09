package dev.mosaic.identity.adapter.out.neo4j;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import dev.mosaic.identity.domain.ProfileEvent;
import dev.mosaic.identity.domain.ProfileId;

/**
 * Reads the {@code (:ProfileEvent)} nodes that merges and splits leave. Each writer marks its cause in its own way: a
 * full run sets {@code run}, a steward's decision {@code decision}, a regrouping after a generic value {@code reason};
 * incremental resolution during an import sets none of them.
 */
final class ProfileHistory {

    private final Driver driver;

    ProfileHistory(Driver driver) {
        this.driver = driver;
    }

    /** A profile's history is read by id from three sides; without indexes, every event would be scanned. */
    void createIndexes() {
        for (String property : List.of("survivor", "absorbed", "into")) {
            driver.executableQuery("CREATE INDEX profile_event_" + property + " IF NOT EXISTS FOR (e:ProfileEvent) ON (e."
                    + property + ")").execute();
        }
    }

    /**
     * Every event naming profile {@code $id} on any side, as {@code e}: three index seeks, where an OR of the three
     * properties may be answered with a scan of every event. Read by the history, deleted by an erasure.
     */
    static final String EVENTS_OF_PROFILE = """
            CALL () {
                MATCH (e:ProfileEvent {survivor: $id}) RETURN e
                UNION
                MATCH (e:ProfileEvent {absorbed: $id}) RETURN e
                UNION
                MATCH (e:ProfileEvent {into: $id}) RETURN e
            }
            """;

    List<ProfileEvent> of(ProfileId id, int limit) {
        return driver.executableQuery(EVENTS_OF_PROFILE + """
                        OPTIONAL MATCH (d:StewardDecision {id: e.decision})
                        RETURN e.at AS at, e.kind AS kind, e.survivor AS survivor,
                               coalesce(e.absorbed, e.into) AS other, e.run AS run, e.decision AS decision,
                               d.steward AS steward, e.reason AS reason
                        ORDER BY at DESC, kind, other LIMIT $limit""")
                .withParameters(Map.of("id", id.value(), "limit", limit)).execute().records().stream()
                .map(ProfileHistory::event).toList();
    }

    private static ProfileEvent event(Record row) {
        String kind = row.get("kind").asString();
        ProfileEvent.Kind change = kind.startsWith("merged") ? ProfileEvent.Kind.MERGED : ProfileEvent.Kind.SPLIT;
        String run = text(row.get("run"));
        String decision = text(row.get("decision"));
        String reason = text(row.get("reason"));
        ProfileEvent.Cause cause = decision != null || kind.endsWith("_by_steward") ? ProfileEvent.Cause.STEWARD
                : run != null ? ProfileEvent.Cause.FULL_RUN
                : reason != null ? ProfileEvent.Cause.GENERIC_IDENTIFIER
                : ProfileEvent.Cause.IMPORT;
        return new ProfileEvent(row.get("at").asZonedDateTime().toInstant(), change,
                new ProfileId(row.get("survivor").asString()), new ProfileId(row.get("other").asString()), cause, run,
                decision, text(row.get("steward")), reason);
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
