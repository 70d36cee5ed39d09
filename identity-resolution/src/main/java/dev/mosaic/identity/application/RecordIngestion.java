package dev.mosaic.identity.application;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileAssignment;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * Takes standardised records into the identity graph and resolves them incrementally: each new or changed record
 * is linked to the records it shares an identifier with and joins (or merges) their profiles.
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
        Map<SourceRecordKey, RecordChange> changes = graph.store(records);
        Map<RecordChange, Integer> counts = new EnumMap<>(RecordChange.class);
        changes.values().forEach(change -> counts.merge(change, 1, Integer::sum));

        Set<ProfileId> changed = new HashSet<>();
        Set<ProfileId> removed = new HashSet<>();
        for (SourceRecord record : records) {
            if (changes.get(record.key()) == RecordChange.UNCHANGED) {
                continue;
            }
            Set<ProfileId> linked = graph.linkBySharedIdentifiers(record.key());
            ProfileAssignment assignment =
                    ProfileAssignment.decide(record.key(), graph.profileOf(record.key()), linked);
            if (!assignment.absorbed().isEmpty()) {
                graph.mergeProfiles(assignment.target(), assignment.absorbed());
                removed.addAll(assignment.absorbed());
            }
            graph.assign(record.key(), assignment.target());
            changed.add(assignment.target());
        }
        changed.removeAll(removed);
        if (!changed.isEmpty() || !removed.isEmpty()) {
            listener.profilesChanged(Set.copyOf(changed), Set.copyOf(removed));
        }
        return new Outcome(Map.copyOf(counts), Set.copyOf(changed));
    }
}
