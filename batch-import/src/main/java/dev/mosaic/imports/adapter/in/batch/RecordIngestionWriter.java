package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
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

    private final RecordIngestion ingestion;
    private final BadRowCeiling ceiling;

    RecordIngestionWriter(RecordIngestion ingestion, BadRowCeiling ceiling) {
        this.ingestion = ingestion;
        this.ceiling = ceiling;
    }

    @Override
    public void write(Chunk<? extends SourceRecord> chunk) {
        RecordIngestion.Outcome outcome = ingestion.ingest(java.util.List.copyOf(chunk.getItems()));
        // The step execution of this thread: one writer serves every concurrent import of its type.
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        ExecutionContext context = step.getExecutionContext();
        ImportCounts.add(context, outcome.count(RecordChange.IMPORTED), outcome.count(RecordChange.UPDATED),
                outcome.count(RecordChange.UNCHANGED), outcome.count(RecordChange.ERASED));
        ceiling.checkDuring(ImportCounts.of(context));
    }
}
