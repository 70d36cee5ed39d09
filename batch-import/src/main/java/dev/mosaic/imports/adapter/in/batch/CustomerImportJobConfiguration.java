package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.AlwaysSkipItemSkipPolicy;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.FlatFileParseException;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.transaction.PlatformTransactionManager;

import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.domain.CustomerRecord;

/** The customers import: read the CSV by its header, standardise each row, resolve each chunk into the graph. */
@Configuration(proxyBeanMethods = false)
class CustomerImportJobConfiguration {

    static final String JOB_NAME = "customers-import";
    static final int CHUNK_SIZE = 500;

    @Bean
    Job customersImportJob(JobRepository jobRepository, Step customersImportStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(customersImportStep).build();
    }

    @Bean
    Step customersImportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             FlatFileItemReader<CustomerRow> customerRowReader, RecordIngestion ingestion,
                             JdbcQuarantine quarantine) {
        RecordIngestionWriter writer = new RecordIngestionWriter(ingestion);
        QuarantineOnSkip quarantineOnSkip = new QuarantineOnSkip(quarantine);
        return new StepBuilder("customers-import-rows", jobRepository)
                .<CustomerRow, CustomerRecord>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(customerRowReader)
                .processor(new CustomerRowStandardiser())
                .writer(writer)
                .faultTolerant()
                .skip(InvalidRowException.class, FlatFileParseException.class)
                .skipPolicy(new AlwaysSkipItemSkipPolicy())
                .skipListener(quarantineOnSkip)
                .listener(quarantineOnSkip)
                .listener(writer)
                .build();
    }

    @Bean
    @StepScope
    FlatFileItemReader<CustomerRow> customerRowReader(@Value("#{jobParameters['file']}") String file) {
        CustomerColumns columns = new CustomerColumns();
        return new FlatFileItemReaderBuilder<CustomerRow>()
                .name("customer-rows")
                .resource(new FileSystemResource(Path.of(file)))
                .encoding("UTF-8")
                .linesToSkip(1)
                .skippedLinesCallback(columns::useHeader)
                .lineMapper(columns)
                .strict(true)
                .build();
    }
}
