package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.RecordChange;

/**
 * Hands each chunk to identity resolution and counts what it changed. The counts live in the step's execution
 * context, which is saved with every committed chunk, so a restarted import continues from them.
 */
final class RecordIngestionWriter implements ItemWriter<SourceRecord> {

    static final String IMPORTED = "mosaic.imported";
    static final String UPDATED = "mosaic.updated";
    static final String UNCHANGED = "mosaic.unchanged";

    private final RecordIngestion ingestion;

    RecordIngestionWriter(RecordIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public void write(Chunk<? extends SourceRecord> chunk) {
        RecordIngestion.Outcome outcome = ingestion.ingest(java.util.List.copyOf(chunk.getItems()));
        // The step execution of this thread: one writer serves every concurrent import of its type.
        ExecutionContext context = StepSynchronizationManager.getContext().getStepExecution().getExecutionContext();
        add(context, IMPORTED, outcome.count(RecordChange.IMPORTED));
        add(context, UPDATED, outcome.count(RecordChange.UPDATED));
        add(context, UNCHANGED, outcome.count(RecordChange.UNCHANGED));
    }

    private static void add(ExecutionContext context, String key, int count) {
        context.putLong(key, context.getLong(key, 0L) + count);
    }
}
