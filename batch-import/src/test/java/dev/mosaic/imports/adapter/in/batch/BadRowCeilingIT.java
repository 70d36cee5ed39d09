package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;

/** The share of bad rows that fails an import is the one configured, not always the default half. */
@SpringBootTest(classes = ImportTestConfiguration.class, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/it-stores/job-repository-${random.uuid};AUTO_SERVER=FALSE",
        "spring.batch.job.enabled=false",
        "mosaic.import.max-bad-row-share=0.2"})
class BadRowCeilingIT {

    @Autowired
    Imports imports;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    Driver neo4j;
    @TempDir
    Path folder;

    @Test
    void failsAnImportOverAConfiguredCeilingThatTheDefaultWouldLetThrough() throws Exception {
        Path quarter = Files.writeString(folder.resolve("quarter-bad.csv"), """
                source,record_id,email
                ceiling,c-1,a@example.de
                ceiling,c-2,b@example.de
                ceiling,,c@example.de
                ceiling,c-4,d@example.de
                """);
        Path fifth = Files.writeString(folder.resolve("fifth-bad.csv"), """
                source,record_id,email
                ceiling,f-1,a@example.de
                ceiling,f-2,b@example.de
                ceiling,,c@example.de
                ceiling,f-4,d@example.de
                ceiling,f-5,e@example.de
                """);

        ImportStatus overCeiling = awaitEnd(imports.start(ImportType.CUSTOMERS, quarter, "quarter-bad.csv"));
        ImportStatus atCeiling = awaitEnd(imports.start(ImportType.CUSTOMERS, fifth, "fifth-bad.csv"));

        assertThat(overCeiling.state()).isEqualTo(ImportState.FAILED);
        assertThat(overCeiling.failure()).contains("1 of 4 rows (25.0%)").contains("ceiling of 20.0%");
        assertThat(overCeiling.imported()).as("the accepted rows are kept").isEqualTo(3);
        assertThat(atCeiling.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(atCeiling.failure()).isNull();
    }

    @Test
    void anImportFailedMidFileKeepsTheChunkThatTrippedTheCeilingWholeAndARestartGoesOnFromTheNextChunk()
            throws Exception {
        // Chunks of 500 rows: the first two are good; the third has 350 rows without a record id, which puts the
        // import at 350 of 1,500 (23%) over the ceiling of 20%; the last two, which it never reads, are good.
        String source = "ceiling-" + UUID.randomUUID();
        Path file = folder.resolve("mid-file.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("source,record_id,first_name,last_name,email\n");
            for (int row = 1; row <= 2500; row++) {
                boolean bad = row > 1000 && row <= 1350;
                out.write(source + "," + (bad ? "" : "r-" + row) + ",Kim,Row" + row + ",row" + row + "@ceiling.example\n");
            }
        }

        ImportId id = imports.start(ImportType.CUSTOMERS, file, "mid-file.csv");
        ImportStatus failed = awaitEnd(id);

        assertThat(failed.state()).isEqualTo(ImportState.FAILED);
        assertThat(failed.failure()).startsWith("350 of 1500 rows (23.3%) were rejected");
        assertThat(failed.read()).as("rows up to the end of the chunk that tipped the share").isEqualTo(1500);
        assertThat(failed.imported()).isEqualTo(1150);
        assertThat(failed.quarantined()).isEqualTo(350);
        assertThat(imports.quarantine(id, 0, 1000).total()).as("quarantine agrees with the count").isEqualTo(350);
        assertThat(recordsOf(source)).as("records in the graph").isEqualTo(1150);

        jobOperator.restart(jobRepository.getJobExecution(id.value()));
        ImportStatus resumed = awaitEnd(id);

        assertThat(resumed.state()).as("350 of 2,500 rows (14%) is under the ceiling").isEqualTo(ImportState.COMPLETED);
        assertThat(resumed.failure()).isNull();
        assertThat(resumed.read()).isEqualTo(2500);
        assertThat(resumed.imported()).as("no row of the tripping chunk read again").isEqualTo(2150);
        assertThat(resumed.unchanged()).isZero();
        assertThat(resumed.quarantined()).isEqualTo(350);
        assertThat(imports.quarantine(id, 0, 1000).total()).isEqualTo(350);
        assertThat(recordsOf(source)).isEqualTo(2150);
    }

    private long recordsOf(String source) {
        return neo4j.executableQuery("MATCH (r:Record {source: $source}) RETURN count(r) AS n")
                .withParameters(Map.of("source", source)).execute().records().getFirst().get("n").asLong();
    }

    private ImportStatus awaitEnd(ImportId id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() != ImportState.RUNNING && status.state() != ImportState.QUEUED) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish within 120 s");
    }
}
