package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jDrivers;
import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.PairwiseAccuracy;
import dev.mosaic.runtime.EmbeddedNeo4j;

/**
 * The incremental-resolution benchmark behind {@code ./mosaic bench incremental [GRAPH_RECORDS] [NEW_RECORDS]
 * [ROUNDS]}: NEW_RECORDS generated records (all five types, standardised by the importer's own code) resolved chunk by
 * chunk (as an import does, 500 unless {@code -Dmosaic.import.chunk-size} says otherwise: store, candidates by
 * blocking key, score, cluster, write) into a real embedded Neo4j
 * that already holds GRAPH_RECORDS records resolved by a full run, as after a nightly run.
 * <p>
 * The loaded graph is built once, as a first bulk load goes (records stored without resolving, then one full run),
 * and kept in {@code target/bench/graph-seed7-…-resolved} ({@link BenchmarkGraphs}): each round copies it
 * and resolves the new records into the copy, so every round starts from the same graph. Baseline in the same run and
 * round: the same new records into an empty graph. Prints each round, the medians, and the pairwise accuracy of the
 * profiles after the first round, against the generator's ground truth. With GRAPH_RECORDS 0 that accuracy is the one
 * of incremental resolution alone, with the default model, as an installation's first imports get it.
 * <p>
 * A copy starts with a cold page cache, as a service does right after a restart. With {@code -Dmosaic.bench.warm=true}
 * each round first reads what resolution reads (every index on records, every record's properties, memberships and
 * links) and then times the same work, as in a service that has been running with a page cache large enough for the
 * store ({@code MOSAIC_LOCAL_NEO4J_PAGE_CACHE}); the baseline is warmed the same way.
 */
public final class IncrementalResolutionBenchmark {

    /** As an import's chunk: {@code -Dmosaic.import.chunk-size} to compare. */
    private static final int CHUNK = Integer.getInteger(ImportJobConfiguration.CHUNK_SIZE_PROPERTY,
            ImportJobConfiguration.DEFAULT_CHUNK_SIZE);

    private IncrementalResolutionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkLogging.quiet();
        int graphRecords = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int newRecords = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path work = Path.of("target/bench").toAbsolutePath();
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MB; %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                BenchmarkLogging.load());
        BenchmarkGraphs.Data data = BenchmarkGraphs.Data.generate(work, graphRecords, newRecords);
        List<SourceRecord> existing = data.existing();
        List<SourceRecord> fresh = data.fresh();
        Map<SourceRecordKey, String> truth = data.truth();
        Path stored = BenchmarkGraphs.stored(work.resolve(data.name() + "-stored"), existing);
        Path snapshot = BenchmarkGraphs.resolved(work.resolve(data.name() + "-resolved"), stored);

        List<Double> baselines = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        Path copy = work.resolve("graph-work");
        for (int round = 1; round <= rounds; round++) {
            baselines.add(resolveInto(work.resolve("graph-empty"), null, fresh, null, "round " + round + " baseline"));
            times.add(resolveInto(copy, snapshot, fresh, round == 1 ? truth : null, "round " + round));
        }
        double time = BenchmarkLogging.median(times);
        double baseline = BenchmarkLogging.median(baselines);
        System.out.printf(Locale.ROOT, "RESULT incremental: %d new records resolved into a graph of %d; median of %d "
                        + "rounds %.2f s = %.0f records/s (rounds %s); baseline (same records into an empty graph) "
                        + "median %.2f s (rounds %s); ratio %.2f; %s%n", fresh.size(), existing.size(), rounds,
                time, fresh.size() / time, format(times), baseline, format(baselines), time / baseline,
                BenchmarkLogging.load());
        BenchmarkGraphs.delete(copy);
        System.exit(0);
    }

    /** Copies {@code snapshot} (or starts empty), resolves the records into it chunk by chunk; returns the seconds. */
    private static double resolveInto(Path home, Path snapshot, List<SourceRecord> fresh, Map<SourceRecordKey, String> truth,
                                      String label) throws Exception {
        BenchmarkGraphs.delete(home);
        if (snapshot != null) {
            BenchmarkGraphs.copy(snapshot, home);
        }
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
        try (Driver driver = Neo4jDrivers.connect(neo4j.boltUri(), AuthTokens.none())) {
            IdentityGraph graph = Neo4jIdentityGraphs.open(driver);
            RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });
            if (Boolean.getBoolean("mosaic.bench.warm")) {
                warm(driver, label);
            }
            long started = System.nanoTime();
            for (int from = 0; from < fresh.size(); from += CHUNK) {
                ingestion.ingest(fresh.subList(from, Math.min(fresh.size(), from + CHUNK)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d records in %.2f s = %.0f records/s; used heap %d MB; %s%n", label,
                    fresh.size(), seconds, fresh.size() / seconds,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, BenchmarkLogging.load());
            if (truth != null) {
                long queueStarted = System.nanoTime();
                int pairs = graph.reviewQueue(100).size();
                System.out.printf(Locale.ROOT, "RESULT %s: the first review page (%d pairs of profiles) in %.0f ms%n",
                        label, pairs, (System.nanoTime() - queueStarted) / 1e6);
                List<String> people = new ArrayList<>();
                List<String> profiles = new ArrayList<>();
                graph.forEachMembership((profile, record) -> {
                    people.add(truth.get(record));
                    profiles.add(profile.value());
                });
                System.out.println("RESULT accuracy " + (people.size() == fresh.size()
                        ? "of incremental resolution alone (an empty graph, the default model): "
                        : "after the full run and the new records: ")
                        + PairwiseAccuracy.of(people, profiles) + " over " + people.size() + " records");
            }
            return seconds;
        } finally {
            neo4j.close();
        }
    }

    /** Reads every page resolution reads, so that the timed work finds them in the page cache. */
    private static void warm(Driver driver, String label) {
        long started = System.nanoTime();
        List<String> indexed = driver.executableQuery("""
                        SHOW INDEXES YIELD labelsOrTypes, properties, type
                        WHERE labelsOrTypes = ['Record'] AND type = 'RANGE' AND size(properties) = 1
                        RETURN properties[0] AS property""").execute().records().stream()
                .map(row -> row.get("property").asString()).toList();
        for (String property : indexed) {
            driver.executableQuery("MATCH (r:Record) WHERE r.`" + property + "` IS NOT NULL RETURN count(*) AS n")
                    .execute();
        }
        driver.executableQuery("MATCH (r:Record) RETURN sum(size(keys(properties(r)))) AS n").execute();
        driver.executableQuery("MATCH (:Record)-[:BELONGS_TO]->(p:Profile) RETURN count(p.id) AS n").execute();
        driver.executableQuery("MATCH (:Record)-[l:MATCHED]->(:Record) RETURN count(l.rule) AS n").execute();
        driver.executableQuery("MATCH (i:Identifier)<-[:HAS_IDENTIFIER]-(:Record) RETURN count(i.value) AS n").execute();
        System.out.printf(Locale.ROOT, "%s: warmed the page cache (%d indexes on records) in %.1f s%n", label,
                indexed.size(), (System.nanoTime() - started) / 1e9);
    }

    private static String format(List<Double> values) {
        return values.stream().map(value -> String.format(Locale.ROOT, "%.2f", value)).toList().toString();
    }
}
