package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where an import stands; counts add up: read = imported + updated + unchanged + quarantined + erased (rows of
 * records whose person was erased, skipped unless mosaic.privacy.reimport-erased). {@code expectedRows} is
 * the file's row count (exact, or estimated for a large file; -1 when unknown) and {@code progress} read / expected.
 * {@code resolution}: incremental or deferred; {@code resolving}: a deferred import has read every row and its full
 * resolution run is under way.
 */
@Schema(name = "ImportStatus", description = "Where an import stands, its counts and its progress")
record ImportStatusResponse(
        String importId,
        String type,
        String file,
        @Schema(description = "QUEUED (waiting for one of the imports running to end), RUNNING (also while it is being "
                + "stopped, until the chunk under way has committed), COMPLETED, FAILED or STOPPED")
        String status,
        @Schema(description = "Rows the file holds, counted or (large files) estimated when the import started; -1 unknown")
        long expectedRows,
        @Schema(description = "read / expectedRows, 1 when completed; null when the row count is unknown")
        Double progress,
        Counts counts,
        @Schema(description = "Rows read per second by the import's current (or, once it ended, last) run, counted "
                + "from the rows committed so far; null before the first chunk of 500 rows is committed")
        Double rowsPerSecond,
        @Schema(description = "Seconds until every expected row is read at rowsPerSecond; null when unknown: queued, "
                + "no row count, nothing committed yet, or no longer reading rows (ended, or a deferred import's "
                + "resolution run)")
        Long etaSeconds,
        Instant startedAt,
        Instant endedAt,
        String failure,
        String resolution,
        boolean resolving) {

    @Schema(name = "ImportCounts")
    record Counts(long read, long imported, long updated, long unchanged, long quarantined, long erased) {
    }
}
