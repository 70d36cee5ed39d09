package dev.mosaic.imports.adapter.in.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
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
 * The import benchmark behind {@code ./mosaic bench import}: generated data (datagen, seed 42), then
 * (1) a bare CSV parse of every file against parse + validate + standardise of the same rows, in the same run,
 * several rounds, medians reported; (2) the whole import job of the customers and purchases files, first with an
 * identity graph that keeps nothing (the pipeline's own cost, the baseline), then into a real (embedded) Neo4j,
 * through Spring Batch with an H2 job repository: resolved chunk by chunk (incremental), and stored first with one
 * full resolution run at the end of each file's job (deferred), each into an empty graph.
 * Arguments: [records to generate, default 1,000,000] [rounds, default 5] [work folder, default target/bench]
 * [modes, default pipeline,incremental,deferred].
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
        List<String> modes = List.of((args.length > 3 ? args[3] : "pipeline,incremental,deferred").split(","));
        Path data = work.resolve("data-" + records);
        if (!Files.exists(data.resolve("ground_truth.csv"))) {
            GenerationReport report = MosaicDataGenerator.generate(GeneratorSettings.records(records), data);
            System.out.println("generated: " + report.summary());
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);

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
        double bareMedian = median(bare);
        double fullMedian = median(standardised);
        System.out.printf(Locale.ROOT, "RESULT parse: %d rows in 5 files; median bare parse %.0f rows/s; median "
                        + "parse+validate+standardise %.0f rows/s; ratio %.2f%n", rows, bareMedian, fullMedian,
                fullMedian / bareMedian);

        for (String mode : modes) {
            boolean discardGraph = mode.equals("pipeline");
            ResolutionTiming timing = mode.equals("deferred") ? ResolutionTiming.DEFERRED : ResolutionTiming.INCREMENTAL;
            long heapBefore = usedHeapMb();
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportTestConfiguration.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs-" + System.nanoTime())
                            + ";AUTO_SERVER=FALSE", "spring.batch.job.enabled=false",
                            "mosaic.bench.discard-graph=" + discardGraph)
                    .run()) {
                if (!discardGraph) {
                    context.getBean(org.neo4j.driver.Driver.class).executableQuery(
                            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").execute();
                }
                Imports imports = context.getBean(Imports.class);
                for (ImportType type : List.of(ImportType.CUSTOMERS, ImportType.PURCHASES)) {
                    Path file = data.resolve(type.code() + ".csv");
                    long started = System.nanoTime();
                    ImportStatus status = awaitEnd(imports, imports.start(type, file,
                            file.getFileName() + "-" + mode + "-" + System.nanoTime(), null, timing));
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(Locale.ROOT, "RESULT %s %s: %s, %d rows (%d imported, %d quarantined) in %.1f s "
                                    + "= %.0f rows/s; used heap %d MB before, %d MB after%n",
                            switch (mode) {
                                case "pipeline" -> "pipeline without graph";
                                case "deferred" -> "end to end into the graph, deferred resolution (incl. full run)";
                                default -> "end to end into the graph, incremental resolution";
                            }, type.code(),
                            status.state(), status.read(), status.imported(), status.quarantined(), seconds,
                            status.read() / seconds, heapBefore, usedHeapMb());
                }
            }
        }
        System.exit(0);
    }

    /** Returns {rows, nanoseconds}; reads through the job's own reader (header mapping, multi-line quoted fields). */
    private static long[] parseAll(Path data, boolean standardise) throws Exception {
        long rows = 0;
        long started = System.nanoTime();
        for (ImportType type : ImportType.values()) {
            CsvRowMapper mapper = new CsvRowMapper();
            RowStandardiser standardiser = new RowStandardiser(type, null, "DE");
            FlatFileItemReader<SourceRow> reader = new FlatFileItemReaderBuilder<SourceRow>().name("bench")
                    .resource(new FileSystemResource(data.resolve(type.code() + ".csv"))).encoding("UTF-8")
                    .linesToSkip(1).skippedLinesCallback(mapper::useHeader).lineMapper(mapper)
                    .recordSeparatorPolicy(new DefaultRecordSeparatorPolicy()).build();
            reader.open(new ExecutionContext());
            SourceRow row;
            while ((row = reader.read()) != null) {
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

    private static ImportStatus awaitEnd(Imports imports, ImportId id) throws InterruptedException {
        while (true) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() != ImportState.RUNNING && status.state() != ImportState.QUEUED) {
                return status;
            }
            Thread.sleep(Duration.ofMillis(200));
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static long usedHeapMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }
}
