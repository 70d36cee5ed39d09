package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.ResolutionTiming;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.QuarantinedRow;
import dev.mosaic.imports.domain.FileRejectedException;
import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.ImportMappings;
import dev.mosaic.imports.domain.mapping.InvalidMappingException;

/** Imports run as Spring Batch jobs; the import id is the job execution id. */
final class SpringBatchImports implements Imports {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<ImportType, Job> jobs;
    private final JdbcQuarantine quarantine;
    private final ImportMappings mappings;

    SpringBatchImports(JobOperator jobOperator, JobRepository jobRepository, Map<ImportType, Job> jobs,
                       JdbcQuarantine quarantine, ImportMappings mappings) {
        this.mappings = mappings;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = Map.copyOf(jobs);
        this.quarantine = quarantine;
    }

    @Override
    public ImportId start(ImportType type, Path file, String fileName, String mappingName, ResolutionTiming timing) {
        ImportMapping mapping = mappingName == null || mappingName.isBlank() ? null : mapping(mappingName, type);
        SourceFileFormat format = SourceFileFormat.inspect(file, fileName, type, mapping);
        JobParameters parameters = new JobParametersBuilder()
                .addString("file", file.toAbsolutePath().toString())
                .addString("fileName", fileName)
                .addString("type", type.code(), false)
                .addString("mapping", mapping == null ? "" : mapping.name(), false)
                .addString("format", format.jsonLines() ? "jsonl" : "csv", false)
                .addString("gzip", Boolean.toString(format.gzip()), false)
                .addLong("expectedRows", expectedRows(file, format), false)
                .addString(ImportJobConfiguration.RESOLUTION, timing.code(), false)
                .toJobParameters();
        try {
            JobExecution execution = jobOperator.start(jobs.get(type), parameters);
            return new ImportId(execution.getId());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the import of " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static long expectedRows(Path file, SourceFileFormat format) {
        long lines = RowCountEstimate.lines(file, format.gzip());
        return lines < 0 ? -1 : Math.max(0, format.jsonLines() ? lines : lines - 1);
    }

    private ImportMapping mapping(String name, ImportType type) {
        ImportMapping mapping;
        try {
            mapping = mappings.find(name).orElseThrow(() -> new FileRejectedException("there is no mapping '" + name
                    + "'; known mappings: " + String.join(", ", mappings.names())));
        } catch (InvalidMappingException e) {
            throw new FileRejectedException("mapping '" + name + "' cannot be used: " + e.getMessage());
        }
        if (mapping.type() != type) {
            throw new FileRejectedException("mapping '" + name + "' maps onto " + mapping.type().code() + ", not "
                    + type.code());
        }
        return mapping;
    }

    @Override
    public Optional<ImportStatus> status(ImportId id) {
        JobExecution first = jobRepository.getJobExecution(id.value());
        if (first == null) {
            return Optional.empty();
        }
        // An import resumed after an interruption is a later execution of the same job instance.
        JobExecution execution = jobRepository.getLastJobExecution(first.getJobInstance());
        ImportCounts counts = execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().endsWith(ImportJobConfiguration.ROWS_STEP))
                .map(step -> ImportCounts.of(step.getExecutionContext()))
                .reduce((a, b) -> b).orElse(new ImportCounts(0, 0, 0, 0, 0));
        boolean resolving = execution.getStepExecutions().stream().anyMatch(step ->
                step.getStepName().endsWith(ImportJobConfiguration.RESOLVE_STEP) && step.getStatus().isRunning());
        JobParameters parameters = execution.getJobParameters();
        String failure = execution.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst()
                .orElse(null);
        ImportState state = stateOf(execution.getStatus());
        for (StepExecution step : execution.getStepExecutions()) {
            if (BadRowCeiling.EXCEEDED.equals(step.getExitStatus().getExitCode())) {
                state = ImportState.FAILED;
                failure = step.getExitStatus().getExitDescription();
            }
        }
        Long expectedRows = parameters.getLong("expectedRows");
        return Optional.of(new ImportStatus(id,
                ImportType.fromCode(parameters.getString("type")).orElse(ImportType.CUSTOMERS),
                parameters.getString("fileName"),
                state,
                expectedRows == null ? -1 : expectedRows,
                counts.rows(),
                counts.imported(),
                counts.updated(),
                counts.unchanged(),
                counts.quarantined(),
                counts.erased(),
                toInstant(first.getStartTime()),
                toInstant(execution.getEndTime()),
                failure,
                ResolutionTiming.fromCode(parameters.getString(ImportJobConfiguration.RESOLUTION))
                        .orElse(ResolutionTiming.INCREMENTAL),
                resolving));
    }

    @Override
    public List<QuarantinedRow> quarantine(ImportId id) {
        JobExecution execution = jobRepository.getJobExecution(id.value());
        return execution == null ? List.of() : quarantine.rowsOf(execution.getJobInstance().getInstanceId());
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
