package dev.mosaic.imports.adapter.in.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.mosaic.imports.domain.FileRejectedException;
import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.QuarantinedRow;

/** Imports run as Spring Batch jobs; the import id is the job execution id. */
final class SpringBatchImports implements Imports {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job customersImportJob;
    private final JdbcQuarantine quarantine;

    SpringBatchImports(JobOperator jobOperator, JobRepository jobRepository, Job customersImportJob,
                       JdbcQuarantine quarantine) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.customersImportJob = customersImportJob;
        this.quarantine = quarantine;
    }

    @Override
    public ImportId start(ImportType type, Path file, String fileName) {
        if (!type.isSupported()) {
            throw new FileRejectedException("Import type '" + type.code() + "' is not supported yet; this version "
                    + "imports: customers");
        }
        checkHeader(type, file, fileName);
        JobParameters parameters = new JobParametersBuilder()
                .addString("file", file.toAbsolutePath().toString())
                .addString("fileName", fileName)
                .addString("type", type.code(), false)
                .toJobParameters();
        try {
            JobExecution execution = jobOperator.start(customersImportJob, parameters);
            return new ImportId(execution.getId());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the import of " + fileName + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a file that is wrong as a whole before anything of it is imported. */
    private static void checkHeader(ImportType type, Path file, String fileName) {
        String header;
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            header = reader.readLine();
        } catch (CharacterCodingException e) {
            throw new FileRejectedException(fileName + ": not a UTF-8 text file (CSV with a header row expected)");
        } catch (IOException e) {
            throw new FileRejectedException(fileName + ": cannot be read: " + e.getMessage());
        }
        if (header == null || header.isBlank()) {
            throw new FileRejectedException(fileName + ": the file is empty; a CSV header row is expected");
        }
        if (header.indexOf('\0') >= 0) {
            throw new FileRejectedException(fileName + ": a binary file, not CSV with a header row");
        }
        List<String> columns = CustomerColumns.parseHeader(header);
        List<String> missing = type.requiredColumns().stream().filter(column -> !columns.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new FileRejectedException(fileName + ": required column(s) missing from the header: "
                    + String.join(", ", missing) + " (found: " + String.join(", ", columns) + ")");
        }
    }

    @Override
    public Optional<ImportStatus> status(ImportId id) {
        JobExecution execution = jobRepository.getJobExecution(id.value());
        if (execution == null) {
            return Optional.empty();
        }
        long read = 0;
        long quarantined = 0;
        ExecutionContext counts = new ExecutionContext();
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount() + step.getReadSkipCount();
            quarantined += step.getReadSkipCount() + step.getProcessSkipCount() + step.getWriteSkipCount();
            counts = step.getExecutionContext();
        }
        JobParameters parameters = execution.getJobParameters();
        String failure = execution.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst().orElse(null);
        return Optional.of(new ImportStatus(id,
                ImportType.fromCode(parameters.getString("type")).orElse(ImportType.CUSTOMERS),
                parameters.getString("fileName"),
                stateOf(execution.getStatus()),
                read,
                counts.getLong(RecordIngestionWriter.IMPORTED, 0L),
                counts.getLong(RecordIngestionWriter.UPDATED, 0L),
                counts.getLong(RecordIngestionWriter.UNCHANGED, 0L),
                quarantined,
                toInstant(execution.getStartTime()),
                toInstant(execution.getEndTime()),
                failure));
    }

    @Override
    public List<QuarantinedRow> quarantine(ImportId id) {
        return quarantine.rowsOf(id.value());
    }

    private static ImportState stateOf(BatchStatus status) {
        return switch (status) {
            case STARTING -> ImportState.QUEUED;
            case STARTED, STOPPING -> ImportState.RUNNING;
            case COMPLETED -> ImportState.COMPLETED;
            case STOPPED, ABANDONED -> ImportState.STOPPED;
            case FAILED, UNKNOWN -> ImportState.FAILED;
        };
    }

    private static Instant toInstant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
