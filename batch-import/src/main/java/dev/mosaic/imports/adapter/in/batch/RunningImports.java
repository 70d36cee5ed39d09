package dev.mosaic.imports.adapter.in.batch;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The executions whose thread is still working in this process. Spring Batch's stop marks an execution and its steps
 * stopped, with an end time, at once, while the chunk under way still commits afterwards: until the thread is done,
 * an import is reported running (stopping), so nobody restarts it, or reads its counts as final, too early.
 */
final class RunningImports implements JobExecutionListener {

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
    }

    boolean stillWorking(long executionId) {
        return running.contains(executionId);
    }
}
