package dev.mosaic.identity.application;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.identity.domain.ResolutionPlan;
import dev.mosaic.identity.domain.SourceRecord;

/**
 * Takes standardised records into the identity graph and resolves them incrementally, a batch at a time: each new
 * or changed record is linked to the records it shares an identifier with and joins (or merges) their profiles.
 */
public final class RecordIngestion {

    private final IdentityGraph graph;
    private final ProfileChangeListener listener;

    public RecordIngestion(IdentityGraph graph, ProfileChangeListener listener) {
        this.graph = graph;
        this.listener = listener;
    }

    public record Outcome(Map<RecordChange, Integer> counts, Set<ProfileId> changedProfiles) {

        public int count(RecordChange change) {
            return counts.getOrDefault(change, 0);
        }
    }

    public Outcome ingest(List<SourceRecord> records) {
        IdentityGraph.Resolution resolution = graph.storeAndResolve(records, ResolutionPlan::of);
        Map<RecordChange, Integer> counts = new EnumMap<>(RecordChange.class);
        resolution.changes().forEach(change -> counts.merge(change, 1, Integer::sum));
        ResolutionPlan plan = resolution.plan();
        if (plan.assignments().isEmpty()) {
            return new Outcome(Map.copyOf(counts), Set.of());
        }
        Set<ProfileId> changedProfiles = new HashSet<>(plan.assignments().values());
        Set<ProfileId> removed = Set.copyOf(plan.absorbedProfiles());
        changedProfiles.removeAll(removed);
        listener.profilesChanged(Set.copyOf(changedProfiles), removed);
        return new Outcome(Map.copyOf(counts), Set.copyOf(changedProfiles));
    }
}
