package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.application.ResolutionRuns;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.ImportMappings;

/**
 * One import job per canonical type: read the file (CSV by its header, or JSON Lines; gzip or not), standardise each
 * row, resolve each chunk into the identity graph (or, for a deferred import, store it and resolve everything in one
 * full run as the job's last step). Bad rows are skipped into the quarantine.
 */
@Configuration(proxyBeanMethods = false)
class ImportJobConfiguration {

    /**
     * Rows per chunk, each one transaction in the graph, unless {@code mosaic.import.chunk-size} says otherwise.
     * docs/benchmarks.md compares 500 with 2,000: about a tenth faster imports at 200,000 rows, no clear gain at 1M.
     */
    static final int DEFAULT_CHUNK_SIZE = 500;
    static final String CHUNK_SIZE_PROPERTY = "mosaic.import.chunk-size";
    /** Job parameter: a {@link dev.mosaic.imports.domain.ResolutionTiming} code. */
    static final String RESOLUTION = "resolution";
    static final String ROWS_STEP = "-rows";
    static final String RESOLVE_STEP = "-resolve";

    @Bean
    Job customersImportJob(ImportSteps steps) {
        return steps.job(ImportType.CUSTOMERS);
    }

    @Bean
    Job purchasesImportJob(ImportSteps steps) {
        return steps.job(ImportType.PURCHASES);
    }

    @Bean
    Job ticketsImportJob(ImportSteps steps) {
        return steps.job(ImportType.TICKETS);
    }

    @Bean
    Job campaignResponsesImportJob(ImportSteps steps) {
        return steps.job(ImportType.CAMPAIGN_RESPONSES);
    }

    @Bean
    Job socialInteractionsImportJob(ImportSteps steps) {
        return steps.job(ImportType.SOCIAL_INTERACTIONS);
    }

    @Bean
    ImportSteps importSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            SourceRowReader sourceRowReader, ItemProcessor<SourceRow, SourceRecord> rowStandardiser,
                            RecordIngestion ingestion, JdbcQuarantine quarantine, ResolutionRuns resolutionRuns,
                            ResolutionEngine.Settings resolutionSettings, SourceFileCleanup sourceFileCleanup,
                            RunningImports runningImports,
                            @Value("${mosaic.import.max-bad-row-share:0.5}") double maxBadRowShare,
                            @Value("${" + CHUNK_SIZE_PROPERTY + ":" + DEFAULT_CHUNK_SIZE + "}") int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException(CHUNK_SIZE_PROPERTY + " must be at least 1, not " + chunkSize);
        }
        return new ImportSteps(jobRepository, transactionManager, sourceRowReader, rowStandardiser, ingestion, quarantine,
                new BadRowCeiling(maxBadRowShare), new DeferredResolutionTasklet(resolutionRuns, resolutionSettings),
                sourceFileCleanup, runningImports, chunkSize);
    }

    @Bean
    RunningImports runningImports() {
        return new RunningImports();
    }

    /** A bean, so it hears that the application is shutting down. */
    @Bean
    SourceFileCleanup sourceFileCleanup() {
        return new SourceFileCleanup();
    }

    /**
     * Per import: the type and the optional mapping are job parameters. A restarted import goes on only under the
     * mapping it started with: rows after the restart in another layout than those before would be one import
     * half in each.
     */
    @Bean
    @StepScope
    ItemProcessor<SourceRow, SourceRecord> rowStandardiser(@Value("#{jobParameters['type']}") String type,
                                                           @Value("#{jobParameters['mapping']}") String mapping,
                                                           @Value("#{jobParameters['mappingFingerprint']}") String fingerprint,
                                                           @Value("#{jobParameters['fileName']}") String fileName,
                                                           ImportMappings mappings,
                                                           @Value("${mosaic.import.default-region:DE}") String defaultRegion) {
        ImportMapping importMapping = mapping == null || mapping.isBlank() ? null : sameMapping(mappings, mapping,
                fingerprint, fileName);
        return new RowStandardiser(ImportType.fromCode(type).orElseThrow(), importMapping, defaultRegion);
    }

    private static ImportMapping sameMapping(ImportMappings mappings, String name, String fingerprint, String fileName) {
        String where;
        ImportMapping current;
        try {
            where = mappings.location(name).map(location -> " (" + location + ")").orElse("");
            current = mappings.find(name).orElse(null);
        } catch (RuntimeException e) {
            throw new ImportCannotGoOnException("The import of " + fileName + " cannot go on: its mapping '" + name
                    + "' is broken now: " + e.getMessage(), e);
        }
        if (current == null) {
            throw new ImportCannotGoOnException("The import of " + fileName + " cannot go on: its mapping '" + name
                    + "' is gone; import the file again");
        }
        if (fingerprint != null && !fingerprint.isBlank() && !fingerprint.equals(current.fingerprint())) {
            throw new ImportCannotGoOnException("The import of " + fileName + " cannot go on: its mapping '" + name + "'"
                    + where + " has changed since the import started, and the rest of the file would be read "
                    + "another way than its beginning; import the file again");
        }
        return current;
    }

    @Bean
    @StepScope
    SourceRowReader sourceRowReader(@Value("#{jobParameters['file']}") String file,
                                    @Value("#{jobParameters['gzip']}") String gzip,
                                    @Value("#{jobParameters['format']}") String format,
                                    SourceRowReader.Limits limits) {
        SourceFileFormat sourceFormat = new SourceFileFormat(Boolean.parseBoolean(gzip), "jsonl".equals(format));
        return new SourceRowReader(sourceFormat.resource(Path.of(file)), sourceFormat.jsonLines(), limits);
    }

    @Bean
    SourceRowReader.Limits rowLimits(@Value("${mosaic.import.max-lines-per-row:100}") int maxLines,
                                     @Value("${mosaic.import.max-bytes-per-row:1048576}") int maxBytes) {
        return new SourceRowReader.Limits(maxLines, maxBytes);
    }

    /** Builds the job of one type; every type shares the reader, the writer and the quarantine. */
    record ImportSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       SourceRowReader reader, ItemProcessor<SourceRow, SourceRecord> processor,
                       RecordIngestion ingestion, JdbcQuarantine quarantine, BadRowCeiling ceiling,
                       DeferredResolutionTasklet deferredResolution, SourceFileCleanup cleanup,
                       RunningImports running, int chunkSize) {

        static final Map<ImportType, String> JOB_NAMES = Map.of(
                ImportType.CUSTOMERS, "customers-import",
                ImportType.PURCHASES, "purchases-import",
                ImportType.TICKETS, "tickets-import",
                ImportType.CAMPAIGN_RESPONSES, "campaign-responses-import",
                ImportType.SOCIAL_INTERACTIONS, "social-interactions-import");

        Job job(ImportType type) {
            RecordIngestionWriter writer = new RecordIngestionWriter(ingestion, ceiling);
            QuarantineOnSkip quarantineOnSkip = new QuarantineOnSkip(quarantine);
            FailureReason failureReason = new FailureReason();
            var rows = new StepBuilder(JOB_NAMES.get(type) + ROWS_STEP, jobRepository)
                    .<SourceRow, SourceRecord>chunk(chunkSize)
                    .transactionManager(transactionManager)
                    .reader(reader)
                    .processor(processor)
                    .writer(writer)
                    .faultTolerant()
                    .skipPolicy(new RejectedRowSkipPolicy())
                    .skipListener(quarantineOnSkip)
                    .listener(ceiling)
                    .listener(failureReason)
                    .build();
            var resolve = new StepBuilder(JOB_NAMES.get(type) + RESOLVE_STEP, jobRepository)
                    .tasklet(deferredResolution, transactionManager)
                    .listener(failureReason)
                    .build();
            return new JobBuilder(JOB_NAMES.get(type), jobRepository).listener(running).listener(cleanup)
                    .start(rows).next(resolve).build();
        }
    }
}
