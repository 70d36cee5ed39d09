package dev.mosaic.profile;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.imports.adapter.in.batch.ImportJobRepositoryConfiguration;
import dev.mosaic.profile.application.ProfileProjection;
import dev.mosaic.profile.application.ProfileTimeline;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProjectionSchedule;

/** Mosaic: imports, identity resolution and the profile service in one process. */
// API keys, not user passwords: no generated default user.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@Import(ImportJobRepositoryConfiguration.class)
@EnableConfigurationProperties({ProfileRulesProperties.class, NextBestOfferProperties.class})
public class MosaicApplication {

    private static final Logger log = LoggerFactory.getLogger(MosaicApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(MosaicApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProfileProjection profileProjection(IdentityGraph graph, ProfileReadModel readModel, Clock clock,
                                        ProfileRulesProperties rules, ProjectionSchedule schedule,
                                        @Value("${mosaic.import.default-region:DE}") String defaultRegion) {
        return new ProfileProjection(graph, readModel, clock, rules.rules(), defaultRegion, schedule,
                rules.refresh().batchSize(), rules.refresh().retryAfter());
    }

    @Bean
    dev.mosaic.profile.application.DataSubjects dataSubjects(IdentityGraph graph, ProfileReadModel readModel,
                                                            ProfileProjection projection,
                                                            dev.mosaic.profile.domain.UploadedFiles uploads) {
        return new dev.mosaic.profile.application.DataSubjects(graph, readModel, projection, uploads);
    }

    @Bean
    dev.mosaic.profile.application.NextBestOffers nextBestOffers(dev.mosaic.profile.domain.CoPurchaseCounts counts,
                                                                NextBestOfferProperties offers) {
        return new dev.mosaic.profile.application.NextBestOffers(counts, offers.rules(), offers.statisticsMaxAge());
    }

    @Bean
    ProfileTimeline profileTimeline(IdentityGraph graph) {
        return new ProfileTimeline(graph);
    }

    /** Match, review and bridge thresholds (probabilities) and the block cap, for incremental and full runs. */
    @Bean
    dev.mosaic.identity.domain.matching.ResolutionEngine.Settings resolutionSettings(
            @Value("${mosaic.resolution.match-threshold:0.95}") double match,
            @Value("${mosaic.resolution.review-threshold:0.5}") double review,
            @Value("${mosaic.resolution.bridge-threshold:0.999}") double bridge,
            @Value("${mosaic.resolution.max-block-size:300}") int maxBlockSize) {
        var defaults = dev.mosaic.identity.domain.matching.ResolutionEngine.Settings.defaults();
        if (!(review <= match && match <= bridge && review >= 0 && bridge <= 1) || maxBlockSize < 2) {
            throw new IllegalStateException("mosaic.resolution: thresholds must satisfy 0 <= review (" + review
                    + ") <= match (" + match + ") <= bridge (" + bridge + ") <= 1, and max-block-size >= 2");
        }
        return new dev.mosaic.identity.domain.matching.ResolutionEngine.Settings(
                new dev.mosaic.identity.domain.matching.Clustering.Thresholds(match, review, bridge,
                        defaults.thresholds().certain()), defaults.training(), maxBlockSize);
    }

    @Bean
    RecordIngestion recordIngestion(IdentityGraph graph, ProfileProjection projection,
                                    dev.mosaic.identity.domain.matching.ResolutionEngine.Settings resolutionSettings,
                                    @Value("${mosaic.privacy.reimport-erased:false}") boolean reimportErased) {
        return new RecordIngestion(graph, projection, resolutionSettings, reimportErased);
    }

    @Bean
    dev.mosaic.identity.application.ResolutionRuns resolutionRuns(IdentityGraph graph, RecordIngestion ingestion,
                                                                 ProfileProjection projection,
                                                                 dev.mosaic.identity.domain.ResolutionRunLog runLog) {
        return new dev.mosaic.identity.application.ResolutionRuns(graph, ingestion, projection, runLog,
                Clock.systemUTC());
    }

    /** Runs are carried out by the process that accepted them: those an earlier process left unfinished never end. */
    @Bean
    ApplicationRunner interruptUnfinishedResolutionRuns(dev.mosaic.identity.application.ResolutionRuns runs) {
        return arguments -> {
            int interrupted = runs.interruptUnfinished();
            if (interrupted > 0) {
                log.warn("{} resolution runs were left unfinished by the last stop; they are marked interrupted",
                        interrupted);
            }
        };
    }

    /**
     * The index is a read model: when it holds another number of profiles than the graph (lost, or documents of
     * profiles the graph no longer holds) or awaits a new layout, rebuild it into a fresh index. Profiles whose
     * projection did not reach it are due in the schedule and are projected in the background
     * ({@code ProjectionRefresh}). With {@code mosaic.projection.rebuild-on-start=false} a disagreement is only
     * logged, for an operator who schedules a long rebuild, or an index filled without a graph (the profile
     * benchmark's).
     */
    @Bean
    @Order(0)
    ApplicationRunner catchUpProfileIndex(ProfileProjection projection,
                                          @Value("${mosaic.projection.rebuild-on-start:true}") boolean rebuildOnStart) {
        return arguments -> {
            if (projection.isBehind()) {
                if (rebuildOnStart) {
                    log.info("The profile index is behind the identity graph; re-projected {} profiles",
                            projection.rebuild());
                } else {
                    log.warn("The profile index disagrees with the identity graph and is served as it is "
                            + "(mosaic.projection.rebuild-on-start=false)");
                }
            }
            long due = projection.dueCount();
            if (due > 0) {
                log.info("{} profiles are due for projection; they are projected in the background", due);
            }
        };
    }
}
