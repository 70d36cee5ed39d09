package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;

import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.ResolutionTiming;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.QuarantinePage;
import dev.mosaic.imports.domain.SourceFileAfterImport;
import dev.mosaic.imports.domain.FileRejectedException;
import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.ImportMappings;
import dev.mosaic.imports.domain.mapping.InvalidMappingException;

/** Imports run as Spring Batch jobs; the import id is the job execution id. */
final class SpringBatchImports implements Imports {

    /** Job parameter: what makes each import a job instance of its own. */
    static final String RUN = "run";
    /** Job parameter: {@link ImportMapping#fingerprint()} of the mapping the import started with. */
    static final String MAPPING_FINGERPRINT = "mappingFingerprint";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Map<ImportType, Job> jobs;
    private final JdbcQuarantine quarantine;
    private final ImportMappings mappings;
    private final RunningImports running;

    SpringBatchImports(JobOperator jobOperator, JobRepository jobRepository, Map<ImportType, Job> jobs,
                       JdbcQuarantine quarantine, ImportMappings mappings, RunningImports running) {
        this.mappings = mappings;
        this.running = running;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = Map.copyOf(jobs);
        this.quarantine = quarantine;
    }

    @Override
    public ImportId start(ImportType type, Path file, String fileName, String mappingName, ResolutionTiming timing,
                          SourceFileAfterImport afterImport) {
        ImportMapping mapping = mappingName == null || mappingName.isBlank() ? null : mapping(mappingName, type);
        SourceFileFormat format = SourceFileFormat.inspect(file, fileName, type, mapping);
        JobParameters parameters = new JobParametersBuilder()
                // Each request is an import of its own, even of the same file under the same name: without this,
                // a second import of a file would be refused as a job instance that is already complete.
                .addString(RUN, UUID.randomUUID().toString())
                .addString("file", file.toAbsolutePath().toString())
                .addString("fileName", fileName)
                .addString("type", type.code(), false)
                .addString("mapping", mapping == null ? "" : mapping.name(), false)
                .addString(MAPPING_FINGERPRINT, mapping == null ? "" : mapping.fingerprint(), false)
                .addString("format", format.jsonLines() ? "jsonl" : "csv", false)
                .addString("gzip", Boolean.toString(format.gzip()), false)
                .addLong("expectedRows", expectedRows(file, format), false)
                .addString(ImportJobConfiguration.RESOLUTION, timing.code(), false)
                .addString(SourceFileCleanup.AFTER_IMPORT, afterImport.name(), false)
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

    /** The execution, or null: the JDBC job repository throws for an unknown id instead of answering null. */
    private JobExecution execution(ImportId id) {
        try {
            return jobRepository.getJobExecution(id.value());
        } catch (EmptyResultDataAccessException unknown) {
            return null;
        }
    }

    @Override
    public Optional<ImportStatus> status(ImportId id) {
        JobExecution first = execution(id);
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
        // Read back from the job repository, an execution has no failure exceptions: each step kept its reason.
        String failure = execution.getStepExecutions().stream().map(step -> FailureReason.in(step.getExecutionContext()))
                .filter(java.util.Objects::nonNull).findFirst()
                .orElseGet(() -> execution.getAllFailureExceptions().stream().map(FailureReason::of).findFirst()
                        .orElse(null));
        ImportState state = running.stillWorking(execution.getId()) && !execution.getStatus().isRunning()
                ? ImportState.RUNNING : stateOf(execution.getStatus());
        for (StepExecution step : execution.getStepExecutions()) {
            if (BadRowCeiling.EXCEEDED.equals(step.getExitStatus().getExitCode())) {
                state = ImportState.FAILED;
                String reason = FailureReason.in(step.getExecutionContext());
                failure = reason != null ? reason : step.getExitStatus().getExitDescription();
            }
        }
        Long expectedRows = parameters.getLong("expectedRows");
        long expected = expectedRows == null ? -1 : expectedRows;
        Double rate = rowsPerSecond(execution);
        Long eta = state == ImportState.RUNNING && !resolving && rate != null && rate > 0 && expected > counts.rows()
                ? (long) Math.ceil((expected - counts.rows()) / rate) : null;
        return Optional.of(new ImportStatus(id,
                ImportType.fromCode(parameters.getString("type")).orElse(ImportType.CUSTOMERS),
                parameters.getString("fileName"),
                state,
                expected,
                counts.rows(),
                counts.imported(),
                counts.updated(),
                counts.unchanged(),
                counts.quarantined(),
                counts.erased(),
                toInstant(first.getStartTime()),
                state == ImportState.RUNNING ? null : toInstant(execution.getEndTime()),
                failure,
                ResolutionTiming.fromCode(parameters.getString(ImportJobConfiguration.RESOLUTION))
                        .orElse(ResolutionTiming.INCREMENTAL),
                resolving,
                rate,
                eta));
    }

    /**
     * Rows read per second by the execution's rows step: those it read (a resumed import's earlier rows are not its
     * work) over the time it has been reading, or took. Null until its first chunk is committed.
     */
    private static Double rowsPerSecond(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().endsWith(ImportJobConfiguration.ROWS_STEP))
                .reduce((a, b) -> b)
                .map(step -> {
                    long rows = step.getReadCount() + step.getReadSkipCount();
                    LocalDateTime started = step.getStartTime();
                    if (rows == 0 || started == null) {
                        return null;
                    }
                    LocalDateTime ended = step.getEndTime() == null ? LocalDateTime.now() : step.getEndTime();
                    double seconds = Math.max(0.001, Duration.between(started, ended).toNanos() / 1e9);
                    return Math.round(10 * rows / seconds) / 10.0;
                }).orElse(null);
    }

    @Override
    public QuarantinePage quarantine(ImportId id, long offset, int limit) {
        JobExecution execution = execution(id);
        if (execution == null) {
            return new QuarantinePage(0, offset, List.of());
        }
        long instance = execution.getJobInstance().getInstanceId();
        return new QuarantinePage(quarantine.countOf(instance), offset, quarantine.rowsOf(instance, offset, limit));
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
