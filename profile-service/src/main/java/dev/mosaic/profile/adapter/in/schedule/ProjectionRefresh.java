package dev.mosaic.profile.adapter.in.schedule;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.mosaic.profile.ProfileRulesProperties;
import dev.mosaic.profile.application.ProfileProjection;

/**
 * Projects the profiles that are due, every {@code mosaic.profile.refresh.interval} (default one minute): those whose
 * projection did not reach the read model (Elasticsearch did not answer), and those whose time-relative values change
 * now (an open ticket becomes too old, a customer falls behind their rhythm). Every node runs it; two nodes projecting
 * the same profile write the same document, and the read model keeps the later one.
 */
@Component
class ProjectionRefresh implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRefresh.class);

    private final ProfileProjection projection;
    private final ProfileRulesProperties.Refresh settings;
    private ScheduledExecutorService executor;

    ProjectionRefresh(ProfileProjection projection, ProfileRulesProperties properties) {
        this.projection = projection;
        this.settings = properties.refresh();
    }

    /** One round: everything due now, batch by batch, until nothing is due or the read model does not answer. */
    int refresh() {
        try {
            int projected = projection.projectDue();
            if (projected > 0) {
                log.info("Projected {} profile(s) that were due", projected);
            }
            return projected;
        } catch (RuntimeException e) {
            // The graph did not answer either; the profiles stay due for the next round.
            log.warn("Could not project the profiles due ({}); trying again in {}", e.getClass().getSimpleName(),
                    settings.interval());
            return 0;
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("projection-refresh")
                .daemon().factory());
        long millis = settings.interval().toMillis();
        executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
