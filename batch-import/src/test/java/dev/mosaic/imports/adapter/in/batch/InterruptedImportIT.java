package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.runtime.testing.SharedTestStores;

/**
 * An import killed with SIGKILL halfway resumes when the application starts again, and loses or repeats nothing: no
 * record, and no bad row in the quarantine.
 */
class InterruptedImportIT {

    private static final int ROWS = 6000;
    /** Every this many rows one cannot become a record: its record_id is missing. */
    private static final int BAD_EVERY = 250;
    private static final String SOURCE = "killtest";

    @TempDir
    Path folder;

    @Test
    void anImportKilledWithSigkillResumesAtTheNextStartWithEveryRowExactlyOnce() throws Exception {
        Path file = folder.resolve("big-customers.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("source,record_id,first_name,last_name,email\n");
            for (int i = 0; i < ROWS; i++) {
                String recordId = i % BAD_EVERY == 7 ? "" : "k-" + i;
                out.write(SOURCE + "," + recordId + ",Person,Number" + i + ",person" + i + "@killtest.example\n");
            }
        }
        // Line numbers: the header is line 1, row i is line i + 2.
        List<Long> badLines = java.util.stream.IntStream.range(0, ROWS).filter(i -> i % BAD_EVERY == 7)
                .mapToObj(i -> i + 2L).toList();
        Path queuedFile = Files.writeString(folder.resolve("queued-customers.csv"), "source,record_id,first_name\n"
                + SOURCE + ",queued-1,Quinn\n" + SOURCE + ",queued-2,Quentin\n");
        String jobRepository = "jdbc:h2:file:" + folder.resolve("jobs") + ";AUTO_SERVER=FALSE";
        String bolt = SharedTestStores.neo4jBolt().toString();
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none())) {
            driver.executableQuery("MATCH (r:Record {source: $source}) DETACH DELETE r")
                    .withParameters(java.util.Map.of("source", SOURCE)).execute();

            Path workerLog = folder.resolve("worker.log");
            Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ImportWorker.class.getName(),
                    jobRepository, bolt, file.toString(), queuedFile.toString())
                    .redirectErrorStream(true).redirectOutput(workerLog.toFile()).start();
            long stored = awaitRecords(driver, 1000, worker, workerLog);
            worker.destroyForcibly().waitFor();
            long importId = importIdFrom(workerLog, ImportWorker.IMPORT_ID_LINE);
            long queuedId = importIdFrom(workerLog, ImportWorker.QUEUED_ID_LINE);
            assertThat(stored).as("killed halfway, not after the end").isLessThan(ROWS);

            try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(ImportTestConfiguration.class)
                    .web(WebApplicationType.NONE)
                    .properties("spring.datasource.url=" + jobRepository, "mosaic.test.neo4j-uri=" + bolt,
                            "spring.batch.job.enabled=false")
                    .run()) {
                Imports imports = restarted.getBean(Imports.class);
                ImportStatus status = awaitEnd(imports, new ImportId(importId));

                assertThat(status.state()).isEqualTo(ImportState.COMPLETED);
                assertThat(status.read()).isEqualTo(ROWS);
                assertThat(status.imported() + status.unchanged()).isEqualTo(ROWS - badLines.size());
                assertThat(status.quarantined()).isEqualTo(badLines.size());
                var quarantine = imports.quarantine(new ImportId(importId), 0, 1000);
                assertThat(quarantine.total()).isEqualTo(badLines.size());
                assertThat(quarantine.rows()).as("each bad row exactly once, killed chunk or not")
                        .extracting(dev.mosaic.imports.domain.QuarantinedRow::row).containsExactlyElementsOf(badLines);
                assertThat(quarantine.rows()).allSatisfy(row -> assertThat(row.reason()).contains("record_id"));
                ImportStatus queued = awaitEnd(imports, new ImportId(queuedId));
                assertThat(queued.state()).as("an import still queued when killed runs at the next start")
                        .isEqualTo(ImportState.COMPLETED);
                assertThat(queued.imported()).isEqualTo(2);
            }
            assertThat(countRecords(driver)).isEqualTo(ROWS - badLines.size() + 2);
        }
    }

    private static long awaitRecords(Driver driver, long atLeast, Process worker, Path workerLog) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            long stored = countRecords(driver);
            if (stored >= atLeast) {
                return stored;
            }
            if (!worker.isAlive()) {
                throw new AssertionError("the import worker stopped: " + Files.readString(workerLog));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the worker did not store " + atLeast + " records in time: " + Files.readString(workerLog));
    }

    private static long countRecords(Driver driver) {
        return driver.executableQuery("MATCH (r:Record {source: $source}) RETURN count(r) AS n")
                .withParameters(java.util.Map.of("source", SOURCE)).execute().records().getFirst().get("n").asLong();
    }

    private static long importIdFrom(Path workerLog, String prefix) throws Exception {
        List<String> lines = Files.readAllLines(workerLog);
        return lines.stream().filter(line -> line.startsWith(prefix))
                .map(line -> Long.parseLong(line.substring(prefix.length()).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("no import id in " + lines));
    }

    private static ImportStatus awaitEnd(Imports imports, ImportId id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() == ImportState.COMPLETED || status.state() == ImportState.FAILED) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the resumed import did not finish in time: " + imports.status(id));
    }
}
