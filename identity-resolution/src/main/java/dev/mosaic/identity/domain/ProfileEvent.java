package dev.mosaic.identity.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of a profile's membership, as the graph records it: {@code other} was merged into {@code survivor}, or
 * split off it as a profile of its own. Says what caused it: an import resolved incrementally, a full run (with its
 * id), a steward (with the decision and who took it), or a value found to be generic that had held the profile
 * together.
 */
public record ProfileEvent(Instant at, Kind kind, ProfileId survivor, ProfileId other, Cause cause, String runId,
                           String decisionId, String steward, String reason) {

    public enum Kind { MERGED, SPLIT }

    public enum Cause { IMPORT, FULL_RUN, STEWARD, GENERIC_IDENTIFIER }

    public ProfileEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(survivor, "survivor");
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(cause, "cause");
    }
}
