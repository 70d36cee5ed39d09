package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * When each profile must next be projected into the read model: at once, while a change of the graph may not have
 * reached the read model yet (a write under way, or one that failed because the read model did not answer), or later,
 * when one of its time-relative values changes by itself ({@link ProfileContent#changesAt()}). Kept beside the
 * identity graph, the source of truth, so neither a restart nor an outage of the read model forgets a profile.
 * <p>
 * Every entry carries a mark, a text chosen by whoever marked it last. Settling or postponing an entry takes effect
 * only while it carries the mark that was read, so a change marked meanwhile is never settled unseen.
 */
public interface ProjectionSchedule {

    /** A profile due for projection, under the mark it was due with. */
    record Entry(String profileId, String mark) {
    }

    /**
     * A profile projected under {@code mark}: due again at {@code next}, or no longer due when null.
     */
    record Settled(String profileId, String mark, Instant next) {
    }

    /** The profiles are due at {@code at} under {@code mark}, whatever was due before. */
    void markDue(Collection<String> profileIds, Instant at, String mark);

    /** Up to {@code limit} entries due at {@code now} or earlier, the longest due first. */
    List<Entry> due(Instant now, int limit);

    /** Records projections; an entry whose mark has changed since is left as it is. */
    void settle(Collection<Settled> settled);

    /** Makes entries due again only at {@code until}; an entry whose mark has changed since is left as it is. */
    void postpone(Collection<Entry> entries, Instant until);

    /** How many profiles are due at {@code now} or earlier. */
    long countDue(Instant now);
}
