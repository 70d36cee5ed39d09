package dev.mosaic.imports.adapter.in.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jDrivers;
import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.application.ResolutionRuns;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import dev.mosaic.runtime.EmbeddedNeo4j;

/**
 * Loaded graphs the benchmarks keep on disk and reuse, since loading a million records takes minutes: {@code stored}
 * holds the records as a deferred bulk load leaves them (stored with identifiers and blocking keys, in no profile),
 * {@code resolved} the same after one full run. Each is an embedded Neo4j's folder with a file {@code complete} once
 * it is whole; a benchmark works on a copy. Delete the folder to build it again, e.g. after the graph's layout changed.
 */
final class BenchmarkGraphs {

    private static final int LOAD_CHUNK = 5_000;

    private BenchmarkGraphs() {
    }

    /**
     * The records of the graph benchmarks: GRAPH + NEW generated records (seed 7, all five types, standardised by the
     * importer's code), shuffled (seed 7); the last NEW are the ones that arrive later, the others fill the graph.
     */
    record Data(List<SourceRecord> existing, List<SourceRecord> fresh, Map<SourceRecordKey, String> truth,
                List<String> existingTruth) {

        static Data generate(Path work, int graphRecords, int newRecords) throws Exception {
            ResolutionAccuracy.Labelled labelled = ResolutionAccuracy.generated(work, graphRecords + newRecords, 7);
            Map<SourceRecordKey, String> truth = new HashMap<>();
            for (int i = 0; i < labelled.records().size(); i++) {
                truth.put(labelled.records().get(i).key(), labelled.truth().get(i));
            }
            List<SourceRecord> records = new ArrayList<>(labelled.records());
            Collections.shuffle(records, new Random(7));
            List<SourceRecord> existing = List.copyOf(records.subList(0, records.size() - newRecords));
            return new Data(existing, List.copyOf(records.subList(records.size() - newRecords, records.size())), truth,
                    existing.stream().map(record -> truth.get(record.key())).toList());
        }

        /** The folder names of this data's graphs say what they hold. */
        String name() {
            return "graph-seed7-" + (existing.size() + fresh.size()) + "-less-" + fresh.size();
        }
    }

    /** The folder of the stored graph of these records, built when missing. */
    static Path stored(Path folder, List<SourceRecord> records) throws Exception {
        if (Files.exists(folder.resolve("complete"))) {
            System.out.println("reusing the stored graph in " + folder + " (" + Files.readString(folder.resolve("complete")).strip() + ")");
            return folder;
        }
        delete(folder);
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(folder, 0);
        try (Driver driver = Neo4jDrivers.connect(neo4j.boltUri(), AuthTokens.none())) {
            IdentityGraph graph = Neo4jIdentityGraphs.open(driver);
            RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });
            long started = System.nanoTime();
            for (int from = 0; from < records.size(); from += LOAD_CHUNK) {
                ingestion.ingestWithoutResolving(records.subList(from, Math.min(records.size(), from + LOAD_CHUNK)));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT graph load, stored without resolving: %d records in %.1f s = %.0f "
                    + "records/s (chunks of %d); %s%n", records.size(), seconds, records.size() / seconds, LOAD_CHUNK,
                    BenchmarkLogging.load());
        } finally {
            neo4j.close();
        }
        Files.writeString(folder.resolve("complete"), records.size() + " records stored, not resolved\n");
        return folder;
    }

    /** The folder of the resolved graph: a copy of the stored one after a full run. */
    static Path resolved(Path folder, Path stored) throws Exception {
        if (Files.exists(folder.resolve("complete"))) {
            System.out.println("reusing the resolved graph in " + folder + " (" + Files.readString(folder.resolve("complete")).strip() + ")");
            return folder;
        }
        delete(folder);
        copy(stored, folder);
        Files.delete(folder.resolve("complete"));
        EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(folder, 0);
        ResolutionRuns.Report report;
        try (Driver driver = Neo4jDrivers.connect(neo4j.boltUri(), AuthTokens.none())) {
            IdentityGraph graph = Neo4jIdentityGraphs.open(driver);
            RecordIngestion ingestion = new RecordIngestion(graph, (changed, removed) -> { });
            long started = System.nanoTime();
            report = new ResolutionRuns(graph, ingestion, (changed, removed) -> { },
                    Neo4jIdentityGraphs.runLog(driver), Clock.systemUTC())
                    .run("bench-load", ResolutionEngine.Settings.defaults(), false);
            System.out.printf(Locale.ROOT, "RESULT graph load, full run: %s; %.1f s; %s%n", describe(report),
                    (System.nanoTime() - started) / 1e9, BenchmarkLogging.load());
        } finally {
            neo4j.close();
        }
        Files.writeString(folder.resolve("complete"), report.records() + " records resolved into "
                + report.profilesAfter() + " profiles\n");
        return folder;
    }

    static String describe(ResolutionRuns.Report report) {
        return String.format(Locale.ROOT, "%d records in %.1f s (read %.1f s, resolve %.1f s, write %.1f s); links %d "
                        + "created, %d updated, %d removed, %d kept; %d records moved; profiles %d -> %d; %d review pairs",
                report.records(), report.took().toMillis() / 1e3, report.phases().read().toMillis() / 1e3,
                report.phases().resolve().toMillis() / 1e3, report.phases().write().toMillis() / 1e3,
                report.linkChanges().created(), report.linkChanges().updated(), report.linkChanges().removed(),
                report.linkChanges().kept(), report.recordsMoved(), report.profilesBefore(), report.profilesAfter(),
                report.review());
    }

    static void copy(Path from, Path to) throws IOException, InterruptedException {
        // cp is simple and fast for a store of a gigabyte or more
        int exit = new ProcessBuilder("cp", "-r", from.toString(), to.toString()).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("could not copy " + from + " to " + to);
        }
    }

    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
