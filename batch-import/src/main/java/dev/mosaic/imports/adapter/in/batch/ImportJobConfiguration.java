package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.batch.infrastructure.item.file.separator.SimpleRecordSeparatorPolicy;
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

    static final int CHUNK_SIZE = 500;
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
                            FlatFileItemReader<SourceRow> sourceRowReader, ItemProcessor<SourceRow, SourceRecord> rowStandardiser,
                            RecordIngestion ingestion, JdbcQuarantine quarantine, ResolutionRuns resolutionRuns,
                            ResolutionEngine.Settings resolutionSettings,
                            @Value("${mosaic.import.max-bad-row-share:0.5}") double maxBadRowShare) {
        return new ImportSteps(jobRepository, transactionManager, sourceRowReader, rowStandardiser, ingestion, quarantine,
                new BadRowCeiling(maxBadRowShare), new DeferredResolutionTasklet(resolutionRuns, resolutionSettings));
    }

    /** Per import: the type and the optional mapping are job parameters. */
    @Bean
    @StepScope
    ItemProcessor<SourceRow, SourceRecord> rowStandardiser(@Value("#{jobParameters['type']}") String type,
                                                           @Value("#{jobParameters['mapping']}") String mapping,
                                                           ImportMappings mappings,
                                                           @Value("${mosaic.import.default-region:DE}") String defaultRegion) {
        ImportMapping importMapping = mapping == null || mapping.isBlank() ? null
                : mappings.find(mapping).orElseThrow(() -> new IllegalStateException("mapping " + mapping + " is gone"));
        return new RowStandardiser(ImportType.fromCode(type).orElseThrow(), importMapping, defaultRegion);
    }

    @Bean
    @StepScope
    FlatFileItemReader<SourceRow> sourceRowReader(@Value("#{jobParameters['file']}") String file,
                                                  @Value("#{jobParameters['gzip']}") String gzip,
                                                  @Value("#{jobParameters['format']}") String format) {
        SourceFileFormat sourceFormat = new SourceFileFormat(Boolean.parseBoolean(gzip), "jsonl".equals(format));
        FlatFileItemReaderBuilder<SourceRow> reader = new FlatFileItemReaderBuilder<SourceRow>()
                .name("source-rows")
                .resource(sourceFormat.resource(Path.of(file)))
                .encoding("UTF-8")
                .strict(true);
        if (sourceFormat.jsonLines()) {
            return reader.lineMapper(new JsonLinesRowMapper())
                    .recordSeparatorPolicy(new SimpleRecordSeparatorPolicy())
                    .build();
        }
        CsvRowMapper csv = new CsvRowMapper();
        // RFC 4180: a quoted field may hold line breaks, so a record can span lines.
        return reader.linesToSkip(1).skippedLinesCallback(csv::useHeader).lineMapper(csv)
                .recordSeparatorPolicy(new DefaultRecordSeparatorPolicy()).build();
    }

    /** Builds the job of one type; every type shares the reader, the writer and the quarantine. */
    record ImportSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                       FlatFileItemReader<SourceRow> reader, ItemProcessor<SourceRow, SourceRecord> processor,
                       RecordIngestion ingestion, JdbcQuarantine quarantine, BadRowCeiling ceiling,
                       DeferredResolutionTasklet deferredResolution) {

        static final Map<ImportType, String> JOB_NAMES = Map.of(
                ImportType.CUSTOMERS, "customers-import",
                ImportType.PURCHASES, "purchases-import",
                ImportType.TICKETS, "tickets-import",
                ImportType.CAMPAIGN_RESPONSES, "campaign-responses-import",
                ImportType.SOCIAL_INTERACTIONS, "social-interactions-import");

        Job job(ImportType type) {
            RecordIngestionWriter writer = new RecordIngestionWriter(ingestion, ceiling);
            QuarantineOnSkip quarantineOnSkip = new QuarantineOnSkip(quarantine);
            var rows = new StepBuilder(JOB_NAMES.get(type) + ROWS_STEP, jobRepository)
                    .<SourceRow, SourceRecord>chunk(CHUNK_SIZE)
                    .transactionManager(transactionManager)
                    .reader(reader)
                    .processor(processor)
                    .writer(writer)
                    .faultTolerant()
                    .skipPolicy(new RejectedRowSkipPolicy())
                    .skipListener(quarantineOnSkip)
                    .listener(ceiling)
                    .build();
            var resolve = new StepBuilder(JOB_NAMES.get(type) + RESOLVE_STEP, jobRepository)
                    .tasklet(deferredResolution, transactionManager)
                    .build();
            return new JobBuilder(JOB_NAMES.get(type), jobRepository).start(rows).next(resolve).build();
        }
    }
}
