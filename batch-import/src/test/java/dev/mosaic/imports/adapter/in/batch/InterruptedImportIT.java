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

/** An import killed with SIGKILL halfway resumes when the application starts again, and loses or repeats nothing. */
class InterruptedImportIT {

    private static final int ROWS = 6000;
    private static final String SOURCE = "killtest";

    @TempDir
    Path folder;

    @Test
    void anImportKilledWithSigkillResumesAtTheNextStartWithEveryRowExactlyOnce() throws Exception {
        Path file = folder.resolve("big-customers.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("source,record_id,first_name,last_name,email\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(SOURCE + ",k-" + i + ",Person,Number" + i + ",person" + i + "@killtest.example\n");
            }
        }
        String jobRepository = "jdbc:h2:file:" + folder.resolve("jobs") + ";AUTO_SERVER=FALSE";
        String bolt = SharedTestStores.neo4jBolt().toString();
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none())) {
            driver.executableQuery("MATCH (r:Record {source: $source}) DETACH DELETE r")
                    .withParameters(java.util.Map.of("source", SOURCE)).execute();

            Path workerLog = folder.resolve("worker.log");
            Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ImportWorker.class.getName(),
                    jobRepository, bolt, file.toString())
                    .redirectErrorStream(true).redirectOutput(workerLog.toFile()).start();
            long stored = awaitRecords(driver, 1000, worker, workerLog);
            worker.destroyForcibly().waitFor();
            long importId = importIdFrom(workerLog);
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
                assertThat(status.imported() + status.unchanged()).isEqualTo(ROWS);
                assertThat(status.quarantined()).isZero();
            }
            assertThat(countRecords(driver)).isEqualTo(ROWS);
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

    private static long importIdFrom(Path workerLog) throws Exception {
        List<String> lines = Files.readAllLines(workerLog);
        return lines.stream().filter(line -> line.startsWith(ImportWorker.IMPORT_ID_LINE))
                .map(line -> Long.parseLong(line.substring(ImportWorker.IMPORT_ID_LINE.length()).strip()))
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
