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
import dev.mosaic.identity.domain.ResolutionRun;
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
        // Kept in the run log like a run started from the API, so the run id in the profiles' history answers.
        ResolutionRun run = runs.carryOut(runs.queue(settings, false, "import " + step.getJobExecutionId()), settings);
        ResolutionRun.Outcome outcome = run.outcome();
        long took = outcome.read().plus(outcome.resolve()).plus(outcome.write()).toMillis();
        ExecutionContext context = step.getExecutionContext();
        context.putString("mosaic.resolution.run", run.id());
        context.putLong("mosaic.resolution.records", outcome.records());
        context.putLong("mosaic.resolution.profiles", outcome.profilesAfter());
        context.putLong("mosaic.resolution.millis", took);
        log.info("Import {}: full resolution run {} over {} records formed {} profiles in {} ms (read {} ms, resolve "
                        + "{} ms, write {} ms)", step.getJobExecutionId(), run.id(), outcome.records(),
                outcome.profilesAfter(), took, outcome.read().toMillis(), outcome.resolve().toMillis(),
                outcome.write().toMillis());
        return RepeatStatus.FINISHED;
    }
}
