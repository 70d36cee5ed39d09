package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * The incremental-resolution benchmark behind {@code ./mosaic bench incremental [GRAPH_RECORDS] [NEW_RECORDS]}:
 * generated records (all five types, standardised by the importer's own code) are loaded into a real embedded Neo4j
 * through the same ingestion an import uses (chunks of 500: store, find candidates by blocking key, score, cluster,
 * write), then the new records are resolved into that graph the same way. Baseline in the same run: the same number
 * of records resolved into the empty graph at the start of the load. Also prints the pairwise accuracy of the
 * profiles formed, against the generator's ground truth. With {@code --full-run} as third argument, a full resolution
 * run over the loaded graph (read, resolve, write back) comes between the load and the new records, so these are
 * resolved with the model the run estimated, as after a nightly run.
 */
public final class IncrementalResolutionBenchmark {

    private static final int CHUNK = 500;

    private IncrementalResolutionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int graphRecords = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int newRecords = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        boolean fullRun = args.length > 2 && args[2].equals("--full-run");
        Path work = Path.of("target/bench").toAbsolutePath();
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        ResolutionAccuracy.Labelled labelled = ResolutionAccuracy.generated(work, graphRecords + newRecords, 7);
        java.util.Map<dev.mosaic.identity.domain.SourceRecordKey, String> truth = new java.util.HashMap<>();
        for (int i = 0; i < labelled.records().size(); i++) {
            truth.put(labelled.records().get(i).key(), labelled.truth().get(i));
        }
        List<SourceRecord> records = new ArrayList<>(labelled.records());
        java.util.Collections.shuffle(records, new java.util.Random(7));
        List<SourceRecord> existing = records.subList(0, records.size() - newRecords);
        List<SourceRecord> fresh = records.subList(records.size() - newRecords, records.size());
        try (Driver driver = GraphDatabase.driver(SharedTestStores.neo4jBolt(), AuthTokens.none())) {
            driver.executableQuery("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").execute();
            IdentityGraph graph = Neo4jIdentityGraphs.open(driver);
            RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });
            long started = System.nanoTime();
            double baseline = 0;
            for (int from = 0; from < existing.size(); from += CHUNK) {
                ingestion.ingest(existing.subList(from, Math.min(existing.size(), from + CHUNK)));
                int done = Math.min(existing.size(), from + CHUNK);
                if (done == newRecords) {
                    baseline = (System.nanoTime() - started) / 1e9;
                    System.out.printf(Locale.ROOT, "RESULT baseline: first %d records into the empty graph in %.1f s%n",
                            newRecords, baseline);
                }
                if (done % 100_000 == 0) {
                    System.out.printf(Locale.ROOT, "loaded %d records, %.0f records/s%n", done,
                            done / ((System.nanoTime() - started) / 1e9));
                }
            }
            double load = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT load: %d records into the graph in %.1f s = %.0f records/s "
                    + "(%d profiles)%n", existing.size(), load, existing.size() / load, graph.countProfiles());
            if (fullRun) {
                var runs = new dev.mosaic.identity.application.ResolutionRuns(graph, ingestion, (changed, removed) -> { },
                        java.time.Clock.systemUTC());
                // The first run replaces what incremental resolution built; the second is a nightly run over
                // unchanged records, which should find every link already in place.
                for (String run : List.of("first", "second")) {
                    long runStarted = System.nanoTime();
                    var report = runs.run("bench-" + run,
                            dev.mosaic.identity.domain.matching.ResolutionEngine.Settings.defaults(), false);
                    System.out.printf(Locale.ROOT, "RESULT %s full run over the graph: %d records in %.1f s (read %.1f s, "
                                    + "resolve %.1f s, write %.1f s); links %d created, %d updated, %d removed, %d kept; "
                                    + "%d merges, %d splits, %d records moved; profiles %d -> %d%n", run,
                            report.records(), (System.nanoTime() - runStarted) / 1e9,
                            report.phases().read().toMillis() / 1e3, report.phases().resolve().toMillis() / 1e3,
                            report.phases().write().toMillis() / 1e3, report.linkChanges().created(),
                            report.linkChanges().updated(), report.linkChanges().removed(), report.linkChanges().kept(),
                            report.merges().size(), report.splits().size(), report.recordsMoved(),
                            report.profilesBefore(), report.profilesAfter());
                }
                printAccuracy(graph, truth, "after the full run");
            }
            long freshStarted = System.nanoTime();
            for (int from = 0; from < fresh.size(); from += CHUNK) {
                ingestion.ingest(fresh.subList(from, Math.min(fresh.size(), from + CHUNK)));
            }
            double seconds = (System.nanoTime() - freshStarted) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT incremental: %d new records resolved into a graph of %d in %.1f s "
                            + "= %.0f records/s; baseline (same count into the empty graph) %.1f s; ratio %.2f; "
                            + "used heap %d MB%n", fresh.size(), existing.size(), seconds, fresh.size() / seconds,
                    baseline, seconds / baseline,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            printAccuracy(graph, truth, fullRun ? "after the full run and the new records"
                    : "of incremental resolution alone (no full run)");
        }
        System.exit(0);
    }

    private static void printAccuracy(IdentityGraph graph,
                                      java.util.Map<dev.mosaic.identity.domain.SourceRecordKey, String> truth,
                                      String when) {
        List<String> people = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        graph.forEachMembership((profile, record) -> {
            people.add(truth.get(record));
            profiles.add(profile.value());
        });
        System.out.println("RESULT accuracy " + when + ": "
                + dev.mosaic.identity.domain.matching.PairwiseAccuracy.of(people, profiles));
    }
}
