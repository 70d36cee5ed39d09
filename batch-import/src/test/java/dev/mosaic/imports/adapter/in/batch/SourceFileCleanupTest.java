package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

import dev.mosaic.imports.domain.SourceFileAfterImport;

/** An upload is deleted when its import has ended, and kept while Mosaic shuts down: the import resumes from it. */
class SourceFileCleanupTest {

    @TempDir
    Path folder;

    @Test
    void deletesTheUploadOfAnImportThatFailed() throws Exception {
        Path upload = Files.writeString(folder.resolve("upload.csv"), "source,record_id\n");
        SourceFileCleanup cleanup = new SourceFileCleanup();

        cleanup.afterJob(ended(upload, SourceFileAfterImport.DELETE, BatchStatus.FAILED));

        assertThat(upload).doesNotExist();
    }

    @Test
    void keepsTheUploadOfAnImportCutOffByTheShutdown() throws Exception {
        Path upload = Files.writeString(folder.resolve("upload.csv"), "source,record_id\n");
        SourceFileCleanup cleanup = new SourceFileCleanup();

        cleanup.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
        cleanup.afterJob(ended(upload, SourceFileAfterImport.DELETE, BatchStatus.FAILED));

        assertThat(upload).exists();
    }

    @Test
    void keepsAFileTheCallerKeepsAndTheFileOfAStoppedImport() throws Exception {
        Path own = Files.writeString(folder.resolve("own.csv"), "source,record_id\n");
        Path stopped = Files.writeString(folder.resolve("stopped.csv"), "source,record_id\n");
        SourceFileCleanup cleanup = new SourceFileCleanup();

        cleanup.afterJob(ended(own, SourceFileAfterImport.KEEP, BatchStatus.COMPLETED));
        cleanup.afterJob(ended(stopped, SourceFileAfterImport.DELETE, BatchStatus.STOPPED));

        assertThat(own).exists();
        assertThat(stopped).exists();
    }

    private static JobExecution ended(Path file, SourceFileAfterImport afterImport, BatchStatus status) {
        JobExecution execution = new JobExecution(1, new JobInstance(1, "customers-import"), new JobParametersBuilder()
                .addString("file", file.toString())
                .addString(SourceFileCleanup.AFTER_IMPORT, afterImport.name(), false)
                .toJobParameters());
        execution.setStatus(status);
        return execution;
    }
}
