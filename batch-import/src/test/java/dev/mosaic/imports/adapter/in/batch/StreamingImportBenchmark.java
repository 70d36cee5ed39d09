package dev.mosaic.imports.adapter.in.batch;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.management.GarbageCollectionNotificationInfo;

import dev.mosaic.datagen.GeneratorSettings;
import dev.mosaic.datagen.MosaicDataGenerator;
import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;

/**
 * The streaming benchmark behind {@code ./mosaic bench streaming [GB]}: one canonical purchases file of about the
 * given size (default 5 GB) imported through the real {@code purchases-import} Spring Batch job (H2 job repository,
 * real reader, standardiser and skip policy) with the identity graph that keeps nothing, in a JVM started with a
 * small heap. It reports rows, rows/s, the heap (peak used, and the largest heap left after a collection, which is
 * what the import really holds) and the process's peak resident memory (VmHWM).
 * <p>
 * The big file is made from a datagen purchases file (seed 42, 1,000,000 records) written again and again with the
 * record ids made unique per copy, so every row is a realistic, messy one; it is reused by later runs.
 * The file is written in a JVM of its own (mode {@code write}), so the import's JVM (mode {@code import}) measures
 * only the import.
 * Arguments: write|import [gigabytes, default 5] [work folder, default target/bench-streaming] [gzip: true|false,
 * default false].
 */
public final class StreamingImportBenchmark {

    private static final long SEED_RECORDS = 1_000_000;

    private StreamingImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "import";
        double gigabytes = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench-streaming").toAbsolutePath();
        boolean gzip = args.length > 3 && Boolean.parseBoolean(args[3]);
        Path file = work.resolve("purchases-" + sizeLabel(gigabytes) + "gb.csv" + (gzip ? ".gz" : ""));
        Files.createDirectories(work);
        if (mode.equals("write")) {
            if (!Files.exists(file)) {
                writeBigFile(work, file, (long) (gigabytes * 1e9), gzip);
            }
            System.out.println("FILE=" + file);
            return;
        }
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " does not exist; write it first (mode 'write')");
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MB; file %s, %,d bytes%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20, file, Files.size(file));

        HeapWatch heap = HeapWatch.start();
        long started;
        ImportStatus status;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ImportTestConfiguration.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=jdbc:h2:file:" + work.resolve("jobs-" + System.nanoTime())
                                + ";AUTO_SERVER=FALSE", "spring.batch.job.enabled=false",
                        "mosaic.bench.discard-graph=true", "mosaic.import.resume-interrupted=false")
                .run()) {
            Imports imports = context.getBean(Imports.class);
            started = System.nanoTime();
            ImportId id = imports.start(ImportType.PURCHASES, file, file.getFileName().toString());
            status = awaitEnd(imports, id, started);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        heap.stop();
        System.out.printf(Locale.ROOT, "RESULT streaming: %s, %,d bytes, %,d rows (%,d imported, %,d quarantined) in "
                        + "%.0f s = %,.0f rows/s (%.1f MB/s); %,d handed to the graph that keeps nothing; max heap %d MB, peak heap used %d MB, largest heap "
                        + "after a collection %d MB, heap committed at most %d MB; peak RSS (VmHWM) %s%n",
                status.state(), Files.size(file), status.read(), status.imported(), status.quarantined(), seconds,
                status.read() / seconds, Files.size(file) / seconds / 1e6,
                status.imported() + status.updated() + status.unchanged(), Runtime.getRuntime().maxMemory() >> 20,
                heap.peakUsed() >> 20, heap.peakAfterGc() >> 20, heap.peakCommitted() >> 20, peakRss());
        System.exit(status.state() == ImportState.COMPLETED ? 0 : 1);
    }

    private static String sizeLabel(double gigabytes) {
        return gigabytes == Math.rint(gigabytes) ? Long.toString((long) gigabytes) : Double.toString(gigabytes);
    }

    /** Copies of one generated purchases file, each with its record ids prefixed by the copy number. */
    private static void writeBigFile(Path work, Path file, long targetBytes, boolean gzip) throws IOException {
        Path seedData = work.resolve("seed-" + SEED_RECORDS);
        Path seed = seedData.resolve("purchases.csv");
        if (!Files.exists(seed)) {
            System.out.println("generated: " + MosaicDataGenerator.generate(GeneratorSettings.records(SEED_RECORDS),
                    seedData).summary());
        }
        String header;
        try (BufferedReader reader = Files.newBufferedReader(seed, StandardCharsets.UTF_8)) {
            header = reader.readLine();
        }
        long started = System.nanoTime();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long rows = 0;
        try (OutputStream file0 = Files.newOutputStream(partial);
             OutputStream out = gzip ? new GZIPOutputStream(file0, 1 << 16) : file0;
             BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            writer.write(header);
            writer.write('\n');
            // the uncompressed size is what "a 5 GB file" means, gzip or not
            long written = header.length() + 1L;
            for (int copy = 0; written < targetBytes; copy++) {
                String prefix = copy == 0 ? "" : "c" + copy + "-";
                boolean insideQuotes = false;
                try (BufferedReader reader = Files.newBufferedReader(seed, StandardCharsets.UTF_8)) {
                    reader.readLine();
                    String line;
                    while ((line = reader.readLine()) != null && written < targetBytes) {
                        String renamed = line;
                        if (!insideQuotes) {
                            // a record starts here: "source,record_id,..." with a plain source token
                            int comma = line.indexOf(',');
                            renamed = line.substring(0, comma + 1) + prefix + line.substring(comma + 1);
                            rows++;
                        }
                        if ((quotes(line) & 1) == 1) {
                            insideQuotes = !insideQuotes;
                        }
                        writer.write(renamed);
                        writer.write('\n');
                        written += renamed.getBytes(StandardCharsets.UTF_8).length + 1L;
                    }
                }
            }
        }
        Files.move(partial, file);
        System.out.printf(Locale.ROOT, "wrote %s: %,d rows, %,d bytes on disk in %.0f s%n", file, rows,
                Files.size(file), (System.nanoTime() - started) / 1e9);
    }

    private static int quotes(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                count++;
            }
        }
        return count;
    }

    private static ImportStatus awaitEnd(Imports imports, ImportId id, long started) throws InterruptedException {
        long lastReport = started;
        while (true) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() != ImportState.RUNNING && status.state() != ImportState.QUEUED) {
                return status;
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(30).toNanos()) {
                lastReport = System.nanoTime();
                System.out.printf(Locale.ROOT, "  %,d of ~%,d rows after %.0f s, heap used %d MB, RSS %s%n",
                        status.read(), status.expectedRows(), (lastReport - started) / 1e9,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20, currentRss());
            }
            Thread.sleep(Duration.ofMillis(200));
        }
    }

    private static String peakRss() {
        return procStatus("VmHWM:");
    }

    private static String currentRss() {
        return procStatus("VmRSS:");
    }

    private static String procStatus(String field) {
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/self/status"))) {
            return reader.lines().filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> line.substring(field.length()).strip()).orElse("unknown");
        } catch (IOException e) {
            return "unknown (no /proc/self/status)";
        }
    }

    /**
     * The heap as the collectors see it: the live set left after each collection (from GC notifications) and the used
     * and committed heap sampled every 50 ms.
     */
    private static final class HeapWatch {

        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final AtomicLong peakCommitted = new AtomicLong();
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(pool -> isHeapPool(pool.getKey()))
                                .mapToLong(pool -> pool.getValue().getUsed()).sum();
                        peakAfterGc.accumulateAndGet(after, Math::max);
                    }
                }, null, null);
            }
            sampler = Thread.ofPlatform().daemon().name("heap-watch").start(() -> {
                while (running) {
                    MemoryUsage usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    peakUsed.accumulateAndGet(usage.getUsed(), Math::max);
                    peakCommitted.accumulateAndGet(usage.getCommitted(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        private static final List<String> HEAP_POOLS = heapPools();

        private static List<String> heapPools() {
            List<String> names = new ArrayList<>();
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                    .forEach(pool -> names.add(pool.getName()));
            return names;
        }

        private static boolean isHeapPool(String name) {
            return HEAP_POOLS.contains(name);
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }

        long peakCommitted() {
            return peakCommitted.get();
        }
    }
}
