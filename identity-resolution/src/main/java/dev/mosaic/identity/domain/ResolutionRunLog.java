package dev.mosaic.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where resolution runs are kept, from their start to their outcome. */
public interface ResolutionRunLog {

    /** Keeps the run as it stands now, replacing what was kept under its id. */
    void save(ResolutionRun run);

    Optional<ResolutionRun> find(String id);

    /** The latest runs, newest first, at most {@code limit}. */
    List<ResolutionRun> recent(int limit);

    /**
     * Marks the runs still queued or running as interrupted at {@code at}: called when a service starts, as runs are
     * carried out by the process that accepted them. Returns how many there were.
     */
    int interruptUnfinished(Instant at, String why);
}
