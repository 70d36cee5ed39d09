package dev.mosaic.imports.adapter.in.batch;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskExecutor;

/**
 * Runs a few imports at a time and queues the rest: starting an import never waits for another to end, so the API
 * answers 202 at once and the import shows as QUEUED (its job execution STARTING) until a thread is free. A
 * SimpleAsyncTaskExecutor with a concurrency limit would instead block the caller, an HTTP request, until one ends.
 *
 * <p>At shutdown queued imports are dropped and running ones are not interrupted: both stay unfinished in the job
 * repository, and the next start resumes them (an interrupted import would be marked stopped and stay so).
 */
final class ImportQueue implements TaskExecutor, DisposableBean {

    private final ThreadPoolExecutor threads;

    ImportQueue(int concurrentImports) {
        AtomicInteger count = new AtomicInteger();
        threads = new ThreadPoolExecutor(concurrentImports, concurrentImports, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "import-" + count.incrementAndGet());
                    thread.setDaemon(false);
                    return thread;
                });
        // Idle threads end, so a process that is done importing can exit.
        threads.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        threads.execute(task);
    }

    @Override
    public void destroy() {
        threads.getQueue().clear();
        threads.shutdown();
    }
}
