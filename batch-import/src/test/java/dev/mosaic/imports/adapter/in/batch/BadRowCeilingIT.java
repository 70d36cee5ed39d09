package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    private ImportStatus awaitEnd(ImportId id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() != ImportState.RUNNING && status.state() != ImportState.QUEUED) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish within 60 s");
    }
}
