package dev.mosaic.imports.adapter.in.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

import dev.mosaic.imports.domain.SourceFileAfterImport;

/**
 * Deletes an upload once its import has ended for good, so copies of personal data do not pile up in the data
 * folder. Completed and failed imports have ended: Mosaic resumes only imports that were cut off while running, and
 * for those this listener is never called, so their file stays for the resume. Nothing is deleted once Mosaic is
 * shutting down: an import then fails because the stores it writes to close, its failure cannot be recorded any more,
 * and the next start resumes it from its file.
 */
final class SourceFileCleanup implements JobExecutionListener, ApplicationListener<ContextClosedEvent> {

    /** Job parameter: a {@link SourceFileAfterImport} name. */
    static final String AFTER_IMPORT = "afterImport";

    private static final Logger log = LoggerFactory.getLogger(SourceFileCleanup.class);

    private volatile boolean shuttingDown;

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        shuttingDown = true;
    }

    @Override
    public void afterJob(JobExecution execution) {
        var parameters = execution.getJobParameters();
        if (shuttingDown || !SourceFileAfterImport.DELETE.name().equals(parameters.getString(AFTER_IMPORT))
                || !(execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.FAILED)) {
            return;
        }
        String file = parameters.getString("file");
        try {
            Files.deleteIfExists(Path.of(file));
        } catch (IOException e) {
            // The import itself is done; a file left behind is found by the erasure of a person all the same.
            log.warn("Could not delete the uploaded file {} of import {}: {}", file, execution.getId(), e.getMessage());
        }
    }
}
