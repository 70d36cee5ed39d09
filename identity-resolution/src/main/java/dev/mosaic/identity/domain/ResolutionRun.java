package dev.mosaic.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import dev.mosaic.identity.domain.matching.Clustering;

/**
 * A full resolution run (or dry run) as it is kept: who started it with which thresholds, where it stands, and once
 * finished what it found and, unless it was a dry run, applied. Kept with the graph, so the run id a profile's history
 * names still answers after a restart, and a dry run's findings can be read again before they are applied.
 *
 * @param outcome null until the run has completed
 * @param error   why the run failed or was interrupted; null otherwise
 */
public record ResolutionRun(String id, State state, boolean dryRun, String startedBy, Instant startedAt,
                            Instant finishedAt, Clustering.Thresholds thresholds, Outcome outcome, String error) {

    /** The merges and splits a run keeps by name; its counts cover all of them. */
    public static final int MAX_CHANGES = 1000;

    public enum State {
        /** Accepted, waiting for the run before it (one runs at a time). */
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED,
        /** The service stopped before the run finished. */
        INTERRUPTED;

        public boolean finished() {
            return this == COMPLETED || this == FAILED || this == INTERRUPTED;
        }
    }

    public ResolutionRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(thresholds, "thresholds");
    }

    public static ResolutionRun queued(String id, boolean dryRun, String startedBy, Instant at,
                                       Clustering.Thresholds thresholds) {
        return new ResolutionRun(id, State.QUEUED, dryRun, startedBy, at, null, thresholds, null, null);
    }

    public ResolutionRun running() {
        return new ResolutionRun(id, State.RUNNING, dryRun, startedBy, startedAt, null, thresholds, null, null);
    }

    public ResolutionRun completed(Outcome found, Instant at) {
        return new ResolutionRun(id, State.COMPLETED, dryRun, startedBy, startedAt, at, thresholds, found, null);
    }

    public ResolutionRun failed(String why, Instant at) {
        return new ResolutionRun(id, State.FAILED, dryRun, startedBy, startedAt, at, thresholds, null, why);
    }

    /**
     * What a completed run found (a dry run: would have done). {@code changes} names at most {@link #MAX_CHANGES} of
     * the merges and splits; {@code merges} and {@code splits} count all of them.
     */
    public record Outcome(int records, int profilesBefore, int profilesAfter, int merges, int splits,
                          int recordsMoved, long candidatePairs, int links, int reviewPairs, int genericIdentifiers,
                          LinkChanges linkWrites, Duration read, Duration resolve, Duration write,
                          List<Change> changes) {

        public Outcome {
            // Milliseconds are what a run's phases are reported and kept in.
            read = read.truncatedTo(ChronoUnit.MILLIS);
            resolve = resolve.truncatedTo(ChronoUnit.MILLIS);
            write = write.truncatedTo(ChronoUnit.MILLIS);
            changes = List.copyOf(changes);
        }
    }

    /** A profile that absorbed others (merge) or gave records to new ones (split). */
    public record Change(Kind kind, ProfileId profile, List<ProfileId> others) {

        public enum Kind { MERGE, SPLIT }

        public Change {
            others = List.copyOf(others);
        }
    }
}
