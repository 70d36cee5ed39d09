package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;

/**
 * Where an import stands; counts add up: read = imported + updated + unchanged + quarantined + erased (rows of
 * records whose person was erased, skipped unless mosaic.privacy.reimport-erased). {@code expectedRows} is
 * the file's row count (exact, or estimated for a large file; -1 when unknown) and {@code progress} read / expected.
 * {@code resolution}: incremental or deferred; {@code resolving}: a deferred import has read every row and its full
 * resolution run is under way.
 */
record ImportStatusResponse(
        String importId,
        String type,
        String file,
        String status,
        long expectedRows,
        Double progress,
        Counts counts,
        Instant startedAt,
        Instant endedAt,
        String failure,
        String resolution,
        boolean resolving) {

    record Counts(long read, long imported, long updated, long unchanged, long quarantined, long erased) {
    }
}
