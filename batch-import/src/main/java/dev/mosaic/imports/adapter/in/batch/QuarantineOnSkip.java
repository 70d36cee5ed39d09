package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;

import dev.mosaic.identity.domain.SourceRecord;

/** Puts every skipped row into the quarantine with its line number, the line as it was and the reason. */
final class QuarantineOnSkip implements SkipListener<SourceRow, SourceRecord> {

    private final JdbcQuarantine quarantine;

    QuarantineOnSkip(JdbcQuarantine quarantine) {
        this.quarantine = quarantine;
    }

    /** The import this thread works on: one listener serves every concurrent import of its type. */
    private void add(long line, String rawLine, String reason) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        // Keyed by the job instance: a resumed import is a new execution of the same instance.
        quarantine.add(step.getJobExecution().getJobInstance().getInstanceId(),
                step.getJobParameters().getString("fileName"), line, rawLine, reason);
        ImportCounts.addQuarantined(step.getExecutionContext());
    }

    @Override
    public void onSkipInRead(Throwable failure) {
        // The reader names the format and the problem (not valid CSV or JSON Lines, not UTF-8, too long).
        if (failure instanceof InvalidRowException row) {
            add(row.line(), row.rawLine(), row.getMessage());
        } else {
            add(-1, null, "unreadable row: " + rootMessage(failure));
        }
    }

    @Override
    public void onSkipInProcess(SourceRow row, Throwable failure) {
        add(row.line(), row.rawLine(), failure.getMessage());
    }

    @Override
    public void onSkipInWrite(SourceRecord record, Throwable failure) {
        add(-1, record.key().toString(), "could not be stored: " + rootMessage(failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
