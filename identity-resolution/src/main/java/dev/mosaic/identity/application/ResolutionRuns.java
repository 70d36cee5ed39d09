package dev.mosaic.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mosaic.identity.domain.FullResolution;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.LinkChanges;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.ReviewEntry;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.Clustering;
import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.IncrementalMatching;
import dev.mosaic.identity.domain.matching.MatchRecord;
import dev.mosaic.identity.domain.matching.ProfileAssignment;
import dev.mosaic.identity.domain.matching.ResolutionEngine;

/**
 * Full resolution runs: every record of the graph resolved again from scratch (model estimated anew, generic
 * identifiers detected anew, steward decisions honoured), profile ids kept where membership allows, and the outcome
 * applied, or, for a dry run, only reported.
 */
public final class ResolutionRuns {

    /** What a run found (and, unless it was a dry run, applied), and how long reading, resolving and writing took. */
    public record Report(String runId, boolean dryRun, int records, int profilesBefore, int profilesAfter,
                         List<ProfileAssignment.Merge> merges, List<ProfileAssignment.Split> splits,
                         int recordsMoved, long candidatePairs, int links, int review, int genericIdentifiers,
                         LinkChanges linkChanges, Phases phases) {

        public Duration took() {
            return phases.read().plus(phases.resolve()).plus(phases.write());
        }
    }

    /** Where a run's time went: reading the graph, resolving in memory, writing the outcome back. */
    public record Phases(Duration read, Duration resolve, Duration write) {
    }

    private final IdentityGraph graph;
    private final RecordIngestion ingestion;
    private final ProfileChangeListener listener;
    private final Clock clock;

    public ResolutionRuns(IdentityGraph graph, RecordIngestion ingestion, ProfileChangeListener listener, Clock clock) {
        this.graph = graph;
        this.ingestion = ingestion;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * A run that applies its outcome holds imports back from reading the graph to writing it; a dry run does not,
     * as it writes nothing.
     */
    public Report run(String runId, ResolutionEngine.Settings settings, boolean dryRun) {
        return dryRun ? resolve(runId, settings, true) : ingestion.exclusively(() -> resolve(runId, settings, false));
    }

    private Report resolve(String runId, ResolutionEngine.Settings settings, boolean dryRun) {
        Instant started = clock.instant();
        List<MatchRecord> records = new ArrayList<>();
        Map<SourceRecordKey, ProfileId> previous = new HashMap<>();
        graph.forEachRecord((record, profile) -> {
            records.add(MatchRecord.of(record));
            if (profile != null) {
                previous.put(record.key(), profile);
            }
        });
        Constraints constraints = graph.constraints();
        Instant read = clock.instant();
        ResolutionEngine.Result result = new ResolutionEngine(settings)
                .resolve(records, constraints, graph.identifierOverrides());
        List<SourceRecordKey> keys = result.records().stream().map(MatchRecord::key).toList();
        ProfileAssignment.Outcome outcome = ProfileAssignment.assign(keys, result.clusterOf(), previous);
        Map<SourceRecordKey, ProfileId> moves = new HashMap<>();
        outcome.membership().forEach((record, profile) -> {
            if (!profile.equals(previous.get(record))) {
                moves.put(record, profile);
            }
        });
        Instant resolved = clock.instant();
        LinkChanges linkChanges = LinkChanges.NONE;
        if (!dryRun) {
            List<RecordLink> links = result.links().stream().map(pair -> IncrementalMatching.link(
                    result.records().get(pair.first()), result.records().get(pair.second()), pair, result.model())).toList();
            List<ReviewEntry> review = result.review().stream().map(pair -> review(result, pair)).toList();
            linkChanges = graph.apply(new FullResolution(runId, result.model(), links, moves, outcome.merges(),
                    outcome.splits(), outcome.removed(), result.generic().all(), review));
            ingestion.useModel(result.model());
            Set<ProfileId> changed = new HashSet<>();
            moves.forEach((record, profile) -> {
                changed.add(profile);
                ProfileId before = previous.get(record);
                if (before != null && !outcome.removed().contains(before)) {
                    changed.add(before);
                }
            });
            listener.profilesChanged(Set.copyOf(changed), Set.copyOf(outcome.removed()));
        }
        return new Report(runId, dryRun, records.size(), new HashSet<>(previous.values()).size(),
                new HashSet<>(outcome.membership().values()).size(), outcome.merges(), outcome.splits(), moves.size(),
                result.candidatePairs(), result.links().size(), result.review().size(), result.generic().all().size(),
                linkChanges, new Phases(Duration.between(started, read), Duration.between(read, resolved),
                Duration.between(resolved, clock.instant())));
    }

    private static ReviewEntry review(ResolutionEngine.Result result, Clustering.ReviewPair pair) {
        return new ReviewEntry(result.records().get(pair.first()).key(), result.records().get(pair.second()).key(),
                pair.probability(), pair.reason());
    }
}
