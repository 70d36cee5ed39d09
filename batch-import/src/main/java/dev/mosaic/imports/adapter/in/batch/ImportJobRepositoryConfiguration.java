package dev.mosaic.imports.adapter.in.batch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.adapter.in.mapping.ImportMappingConfiguration;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.mapping.ImportMappings;

/**
 * A JDBC job repository (H2 file locally, PostgreSQL when scaled out), so imports are restartable. Jobs run on their
 * own threads: the API answers 202 at once and the import is followed through its status.
 */
@Configuration(proxyBeanMethods = false)
@EnableBatchProcessing(taskExecutorRef = "importTaskExecutor")
@EnableJdbcJobRepository
@Import({ImportJobConfiguration.class, ImportMappingConfiguration.class})
public class ImportJobRepositoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRepositoryConfiguration.class);

    /** Imports compete for the same graph; two at a time keeps a 2-core machine responsive, the rest wait queued. */
    @Bean
    TaskExecutor importTaskExecutor(@Value("${mosaic.import.concurrent-imports:2}") int concurrentImports) {
        return new ImportQueue(concurrentImports);
    }

    @Bean
    JdbcQuarantine jdbcQuarantine(DataSource dataSource) {
        createJobRepositorySchemaIfMissing(dataSource);
        JdbcQuarantine quarantine = new JdbcQuarantine(new JdbcTemplate(dataSource));
        quarantine.createTableIfMissing();
        return quarantine;
    }

    @Bean
    Imports imports(JobOperator jobOperator, JobRepository jobRepository, Map<String, Job> jobsByBeanName,
                    JdbcQuarantine quarantine, ImportMappings mappings, InterruptedImports listedBeforeAnyStart,
                    RunningImports running) {
        Map<ImportType, Job> jobs = new EnumMap<>(ImportType.class);
        for (Job job : jobsByBeanName.values()) {
            ImportJobConfiguration.ImportSteps.JOB_NAMES.forEach((type, name) -> {
                if (name.equals(job.getName())) {
                    jobs.put(type, job);
                }
            });
        }
        return new SpringBatchImports(jobOperator, jobRepository, jobs, quarantine, mappings, running);
    }

    /**
     * Imports that were running when Mosaic stopped (killed, even with kill -9) are still marked as running in the
     * job repository. They are listed before this instance can start any import of its own.
     */
    @Bean
    InterruptedImports interruptedImports(JobRepository jobRepository, Map<String, Job> jobs,
                                          JdbcQuarantine schemaReady) {
        List<Long> ids = jobs.values().stream()
                .flatMap(job -> jobRepository.findRunningJobExecutions(job.getName()).stream())
                .map(JobExecution::getId).sorted().toList();
        return new InterruptedImports(ids);
    }

    /** The executions that were running when Mosaic stopped. */
    record InterruptedImports(List<Long> executionIds) {
    }

    /**
     * Marks each interrupted import failed and restarts it: it resumes after its last committed chunk. Assumes one
     * Mosaic runs the imports of a job repository (switch off with mosaic.import.resume-interrupted).
     */
    @Bean
    ApplicationRunner resumeInterruptedImports(JobOperator jobOperator, JobRepository jobRepository,
                                               InterruptedImports interrupted,
                                               @Value("${mosaic.import.resume-interrupted:true}") boolean resume) {
        return arguments -> {
            if (!resume) {
                return;
            }
            for (long id : interrupted.executionIds()) {
                JobExecution execution = jobRepository.getJobExecution(id);
                String fileName = execution.getJobParameters().getString("fileName");
                try {
                    JobExecution resumed = jobOperator.restart(jobOperator.recover(execution));
                    log.warn("Resuming the import of {} (job instance {}), interrupted when Mosaic stopped, as "
                            + "execution {}", fileName, execution.getJobInstance().getInstanceId(), resumed.getId());
                } catch (RuntimeException e) {
                    // One import that cannot resume must not keep Mosaic from starting.
                    log.error("Could not resume the interrupted import of {} (execution {}): {}", fileName, id,
                            e.getMessage(), e);
                }
            }
        };
    }

    private static void createJobRepositorySchemaIfMissing(DataSource dataSource) {
        try {
            boolean exists = Boolean.TRUE.equals(JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> {
                try (var tables = metaData.getTables(null, null, "%", new String[] {"TABLE"})) {
                    while (tables.next()) {
                        if ("BATCH_JOB_INSTANCE".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                            return true;
                        }
                    }
                    return false;
                }
            }));
            if (!exists) {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
                String platform = product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? "postgresql" : "h2";
                DatabasePopulatorUtils.execute(new ResourceDatabasePopulator(
                        new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql")), dataSource);
            }
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot inspect the job repository database", e);
        }
    }
}
