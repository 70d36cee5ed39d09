package dev.mosaic.imports.adapter.in.batch;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;

import dev.mosaic.identity.domain.CustomerRecord;

/** Puts every skipped row into the quarantine with its line number, the line as it was and the reason. */
final class QuarantineOnSkip implements SkipListener<CustomerRow, CustomerRecord>, StepExecutionListener {

    private final JdbcQuarantine quarantine;
    private String fileName;
    private long importId;

    QuarantineOnSkip(JdbcQuarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        importId = stepExecution.getJobExecutionId();
        fileName = stepExecution.getJobParameters().getString("fileName");
    }

    @Override
    public void onSkipInRead(Throwable failure) {
        if (failure instanceof FlatFileParseException parse) {
            quarantine.add(importId, fileName, parse.getLineNumber(), parse.getInput(),
                    "not a valid CSV row: " + rootMessage(parse));
        } else {
            quarantine.add(importId, fileName, -1, null, "unreadable row: " + rootMessage(failure));
        }
    }

    @Override
    public void onSkipInProcess(CustomerRow row, Throwable failure) {
        quarantine.add(importId, fileName, row.line(), row.rawLine(), failure.getMessage());
    }

    @Override
    public void onSkipInWrite(CustomerRecord record, Throwable failure) {
        quarantine.add(importId, fileName, -1, record.key().toString(), "could not be stored: " + rootMessage(failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
