package dev.mosaic.imports.adapter.in.batch;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jDrivers;
import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.runtime.EmbeddedNeo4j;

/**
 * The floor under every import into the graph, behind {@code ./mosaic bench store-floor [RECORDS]}: how fast this
 * machine's embedded Neo4j takes records at all, before any matching. Generated records (seed 7, all five types,
 * standardised by the importer) in the form the graph stores them (their properties, indexed blocking keys and
 * identifiers, as {@code Neo4jIdentityGraph} builds them) are created in batches of 5,000 on one session, twice each in
 * alternation so that both queries run warm: (1) the record nodes alone, (2) the nodes with their identifiers, as the
 * store query creates new records. Then {@link IdentityGraph#store} itself (what a deferred import calls, which also
 * checks for stored versions of each record). Each measurement uses records of its own, into one fresh graph.
 */
public final class GraphStoreFloorBenchmark {

    private static final int BATCH = 5_000;

    private GraphStoreFloorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkLogging.quiet();
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        Path work = Path.of("target/bench").toAbsolutePath();
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MB; %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                BenchmarkLogging.load());
        List<SourceRecord> records = ResolutionAccuracy.generated(work, 5 * size, 7).records();
        List<Map<String, Object>> rows = storedForms(records);
        Path home = work.resolve("graph-store-floor");
        BenchmarkGraphs.delete(home);
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(home, 0);
        try (Driver driver = Neo4jDrivers.connect(neo4j.boltUri(), AuthTokens.none())) {
            IdentityGraph graph = Neo4jIdentityGraphs.open(driver); // the constraints and indexes of the real graph
            String nodes = """
                    UNWIND $rows AS row
                    CREATE (r:Record)
                    SET r = row.properties, r.source = row.source, r.recordId = row.recordId, r.contentHash = row.contentHash
                    """;
            String withIdentifiers = nodes + """
                    WITH r, row
                    UNWIND row.identifiers AS identifier
                    MERGE (i:Identifier {type: identifier.type, value: identifier.value})
                    CREATE (r)-[:HAS_IDENTIFIER]->(i)
                    """;
            for (int part = 0; part < 4; part++) {
                boolean identifiers = part % 2 == 1;
                List<Map<String, Object>> mine = rows.subList(part * size, (part + 1) * size);
                long started = System.nanoTime();
                try (Session session = driver.session()) {
                    for (int from = 0; from < size; from += BATCH) {
                        List<Map<String, Object>> batch = mine.subList(from, Math.min(size, from + BATCH));
                        session.executeWrite(tx -> tx.run(identifiers ? withIdentifiers : nodes, Map.of("rows", batch))
                                .consume());
                    }
                }
                report(identifiers ? "record nodes with their identifiers (Cypher)" : "record nodes alone (Cypher)",
                        size, started);
            }
            List<SourceRecord> last = records.subList(4 * size, 5 * size);
            long started = System.nanoTime();
            for (int from = 0; from < size; from += BATCH) {
                graph.store(last.subList(from, Math.min(size, from + BATCH)));
            }
            report("IdentityGraph.store, as a deferred import stores", size, started);
        } finally {
            neo4j.close();
            BenchmarkGraphs.delete(home);
        }
        System.exit(0);
    }

    /**
     * The records as the graph adapter stores them. Its row builder is private to the adapter, which no production
     * caller outside it needs; the benchmark reaches it by reflection rather than widening the adapter's API.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> storedForms(List<SourceRecord> records) throws Exception {
        Method toRow = Class.forName("dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraph")
                .getDeclaredMethod("toRow", SourceRecord.class);
        toRow.setAccessible(true);
        List<Map<String, Object>> rows = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            rows.add((Map<String, Object>) toRow.invoke(null, record));
        }
        return rows;
    }

    private static void report(String what, int size, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT %s: %d records in %.1f s = %.0f records/s; %s%n", what, size, seconds,
                size / seconds, BenchmarkLogging.load());
    }
}
