package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jDrivers;
import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.application.ResolutionRuns;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.PairwiseAccuracy;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import dev.mosaic.runtime.EmbeddedNeo4j;

/**
 * The full-run benchmark behind {@code ./mosaic bench full-run [RECORDS] [ROUNDS]}: full resolution runs end to end
 * (read every record and membership from Neo4j, resolve, write the changed links, memberships, events and review queue)
 * over a real embedded Neo4j holding RECORDS generated records (the graph of the incremental benchmark: seed 7, all five
 * types) as a deferred bulk load leaves them: stored, in no profile ({@link BenchmarkGraphs}, kept on disk and reused).
 * Each round works on a fresh copy and runs twice: the first run after the load (which writes every membership and
 * link) and a second one over the same records (a nightly run with nothing new, which should write nothing). Baseline
 * in the same round: the matching engine alone over the same records (no graph), as {@code ./mosaic bench accuracy}
 * measures it.
 */
public final class FullRunBenchmark {

    private FullRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkLogging.quiet();
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path work = Path.of("target/bench").toAbsolutePath();
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MB; %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                BenchmarkLogging.load());
        BenchmarkGraphs.Data data = BenchmarkGraphs.Data.generate(work, size, 10_000);
        Map<SourceRecordKey, String> truth = data.truth();
        Path stored = BenchmarkGraphs.stored(work.resolve(data.name() + "-stored"), data.existing());

        for (int round = 1; round <= rounds; round++) {
            long engineStarted = System.nanoTime();
            ResolutionAccuracy.Measured engine = ResolutionAccuracy.measure(new ResolutionAccuracy.Labelled("graph records", data.existing(), data.existingTruth()));
            System.out.printf(Locale.ROOT, "RESULT round %d baseline, the engine alone (no graph): %.1f s (generic %.1f, "
                            + "model %.1f, scoring %.1f, clustering %.1f); %s%n", round, (System.nanoTime() - engineStarted) / 1e9,
                    engine.timings().genericDetection(), engine.timings().training(), engine.timings().scoring(),
                    engine.timings().clustering(), BenchmarkLogging.load());
            engine = null;
            System.gc();
            Path copy = work.resolve("graph-full-run");
            BenchmarkGraphs.delete(copy);
            BenchmarkGraphs.copy(stored, copy);
            EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(copy, 0);
            try (Driver driver = Neo4jDrivers.connect(neo4j.boltUri(), AuthTokens.none())) {
                IdentityGraph graph = Neo4jIdentityGraphs.open(driver);
                RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });
                ResolutionRuns runs = new ResolutionRuns(graph, ingestion, (changed, removed) -> { },
                        Neo4jIdentityGraphs.runLog(driver), Clock.systemUTC());
                for (String run : List.of("first", "second")) {
                    long started = System.nanoTime();
                    ResolutionRuns.Report report = runs.run("bench-" + run, ResolutionEngine.Settings.defaults(), false);
                    System.out.printf(Locale.ROOT, "RESULT round %d, %s full run end to end: %.1f s; %s; used heap %d MB; %s%n",
                            round, run, (System.nanoTime() - started) / 1e9, BenchmarkGraphs.describe(report),
                            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                            BenchmarkLogging.load());
                }
                // What a steward waits for: the first page of the review queue, three times.
                List<Double> pageTimes = new ArrayList<>();
                for (int page = 0; page < 3; page++) {
                    long started = System.nanoTime();
                    graph.reviewQueue(100);
                    pageTimes.add((System.nanoTime() - started) / 1e6);
                }
                System.out.printf(Locale.ROOT, "RESULT round %d, first review page (100 pairs of profiles): %s ms, "
                        + "median %.0f ms%n", round, pageTimes.stream().map(t -> String.format(Locale.ROOT, "%.0f", t))
                        .toList(), BenchmarkLogging.median(pageTimes));
                if (round == 1) {
                    List<String> people = new ArrayList<>();
                    List<String> profiles = new ArrayList<>();
                    graph.forEachMembership((profile, record) -> {
                        people.add(truth.get(record));
                        profiles.add(profile.value());
                    });
                    System.out.println("RESULT accuracy of the graph's profiles: " + PairwiseAccuracy.of(people, profiles)
                            + " over " + people.size() + " records");
                }
            } finally {
                neo4j.close();
            }
            BenchmarkGraphs.delete(copy);
        }
        System.exit(0);
    }
}
