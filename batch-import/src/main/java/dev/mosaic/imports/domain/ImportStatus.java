package dev.mosaic.imports.domain;

import java.time.Instant;

/**
 * What an import has done so far; the counts add up: read = imported + updated + unchanged + quarantined + erased
 * ({@code erased}: rows of records whose person was erased, skipped).
 * {@code expectedRows} is the number of rows the file holds, counted or estimated when it started (-1: unknown).
 * {@code resolving}: all rows are in and the full resolution run of a deferred import is under way.
 * {@code rowsPerSecond}: rows read per second by the import's current (or last) run, null before its first chunk is
 * committed; {@code etaSeconds}: seconds until every expected row is read at that rate, null when unknown (queued, the
 * row count unknown, or no longer reading rows).
 */
public record ImportStatus(
        ImportId id,
        ImportType type,
        String fileName,
        ImportState state,
        long expectedRows,
        long read,
        long imported,
        long updated,
        long unchanged,
        long quarantined,
        long erased,
        Instant startedAt,
        Instant endedAt,
        String failure,
        ResolutionTiming resolution,
        boolean resolving,
        Double rowsPerSecond,
        Long etaSeconds) {
}
