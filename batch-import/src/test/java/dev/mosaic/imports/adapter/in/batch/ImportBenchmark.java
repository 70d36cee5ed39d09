package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;

import dev.mosaic.datagen.GenerationReport;
import dev.mosaic.datagen.GeneratorSettings;
import dev.mosaic.datagen.MosaicDataGenerator;
import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.ResolutionTiming;

/**
 * The import benchmark behind {@code ./mosaic bench import}: generated data (datagen, seed 42; 1,000,000 records are
 * 1,000,002 rows in five files, one per type), then (1) a bare CSV parse of every file against parse + validate +
 * standardise of the same rows, in the same run, several rounds, medians reported; (2) every file through its whole
 * import job (Spring Batch with an H2 job repository, chunks of 500 or
 * {@code -Dmosaic.import.chunk-size}), one after the other into one graph: first with an
 * identity graph that keeps nothing (the pipeline's own cost, the baseline), then into a real embedded Neo4j (a fresh
 * one per mode, in the work folder) resolved chunk by chunk (incremental), and stored first with one full resolution
 * run at the end of each file's job (deferred; the time until the rows are stored and the run's time are reported
 * apart). Arguments: [records to generate, default 1,000,000] [rounds, default 5] [work folder, default target/bench]
 * [modes, default pipeline,incremental,deferred].
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkLogging.quiet();
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
        List<String> modes = List.of((args.length > 3 ? args[3] : "pipeline,incremental,deferred").split(","));
        Path data = work.resolve("data-" + records);
        if (!Files.exists(data.resolve("ground_truth.csv"))) {
            GenerationReport report = MosaicDataGenerator.generate(GeneratorSettings.records(records), data);
            System.out.println("generated: " + report.summary());
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MB; %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20,
                BenchmarkLogging.load());

        List<Double> bare = new ArrayList<>();
        List<Double> standardised = new ArrayList<>();
        long rows = 0;
        for (int round = 0; round < rounds; round++) {
            long[] bareRun = parseAll(data, false);
            long[] fullRun = parseAll(data, true);
            rows = bareRun[0];
            bare.add(bareRun[0] * 1e9 / bareRun[1]);
            standardised.add(fullRun[0] * 1e9 / fullRun[1]);
            System.out.printf(Locale.ROOT, "round %d: bare parse %.0f rows/s, parse+validate+standardise %.0f rows/s%n",
                    round + 1, bare.getLast(), standardised.getLast());
        }
        double bareMedian = BenchmarkLogging.median(bare);
        double fullMedian = BenchmarkLogging.median(standardised);
        System.out.printf(Locale.ROOT, "RESULT parse: %d rows in 5 files; median bare parse %.0f rows/s; median "
                        + "parse+validate+standardise %.0f rows/s; ratio %.2f; %s%n", rows, bareMedian, fullMedian,
                fullMedian / bareMedian, BenchmarkLogging.load());

        for (String mode : modes) {
            boolean discardGraph = mode.equals("pipeline");
            ResolutionTiming timing = mode.equals("deferred") ? ResolutionTiming.DEFERRED : ResolutionTiming.INCREMENTAL;
            long heapBefore = usedHeapMb();
            long totalRows = 0;
            double totalSeconds = 0;
            double totalStoring = 0;
            double lastRun = 0;
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportTestConfiguration.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs-" + System.nanoTime())
                            + ";AUTO_SERVER=FALSE", "spring.batch.job.enabled=false",
                            "mosaic.bench.discard-graph=" + discardGraph,
                            "mosaic.test.neo4j-home=" + (discardGraph ? "" : work.resolve("neo4j-" + mode)))
                    .run()) {
                Imports imports = context.getBean(Imports.class);
                // Every file of the data set, one job each, into one graph: 1,000,002 rows for 1,000,000 records.
                for (ImportType type : ImportType.values()) {
                    Path file = data.resolve(type.code() + ".csv");
                    long started = System.nanoTime();
                    Timed timed = awaitEnd(imports, imports.start(type, file,
                            file.getFileName() + "-" + mode + "-" + System.nanoTime(), null, timing), started);
                    ImportStatus status = timed.status();
                    double seconds = (System.nanoTime() - started) / 1e9;
                    totalRows += status.read();
                    totalSeconds += seconds;
                    totalStoring += timed.storedSeconds();
                    lastRun = seconds - timed.storedSeconds();
                    System.out.printf(Locale.ROOT, "RESULT %s %s: %s, %d rows (%d imported, %d quarantined) in %.1f s "
                                    + "= %.0f rows/s%s; used heap %d MB before, %d MB after; %s%n",
                            switch (mode) {
                                case "pipeline" -> "pipeline without graph";
                                case "deferred" -> "end to end into the graph, deferred resolution";
                                default -> "end to end into the graph, incremental resolution";
                            }, type.code(), status.state(), status.read(), status.imported(), status.quarantined(),
                            seconds, status.read() / seconds,
                            timing == ResolutionTiming.DEFERRED ? String.format(Locale.ROOT,
                                    " (rows stored in %.1f s = %.0f rows/s, then the full run over the whole graph %.1f s)",
                                    timed.storedSeconds(), status.read() / timed.storedSeconds(),
                                    seconds - timed.storedSeconds()) : "",
                            heapBefore, usedHeapMb(), BenchmarkLogging.load());
                }
            }
            System.out.printf(Locale.ROOT, "RESULT %s, all files: %d rows in %.1f s = %.0f rows/s, %.2f of the bare parse%s; %s%n",
                    mode, totalRows, totalSeconds, totalRows / totalSeconds, totalRows / totalSeconds / bareMedian,
                    timing == ResolutionTiming.DEFERRED ? String.format(Locale.ROOT, "; rows stored in %.1f s = %.0f "
                                    + "rows/s (%.2f of the bare parse); stored and resolved once (storing every file, then "
                                    + "the last file's full run over all records): %.1f s = %.0f rows/s",
                            totalStoring, totalRows / totalStoring, totalRows / totalStoring / bareMedian,
                            totalStoring + lastRun, totalRows / (totalStoring + lastRun)) : "",
                    BenchmarkLogging.load());
        }
        System.exit(0);
    }

    /** Returns {rows, nanoseconds}; reads through the job's own reader (SourceRowReader: header mapping, multi-line
     * quoted fields, strict UTF-8). */
    private static long[] parseAll(Path data, boolean standardise) throws Exception {
        long rows = 0;
        long started = System.nanoTime();
        for (ImportType type : ImportType.values()) {
            RowStandardiser standardiser = new RowStandardiser(type, null, "DE");
            SourceRowReader reader = new SourceRowReader(new FileSystemResource(data.resolve(type.code() + ".csv")),
                    false, SourceRowReader.Limits.DEFAULTS);
            reader.open(new ExecutionContext());
            SourceRow row;
            while (true) {
                try {
                    row = reader.read();
                } catch (InvalidRowException broken) {
                    rows++; // a row the job would quarantine: reading it is part of the work
                    continue;
                }
                if (row == null) {
                    break;
                }
                if (standardise) {
                    try {
                        standardiser.process(row);
                    } catch (InvalidRowException rejected) {
                        // counted like any row: rejecting is part of the work
                    }
                }
                rows++;
            }
            reader.close();
        }
        return new long[] {rows, System.nanoTime() - started};
    }

    /** An import's end state, and when its rows were all stored (for a deferred import, before its full run). */
    private record Timed(ImportStatus status, double storedSeconds) {
    }

    private static Timed awaitEnd(Imports imports, ImportId id, long started) throws InterruptedException {
        double stored = -1;
        while (true) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.resolving() && stored < 0) {
                stored = (System.nanoTime() - started) / 1e9;
            }
            if (status.state() != ImportState.RUNNING && status.state() != ImportState.QUEUED) {
                return new Timed(status, stored < 0 ? (System.nanoTime() - started) / 1e9 : stored);
            }
            Thread.sleep(Duration.ofMillis(100));
        }
    }

    private static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
