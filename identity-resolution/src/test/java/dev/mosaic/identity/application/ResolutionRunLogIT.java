package dev.mosaic.identity.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.domain.EmailAddress;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.LinkChanges;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.ResolutionRun;
import dev.mosaic.identity.domain.ResolutionRunLog;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.Clustering;
import dev.mosaic.identity.domain.matching.ResolutionEngine;

/** Resolution runs kept in the graph's Neo4j from acceptance to outcome, as an operator reads them back. */
class ResolutionRunLogIT extends EmptyGraphTest {

    private ResolutionRunLog log;
    private RecordIngestion ingestion;

    @BeforeEach
    void services() {
        log = Neo4jIdentityGraphs.runLog(driver);
        ingestion = new RecordIngestion(graph, (changed, removed) -> { });
    }

    @Test
    void aRunIsKeptFromQueuedToCompletedWithWhoStartedItItsThresholdsAndWhatItFound() {
        ingestion.ingest(List.of(
                customer("crm", "1", "Anna", "Schmidt", "anna.schmidt@example.de"),
                customer("webshop", "w1", "Anna", "Schmidt", "anna.schmidt@example.de"),
                customer("crm", "2", "Peter", "Brandt", "p.brandt@example.de")));
        ResolutionRuns runs = new ResolutionRuns(graph, ingestion, (changed, removed) -> { }, log, Clock.systemUTC());
        Clustering.Thresholds lower = new Clustering.Thresholds(0.9, 0.4, 0.999,
                ResolutionEngine.Settings.defaults().thresholds().certain());
        ResolutionEngine.Settings settings = new ResolutionEngine.Settings(lower,
                ResolutionEngine.Settings.defaults().training(), ResolutionEngine.Settings.defaults().maxBlockSize());

        ResolutionRun queued = runs.queue(settings, true, "lena.steward");

        assertThat(runs.find(queued.id())).get().satisfies(kept -> {
            assertThat(kept.state()).isEqualTo(ResolutionRun.State.QUEUED);
            assertThat(kept.startedBy()).isEqualTo("lena.steward");
            assertThat(kept.thresholds()).isEqualTo(lower);
            assertThat(kept.outcome()).isNull();
        });

        ResolutionRun finished = runs.carryOut(queued, settings);

        ResolutionRun kept = runs.find(queued.id()).orElseThrow();
        assertThat(kept).isEqualTo(finished);
        assertThat(kept.state()).isEqualTo(ResolutionRun.State.COMPLETED);
        assertThat(kept.dryRun()).isTrue();
        assertThat(kept.finishedAt()).isAfterOrEqualTo(kept.startedAt());
        assertThat(kept.outcome().records()).isEqualTo(3);
        assertThat(kept.outcome().profilesBefore()).isEqualTo(2);
        assertThat(kept.outcome().linkWrites()).as("a dry run writes nothing").isEqualTo(LinkChanges.NONE);
        assertThat(kept.error()).isNull();
    }

    @Test
    void mergesAndSplitsByNameSurviveTheRoundTripThroughTheGraph() {
        ResolutionRun.Outcome outcome = new ResolutionRun.Outcome(10, 6, 5, 1, 1, 3, 42, 7, 2, 1,
                new LinkChanges(4, 1, 2, 3), Duration.ofMillis(12), Duration.ofMillis(345), Duration.ofMillis(67),
                List.of(new ResolutionRun.Change(ResolutionRun.Change.Kind.MERGE, new ProfileId("p-1"),
                                List.of(new ProfileId("p-2"), new ProfileId("p-3"))),
                        new ResolutionRun.Change(ResolutionRun.Change.Kind.SPLIT, new ProfileId("p-4"),
                                List.of(new ProfileId("p-9")))));
        ResolutionRun run = ResolutionRun.queued("run-a", false, null, Instant.parse("2026-12-01T10:00:00.123456789Z"),
                        ResolutionEngine.Settings.defaults().thresholds())
                .running().completed(outcome, Instant.parse("2026-12-01T10:03:00Z"));

        log.save(run);

        assertThat(log.find("run-a")).contains(run);
        assertThat(log.find("no-such-run")).isEmpty();
    }

    @Test
    void listsTheLatestRunsNewestFirst() {
        Clustering.Thresholds defaults = ResolutionEngine.Settings.defaults().thresholds();
        for (int day = 1; day <= 3; day++) {
            log.save(ResolutionRun.queued("run-" + day, false, "s", Instant.parse("2026-12-0" + day + "T00:00:00Z"),
                    defaults));
        }

        assertThat(log.recent(2)).extracting(ResolutionRun::id).containsExactly("run-3", "run-2");
    }

    @Test
    void runsAnEarlierProcessLeftUnfinishedAreMarkedInterruptedAtStartAndFinishedOnesStayAsTheyWere() {
        Clustering.Thresholds defaults = ResolutionEngine.Settings.defaults().thresholds();
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        ResolutionRun queued = ResolutionRun.queued("queued", false, "s", at, defaults);
        ResolutionRun running = ResolutionRun.queued("running", false, "s", at, defaults).running();
        ResolutionRun failed = ResolutionRun.queued("failed", false, "s", at, defaults).running().failed("boom", at);
        List.of(queued, running, failed).forEach(log::save);
        ResolutionRuns runs = new ResolutionRuns(graph, ingestion, (changed, removed) -> { }, log, Clock.systemUTC());

        assertThat(runs.interruptUnfinished()).isEqualTo(2);

        assertThat(log.find("queued").orElseThrow().state()).isEqualTo(ResolutionRun.State.INTERRUPTED);
        ResolutionRun interrupted = log.find("running").orElseThrow();
        assertThat(interrupted.state()).isEqualTo(ResolutionRun.State.INTERRUPTED);
        assertThat(interrupted.error()).contains("stopped before the run finished");
        assertThat(interrupted.finishedAt()).isNotNull();
        assertThat(log.find("failed")).contains(failed);
    }

    @Test
    void aRunThatFailsIsKeptAsFailedWithTheReason() {
        IdentityGraph unreadable = failingToRead(graph);
        ResolutionRuns runs = new ResolutionRuns(unreadable, ingestion, (changed, removed) -> { }, log,
                Clock.systemUTC());
        ResolutionRun queued = runs.queue(ResolutionEngine.Settings.defaults(), false, "s");

        assertThatThrownBy(() -> runs.carryOut(queued, ResolutionEngine.Settings.defaults()))
                .isInstanceOf(IllegalStateException.class);

        ResolutionRun kept = log.find(queued.id()).orElseThrow();
        assertThat(kept.state()).isEqualTo(ResolutionRun.State.FAILED);
        assertThat(kept.error()).isEqualTo("IllegalStateException: the graph went away");
        assertThat(kept.outcome()).isNull();
    }

    private static SourceRecord customer(String source, String id, String first, String last, String email) {
        return new SourceRecord(new SourceRecordKey(source, id), RecordKind.CUSTOMER, first, last,
                new EmailAddress(email), null, LocalDate.of(1980, 5, 17), "Berlin", "10115", "DE", null, null, null,
                null, null, null);
    }

    /** The real graph, except that reading every record fails, as when Neo4j goes away in the middle of a run. */
    private static IdentityGraph failingToRead(IdentityGraph real) {
        return (IdentityGraph) Proxy.newProxyInstance(IdentityGraph.class.getClassLoader(),
                new Class<?>[] {IdentityGraph.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("forEachRecord")) {
                        throw new IllegalStateException("the graph went away");
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
