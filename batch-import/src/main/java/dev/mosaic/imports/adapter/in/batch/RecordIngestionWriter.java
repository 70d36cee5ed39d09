package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.imports.domain.ResolutionTiming;

/**
 * Hands each chunk to identity resolution (or, for a deferred import, only stores it) and counts what it changed. The counts live in the step's execution
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
        // The step execution of this thread: one writer serves every concurrent import of its type.
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        boolean deferred = ResolutionTiming.fromCode(step.getJobExecution().getJobParameters()
                .getString(ImportJobConfiguration.RESOLUTION)).orElse(ResolutionTiming.INCREMENTAL)
                == ResolutionTiming.DEFERRED;
        java.util.List<SourceRecord> records = java.util.List.copyOf(chunk.getItems());
        RecordIngestion.Outcome outcome = deferred ? ingestion.ingestWithoutResolving(records)
                : ingestion.ingest(records);
        ExecutionContext context = step.getExecutionContext();
        ImportCounts.add(context, outcome.count(RecordChange.IMPORTED), outcome.count(RecordChange.UPDATED),
                outcome.count(RecordChange.UNCHANGED), outcome.count(RecordChange.ERASED));
        if (ceiling.isExceededDuring(ImportCounts.of(context))) {
            // Not thrown: that would roll back the chunk's quarantined rows and reader position but neither its
            // records, already in the graph, nor its counts. The chunk commits whole, then the step ends failed
            // (BadRowCeiling#afterStep), and a restart goes on with the next chunk.
            step.setTerminateOnly();
        }
    }
}
