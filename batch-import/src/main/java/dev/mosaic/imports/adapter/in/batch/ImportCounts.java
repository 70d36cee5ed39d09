package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What an import did with its rows, kept in the step's execution context: saved with every committed chunk and
 * carried into a restarted execution, so the counts of an interrupted and resumed import add up to the file's rows.
 * {@code erased}: rows of records whose person was erased, skipped (mosaic.privacy.reimport-erased=false).
 */
record ImportCounts(long imported, long updated, long unchanged, long quarantined, long erased) {

    private static final String IMPORTED = "mosaic.imported";
    private static final String UPDATED = "mosaic.updated";
    private static final String UNCHANGED = "mosaic.unchanged";
    private static final String QUARANTINED = "mosaic.quarantined";
    private static final String ERASED = "mosaic.erased";

    static ImportCounts of(ExecutionContext context) {
        return new ImportCounts(context.getLong(IMPORTED, 0L), context.getLong(UPDATED, 0L),
                context.getLong(UNCHANGED, 0L), context.getLong(QUARANTINED, 0L), context.getLong(ERASED, 0L));
    }

    static void add(ExecutionContext context, long imported, long updated, long unchanged, long erased) {
        increment(context, IMPORTED, imported);
        increment(context, UPDATED, updated);
        increment(context, UNCHANGED, unchanged);
        increment(context, ERASED, erased);
    }

    static void addQuarantined(ExecutionContext context) {
        increment(context, QUARANTINED, 1);
    }

    long rows() {
        return imported + updated + unchanged + quarantined + erased;
    }

    private static void increment(ExecutionContext context, String key, long count) {
        context.putLong(key, context.getLong(key, 0L) + count);
    }
}
