package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.domain.CustomerRecord;
import dev.mosaic.identity.domain.RecordChange;

/**
 * Hands each chunk to identity resolution and counts what it changed. The counts live in the step's execution
 * context, which is saved with every committed chunk, so a restarted import continues from them.
 */
final class RecordIngestionWriter implements ItemWriter<CustomerRecord>, StepExecutionListener {

    static final String IMPORTED = "mosaic.imported";
    static final String UPDATED = "mosaic.updated";
    static final String UNCHANGED = "mosaic.unchanged";

    private final RecordIngestion ingestion;
    private ExecutionContext context;

    RecordIngestionWriter(RecordIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.context = stepExecution.getExecutionContext();
    }

    @Override
    public void write(Chunk<? extends CustomerRecord> chunk) {
        RecordIngestion.Outcome outcome = ingestion.ingest(java.util.List.copyOf(chunk.getItems()));
        add(IMPORTED, outcome.count(RecordChange.IMPORTED));
        add(UPDATED, outcome.count(RecordChange.UPDATED));
        add(UNCHANGED, outcome.count(RecordChange.UNCHANGED));
    }

    private void add(String key, int count) {
        context.putLong(key, context.getLong(key, 0L) + count);
    }
}
