package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;

/** Where an import stands; counts add up: read = imported + updated + unchanged + quarantined. */
record ImportStatusResponse(
        String importId,
        String type,
        String file,
        String status,
        Counts counts,
        Instant startedAt,
        Instant endedAt,
        String failure) {

    record Counts(long read, long imported, long updated, long unchanged, long quarantined) {
    }
}
