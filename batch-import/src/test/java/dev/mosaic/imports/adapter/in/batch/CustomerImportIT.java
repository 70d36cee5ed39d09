package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.mosaic.identity.adapter.out.neo4j.Neo4jIdentityGraphs;
import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.imports.domain.FileRejectedException;
import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.QuarantinedRow;
import dev.mosaic.runtime.testing.SharedTestStores;

@SpringBootTest(classes = CustomerImportIT.ImportTestConfiguration.class, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/it-stores/job-repository-${random.uuid};AUTO_SERVER=FALSE",
        "spring.batch.job.enabled=false"})
class CustomerImportIT {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(ImportJobRepositoryConfiguration.class)
    static class ImportTestConfiguration {

        @Bean(destroyMethod = "close")
        Driver neo4jDriver() {
            return GraphDatabase.driver(SharedTestStores.neo4jBolt(), AuthTokens.none());
        }

        @Bean
        RecordIngestion recordIngestion(Driver driver) {
            return new RecordIngestion(Neo4jIdentityGraphs.open(driver), (changed, removed) -> { });
        }
    }

    @Autowired
    Imports imports;
    @Autowired
    Driver driver;
    @TempDir
    Path folder;

    @BeforeEach
    void emptyGraph() {
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
    }

    @Test
    void importsGoodRowsAndQuarantinesBadOnesWithLineAndReason() throws Exception {
        Path file = write("customers.csv", """
                \uFEFFsource,record_id,first_name,last_name,email,birth_date,shoe_size
                crm,1,Anna,Schmidt,anna@example.de,1985-04-12,38
                crm,,Ben,Kaya,ben@example.de,1990-01-01,44
                webshop,w-1,Anna,Schmidt,ANNA@example.de,,
                crm,2,"Müller, Jr.",Max,max@example,2024-02-30,
                crm,3,broken,"row
                """);

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "customers.csv"));

        assertThat(status.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(status.imported()).isEqualTo(3);
        assertThat(status.quarantined()).isEqualTo(2);
        List<QuarantinedRow> rejected = imports.quarantine(status.id());
        assertThat(rejected).extracting(QuarantinedRow::row).containsExactly(3L, 6L);
        assertThat(rejected.getFirst().reason()).contains("record_id");
        assertThat(rejected.getFirst().rawRow()).isEqualTo("crm,,Ben,Kaya,ben@example.de,1990-01-01,44");
        assertThat(rejected.getFirst().file()).isEqualTo("customers.csv");
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isEqualTo(3);
        assertThat(count("MATCH (p:Profile) RETURN count(p) AS n")).isEqualTo(2);
        var kept = driver.executableQuery("MATCH (r:Record {recordId: '2'}) RETURN r.warnings AS w, r.attr_birth_date_raw AS raw, r.attr_shoe_size AS shoe")
                .execute().records().getFirst();
        assertThat(kept.get("raw").asString()).isEqualTo("2024-02-30");
        assertThat(kept.get("w").asList().toString()).contains("birth_date").contains("email");
        assertThat(driver.executableQuery("MATCH (r:Record {recordId: '1'}) RETURN r.attr_shoe_size AS shoe")
                .execute().records().getFirst().get("shoe").asString()).isEqualTo("38");
    }

    @Test
    void importingTheSameFileTwiceChangesNothingAndSaysSo() throws Exception {
        String content = """
                source,record_id,first_name,last_name,email
                crm,1,Anna,Schmidt,anna@example.de
                crm,2,Ben,Kaya,ben@example.de
                """;
        ImportStatus first = awaitEnd(imports.start(ImportType.CUSTOMERS, write("a.csv", content), "a.csv"));
        ImportStatus second = awaitEnd(imports.start(ImportType.CUSTOMERS, write("b.csv", content), "b.csv"));

        assertThat(first.imported()).isEqualTo(2);
        assertThat(second.imported()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isEqualTo(2);
    }

    @Test
    void refusesAFileWithoutTheRequiredColumnsAndImportsNothing() throws Exception {
        Path file = write("contacts.csv", """
                name,mail
                Anna,anna@example.de
                """);

        assertThatThrownBy(() -> imports.start(ImportType.CUSTOMERS, file, "contacts.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("contacts.csv")
                .hasMessageContaining("source, record_id");
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isZero();
    }

    @Test
    void refusesABinaryFile() throws Exception {
        Path file = folder.resolve("photo.csv");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe});

        assertThatThrownBy(() -> imports.start(ImportType.CUSTOMERS, file, "photo.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("photo.csv");
    }

    private ImportStatus awaitEnd(ImportId id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() != ImportState.RUNNING && status.state() != ImportState.QUEUED) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish within 60 s");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private long count(String query) {
        return driver.executableQuery(query).execute().records().getFirst().get("n").asLong();
    }
}
