package dev.mosaic.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.mosaic.identity.domain.FullResolution;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.LinkChanges;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordLink;
import dev.mosaic.identity.domain.ResolutionRun;
import dev.mosaic.identity.domain.ResolutionRunLog;
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
 * applied, or, for a dry run, only reported. Runs started through {@link #queue} are kept in the {@link ResolutionRunLog}
 * from the moment they are accepted to their outcome.
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
    private final ResolutionRunLog log;
    private final Clock clock;

    public ResolutionRuns(IdentityGraph graph, RecordIngestion ingestion, ProfileChangeListener listener,
                          ResolutionRunLog log, Clock clock) {
        this.graph = graph;
        this.ingestion = ingestion;
        this.listener = listener;
        this.log = log;
        this.clock = clock;
    }

    /** Accepts a run and keeps it as queued; {@link #carryOut} runs it. */
    public ResolutionRun queue(ResolutionEngine.Settings settings, boolean dryRun, String startedBy) {
        ResolutionRun run = ResolutionRun.queued(UUID.randomUUID().toString(), dryRun, startedBy, clock.instant(),
                settings.thresholds());
        log.save(run);
        return run;
    }

    /**
     * Runs a queued run with the settings it was accepted with, keeping it as running, then as completed with what
     * it found, or as failed with the reason (and rethrows).
     */
    public ResolutionRun carryOut(ResolutionRun queued, ResolutionEngine.Settings settings) {
        ResolutionRun running = queued.running();
        log.save(running);
        ResolutionRun finished;
        try {
            finished = running.completed(outcome(run(running.id(), settings, running.dryRun())), clock.instant());
        } catch (RuntimeException e) {
            try {
                log.save(running.failed(describe(e), clock.instant()));
            } catch (RuntimeException unsaved) {
                e.addSuppressed(unsaved);
            }
            throw e;
        }
        log.save(finished);
        return finished;
    }

    public Optional<ResolutionRun> find(String runId) {
        return log.find(runId);
    }

    /** The latest runs, newest first. */
    public List<ResolutionRun> recent(int limit) {
        return log.recent(limit);
    }

    /** At start: runs an earlier process accepted but did not finish will never finish. */
    public int interruptUnfinished() {
        return log.interruptUnfinished(clock.instant(), "the service stopped before the run finished; a run that "
                + "was writing its outcome may have applied part of it, which the next full run completes");
    }

    private static ResolutionRun.Outcome outcome(Report report) {
        List<ResolutionRun.Change> changes = Stream.concat(
                        report.merges().stream().map(merge -> new ResolutionRun.Change(ResolutionRun.Change.Kind.MERGE,
                                merge.survivor(), sorted(merge.absorbed()))),
                        report.splits().stream().map(split -> new ResolutionRun.Change(ResolutionRun.Change.Kind.SPLIT,
                                split.previous(), sorted(split.into()))))
                .limit(ResolutionRun.MAX_CHANGES).toList();
        return new ResolutionRun.Outcome(report.records(), report.profilesBefore(), report.profilesAfter(),
                report.merges().size(), report.splits().size(), report.recordsMoved(), report.candidatePairs(),
                report.links(), report.review(), report.genericIdentifiers(), report.linkChanges(),
                report.phases().read(), report.phases().resolve(), report.phases().write(), changes);
    }

    private static List<ProfileId> sorted(Set<ProfileId> ids) {
        return ids.stream().sorted(java.util.Comparator.comparing(ProfileId::value)).toList();
    }

    /** The kind of failure and its message, for whoever looks at the run. */
    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
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
        IdentityGraph.FullRunWriter writer = graph.forEachRecord((record, profile) -> {
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
            linkChanges = writer.apply(new FullResolution(runId, result.model(), links, moves, outcome.merges(),
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
