package dev.mosaic.imports.adapter.in.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.mosaic.identity.application.ResolutionRuns;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import dev.mosaic.imports.domain.ResolutionTiming;

/**
 * The last step of every import: for a deferred import, the full resolution run that gives its stored records their
 * profiles; for an incremental one, nothing (its chunks were resolved as they came). A full run is reproducible, so a
 * restarted import whose run was interrupted simply runs it again.
 */
final class DeferredResolutionTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DeferredResolutionTasklet.class);

    private final ResolutionRuns runs;
    private final ResolutionEngine.Settings settings;

    DeferredResolutionTasklet(ResolutionRuns runs, ResolutionEngine.Settings settings) {
        this.runs = runs;
        this.settings = settings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        String timing = step.getJobExecution().getJobParameters().getString(ImportJobConfiguration.RESOLUTION);
        if (ResolutionTiming.fromCode(timing).orElse(ResolutionTiming.INCREMENTAL) != ResolutionTiming.DEFERRED) {
            return RepeatStatus.FINISHED;
        }
        ResolutionRuns.Report report = runs.run("import-" + step.getJobExecutionId(), settings, false);
        ExecutionContext context = step.getExecutionContext();
        context.putLong("mosaic.resolution.records", report.records());
        context.putLong("mosaic.resolution.profiles", report.profilesAfter());
        context.putLong("mosaic.resolution.millis", report.took().toMillis());
        log.info("Import {}: full resolution over {} records formed {} profiles in {} ms (read {} ms, resolve {} ms, "
                        + "write {} ms)", step.getJobExecutionId(), report.records(), report.profilesAfter(),
                report.took().toMillis(), report.phases().read().toMillis(), report.phases().resolve().toMillis(),
                report.phases().write().toMillis());
        return RepeatStatus.FINISHED;
    }
}
