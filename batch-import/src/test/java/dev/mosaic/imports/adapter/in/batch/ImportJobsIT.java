package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.test.context.SpringBootTest;

import dev.mosaic.imports.domain.FileRejectedException;
import dev.mosaic.imports.domain.ImportId;
import dev.mosaic.imports.domain.ImportState;
import dev.mosaic.imports.domain.ImportStatus;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.Imports;
import dev.mosaic.imports.domain.QuarantinePage;
import dev.mosaic.imports.domain.QuarantinedRow;
import dev.mosaic.imports.domain.ResolutionTiming;
import dev.mosaic.imports.domain.SourceFileAfterImport;

@SpringBootTest(classes = ImportTestConfiguration.class, properties = {
        "spring.datasource.url=jdbc:h2:file:./target/it-stores/job-repository-${random.uuid};AUTO_SERVER=FALSE",
        "spring.batch.job.enabled=false",
        "mosaic.data-dir=" + ImportJobsIT.DATA_DIR})
class ImportJobsIT {

    /** The data folder: its mappings/ holds the mappings a test writes. */
    static final String DATA_DIR = "./target/import-jobs-it-data";

    @Autowired
    Imports imports;
    @Autowired
    Driver driver;
    @Autowired
    ChunkGate gate;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
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
        List<QuarantinedRow> rejected = quarantined(status.id());
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
        Path file = write("a.csv", content);
        ImportStatus first = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "a.csv"));
        ImportStatus second = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "a.csv"));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.state()).isEqualTo(ImportState.COMPLETED);
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

    @Test
    void importsEverySampleFileOfTheDocumentation() throws Exception {
        Path samples = Path.of("..", "docs", "samples");
        for (ImportType type : ImportType.values()) {
            Path sample = samples.resolve(type.code() + ".csv");
            long rows = Files.readAllLines(sample).size() - 1;

            ImportStatus status = awaitEnd(imports.start(type, sample, sample.getFileName().toString()));

            assertThat(status.state()).as(type.code()).isEqualTo(ImportState.COMPLETED);
            assertThat(status.quarantined()).as(type.code() + " quarantined: " + quarantined(status.id()))
                    .isZero();
            assertThat(status.imported()).as(type.code()).isEqualTo(rows);
        }
        var purchase = single("MATCH (r:Record {source: 'webshop', recordId: 'WO-1001-1'}) "
                + "RETURN r.kind AS kind, r.tp_unitPrice AS price, r.tp_category AS category");
        assertThat(purchase.get("kind").asString()).isEqualTo("purchase");
        assertThat(purchase.get("price").asString()).isEqualTo("189.00");
        assertThat(purchase.get("category").asString()).isEqualTo("printers");
        var ticket = single("MATCH (r:Record {source: 'helpdesk', recordId: 'T-5002'}) "
                + "RETURN r.firstName AS first, r.lastName AS last, r.lastNameKey AS lastKey, r.phoneE164 AS phone, "
                + "r.tp_status AS status");
        assertThat(ticket.get("first").asString()).isEqualTo("Jürgen");
        assertThat(ticket.get("last").asString()).isEqualTo("Müller");
        assertThat(ticket.get("lastKey").asString()).isEqualTo("mueller");
        assertThat(ticket.get("phone").asString()).isEqualTo("+491705551234");
        assertThat(ticket.get("status").asString()).isEqualTo("open");
        assertThat(single("MATCH (r:Record {source: 'instagram', recordId: 'IG-901'}) RETURN r.socialHandle AS handle")
                .get("handle").asString()).isEqualTo("instagram:anna.bakes");
    }

    @Test
    void importsJsonLinesAndGzipCompressedFiles() throws Exception {
        Path jsonLines = Path.of("..", "docs", "samples", "customers.jsonl");
        Path gzipped = folder.resolve("customers.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzipped))) {
            out.write(("source,record_id,first_name,last_name,email,phone,country\n"
                    + "crm,gz-1,lena,hoffmann,lena@example.de,0176 4445556,DE\n").getBytes(StandardCharsets.UTF_8));
        }

        ImportStatus fromJson = awaitEnd(imports.start(ImportType.CUSTOMERS, jsonLines, "customers.jsonl"));
        ImportStatus fromGzip = awaitEnd(imports.start(ImportType.CUSTOMERS, gzipped, "customers.csv.gz"));

        assertThat(fromJson.imported()).isEqualTo(2);
        assertThat(fromGzip.imported()).isEqualTo(1);
        var oliver = single("MATCH (r:Record {source: 'loyalty', recordId: 'LY-3002'}) "
                + "RETURN r.firstName AS first, r.phoneE164 AS phone, r.attr_preferred_store AS store");
        assertThat(oliver.get("first").asString()).isEqualTo("Oliver");
        assertThat(oliver.get("phone").asString()).isEqualTo("+447911123456");
        assertThat(oliver.get("store").asString()).isEqualTo("LON-01");
        var lena = single("MATCH (r:Record {recordId: 'gz-1'}) RETURN r.phoneE164 AS phone, r.firstName AS first");
        assertThat(lena.get("phone").asString()).isEqualTo("+491764445556");
        assertThat(lena.get("first").asString()).isEqualTo("Lena");
    }

    @Test
    void quarantinesATouchpointWhoseRequiredFieldDoesNotParse() throws Exception {
        Path file = write("purchases.csv", String.join("\n",
                "source,record_id,occurred_at,quantity,unit_price,channel",
                "pos,ok-1,2024-11-02T18:22:10+01:00,1,9.99,store",
                "pos,bad-time,2024-11-02 18:22,1,9.99,store",
                "pos,bad-price,2024-11-02T18:22:10+01:00,1,\"9,99\",store",
                "pos,odd-channel,2024-11-02T18:22:10+01:00,1,9.99,teleport", ""));

        ImportStatus status = awaitEnd(imports.start(ImportType.PURCHASES, file, "purchases.csv"));

        assertThat(status.imported()).isEqualTo(2);
        assertThat(quarantined(status.id())).extracting(QuarantinedRow::row, QuarantinedRow::reason)
                .containsExactly(
                        tuple(3L, "field occurred_at: '2024-11-02 18:22' is not an ISO-8601 timestamp with offset, "
                                + "e.g. 2024-05-02T12:05:00+02:00"),
                        tuple(4L, "field unit_price: '9,99' is not a decimal number (use a dot: 19.99)"));
        assertThat(single("MATCH (r:Record {recordId: 'odd-channel'}) RETURN r.attr_channel_raw AS raw")
                .get("raw").asString()).isEqualTo("teleport");
    }

    @Test
    void refusesAPurchasesFileWithoutItsRequiredColumns() throws Exception {
        Path file = write("orders.csv", "source,record_id,sku\npos,1,INK-200\n");

        assertThatThrownBy(() -> imports.start(ImportType.PURCHASES, file, "orders.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("orders.csv")
                .hasMessageContaining("occurred_at, quantity, unit_price");
    }

    @Test
    void importsTheFebrlPersonFileThroughItsMapping() throws Exception {
        Path febrl = Path.of("..", "..", "shared", "datasets", "febrl", "dataset3.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(febrl),
                "../shared/datasets/febrl/dataset3.csv is not beside the project: skipping the Febrl import");
        long rows = Files.readAllLines(febrl).size() - 1;

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, febrl, "dataset3.csv", "febrl"), 300);

        assertThat(status.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(status.imported()).isEqualTo(rows);
        assertThat(status.quarantined()).isZero();
        var record = single("MATCH (r:Record {source: 'febrl', recordId: 'rec-1496-org'}) "
                + "RETURN r.firstName AS first, r.lastName AS last, r.country AS country, r.attr_soc_sec_id AS ssn");
        assertThat(record.get("first").asString()).isEqualTo("Mitchell");
        assertThat(record.get("last").asString()).isEqualTo("Green");
        assertThat(record.get("country").asString()).isEqualTo("AU");
        assertThat(record.get("ssn").isNull()).isFalse();
        long keptRawDates = single("MATCH (r:Record {source: 'febrl'}) WHERE r.attr_birth_date_raw IS NOT NULL "
                + "RETURN count(r) AS n").get("n").asLong();
        long parsedDates = single("MATCH (r:Record {source: 'febrl'}) WHERE r.birthDate IS NOT NULL "
                + "RETURN count(r) AS n").get("n").asLong();
        assertThat(parsedDates).isGreaterThan(rows / 2);
        assertThat(keptRawDates).isPositive();
    }

    @Test
    void aDeferredImportStoresEveryRowAndThenResolvesThemAllInOneFullRun() throws Exception {
        String content = """
                source,record_id,first_name,last_name,email,birth_date
                crm,1,Anna,Schmidt,anna@example.de,1985-04-12
                webshop,w-1,Anna,Schmidt,ANNA@example.de,
                crm,2,Ben,Kaya,ben@example.de,1990-01-01
                crm,,No,Key,nokey@example.de,
                """;

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, write("bulk.csv", content), "bulk.csv",
                null, ResolutionTiming.DEFERRED));

        assertThat(status.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(status.resolution()).isEqualTo(ResolutionTiming.DEFERRED);
        assertThat(status.resolving()).isFalse();
        assertThat(status.imported()).isEqualTo(3);
        assertThat(status.quarantined()).isEqualTo(1);
        assertThat(count("MATCH (r:Record) WHERE NOT (r)-[:BELONGS_TO]->(:Profile) RETURN count(r) AS n"))
                .as("every stored record has its profile once the import has finished").isZero();
        assertThat(count("MATCH (p:Profile) RETURN count(p) AS n")).isEqualTo(2);
        assertThat(count("MATCH (:Record {recordId: '1'})-[:MATCHED]-(:Record {recordId: 'w-1'}) RETURN count(*) AS n"))
                .isEqualTo(1);
        String annasProfile = single("MATCH (:Record {recordId: 'w-1'})-[:BELONGS_TO]->(p) RETURN p.id AS id")
                .get("id").asString();

        ImportStatus again = awaitEnd(imports.start(ImportType.CUSTOMERS, write("bulk-again.csv", content),
                "bulk-again.csv", null, ResolutionTiming.DEFERRED));

        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isEqualTo(3);
        assertThat(single("MATCH (:Record {recordId: 'w-1'})-[:BELONGS_TO]->(p) RETURN p.id AS id").get("id").asString())
                .as("the full run at the end of a re-import keeps the profile ids").isEqualTo(annasProfile);
    }

    @Test
    void aDeferredFebrlImportIsResolvedAsAccuratelyAsTheMatchingEngine() throws Exception {
        Path febrl = Path.of("..", "..", "shared", "datasets", "febrl", "dataset3.csv");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(febrl),
                "../shared/datasets/febrl/dataset3.csv is not beside the project: skipping the Febrl import");

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, febrl, "dataset3.csv", "febrl",
                ResolutionTiming.DEFERRED), 300);

        assertThat(status.state()).isEqualTo(ImportState.COMPLETED);
        List<String> people = new java.util.ArrayList<>();
        List<String> profiles = new java.util.ArrayList<>();
        driver.executableQuery("MATCH (r:Record {source: 'febrl'})-[:BELONGS_TO]->(p:Profile) "
                + "RETURN r.recordId AS record, p.id AS profile").execute().records().forEach(row -> {
            // Febrl ids name the person: rec-12-org and rec-12-dup-0 are the same one.
            people.add(row.get("record").asString().replaceAll("^rec-(\\d+)-.*$", "$1"));
            profiles.add(row.get("profile").asString());
        });
        assertThat(people).hasSize((int) status.imported());
        var accuracy = dev.mosaic.identity.domain.matching.PairwiseAccuracy.of(people, profiles);
        assertThat(accuracy.f1()).as(accuracy.toString()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void refusesAnUnknownMappingAndAFileThatLacksTheMappingsColumns() throws Exception {
        Path file = write("export.csv", "rec_id,given_name\nrec-1,anna\n");

        assertThatThrownBy(() -> imports.start(ImportType.CUSTOMERS, file, "export.csv", "no-such-mapping"))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("febrl");
        assertThatThrownBy(() -> imports.start(ImportType.CUSTOMERS, file, "export.csv", "febrl"))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("surname");
        assertThatThrownBy(() -> imports.start(ImportType.PURCHASES, file, "export.csv", "febrl"))
                .isInstanceOf(FileRejectedException.class).hasMessageContaining("customers");
    }

    @Test
    void failsAnImportWhoseShareOfBadRowsIsOverTheCeiling() throws Exception {
        Path file = write("mostly-bad.csv", "source,record_id,email\ncrm,1,a@example.de\ncrm,,b@example.de\n,3,c@example.de\n");

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "mostly-bad.csv"));

        assertThat(status.state()).isEqualTo(ImportState.FAILED);
        assertThat(status.failure()).contains("2 of 3 rows").contains("ceiling of 50.0%");
        assertThat(quarantined(status.id())).hasSize(2);
    }

    @Test
    void readsAQuotedFieldThatSpansLines() throws Exception {
        Path file = write("notes.csv", "source,record_id,first_name,note\n"
                + "crm,ml-1,Anna,\"first line\nsecond, with comma\"\ncrm,ml-2,Ben,plain\n");

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "notes.csv"));

        assertThat(status.imported()).isEqualTo(2);
        assertThat(status.quarantined()).isZero();
        assertThat(single("MATCH (r:Record {recordId: 'ml-1'}) RETURN r.attr_note AS note").get("note").asString())
                .isEqualTo("first line\nsecond, with comma");
    }

    @Test
    void aStrayQuoteCostsOnlyItsOwnLineAndEveryRowAfterItIsImported() throws Exception {
        StringBuilder csv = new StringBuilder("source,record_id,first_name,last_name,email\n");
        csv.append("crm,q-0,Anna,Schmidt,anna@example.de\n");
        csv.append("crm,q-1,\"Ben,Kaya,ben@example.de\n");                    // line 3: a quote that never closes
        for (int i = 2; i < 152; i++) {                                        // lines 4-153: more than a row may span
            csv.append("crm,q-").append(i).append(",Person,Number").append(i).append(",p").append(i).append("@example.de\n");
        }
        csv.append("crm,q-x,Eve \"the,Smith,eve@example.de\n");                // line 154: a stray quote ...
        csv.append("crm,q-152,Ida,Kern,ida@example.de\n");
        csv.append("crm,q-153,Jan,Ohm,jan@example.de\n");
        csv.append("crm,q-154,Kai,Lutz,kai@example.de\n");
        csv.append("crm,q-y,Max,Mu\"ller,max@example.de\n");                   // line 158: ... and one that seems to close it
        csv.append("crm,q-155,Lea,Vogel,lea@example.de\n");
        Path file = write("stray-quotes.csv", csv.toString());

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "stray-quotes.csv"));

        assertThat(status.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(status.read()).isEqualTo(158);
        assertThat(status.imported()).isEqualTo(155);
        List<QuarantinedRow> rejected = quarantined(status.id());
        assertThat(rejected).extracting(QuarantinedRow::row, QuarantinedRow::rawRow).containsExactly(
                tuple(3L, "crm,q-1,\"Ben,Kaya,ben@example.de"),
                tuple(154L, "crm,q-x,Eve \"the,Smith,eve@example.de"),
                tuple(158L, "crm,q-y,Max,Mu\"ller,max@example.de"));
        assertThat(rejected).allSatisfy(row -> assertThat(row.reason()).startsWith("not a valid CSV row: a quote opened in this line"));
        assertThat(rejected.getFirst().reason()).contains("not closed within 100 lines (mosaic.import.max-lines-per-row)");
        assertThat(rejected.get(1).reason()).contains("closes only in line 158");
        assertThat(rejected.get(2).reason()).contains("before the file ends");
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isEqualTo(155);
        assertThat(count("MATCH (r:Record) WHERE r.recordId IN ['q-2', 'q-151', 'q-152', 'q-155'] RETURN count(r) AS n"))
                .isEqualTo(4);
    }

    @Test
    void quarantinesARowSpanningLinesUnderItsFirstLine() throws Exception {
        Path file = write("notes.csv", "source,record_id,first_name,note\n"
                + "crm,,Anna,\"first line\nsecond line\"\ncrm,ml-2,Ben,plain\n");

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "notes.csv"));

        assertThat(status.imported()).isEqualTo(1);
        assertThat(quarantined(status.id())).extracting(QuarantinedRow::row, QuarantinedRow::rawRow)
                .containsExactly(tuple(2L, "crm,,Anna,\"first line\nsecond line\""));
    }

    @Test
    void importsARowWhoseFirstFieldStartsWithAHashSign() throws Exception {
        Path file = write("hash.csv", "record_id,source,first_name,last_name\n"
                + "#1001,crm,Anna,Schmidt\n"
                + "1002,crm,Ben,Kaya\n");

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "hash.csv"));

        assertThat(status.read()).isEqualTo(2);
        assertThat(status.imported()).isEqualTo(2);
        assertThat(single("MATCH (r:Record {recordId: '#1001'}) RETURN r.firstName AS first").get("first").asString())
                .isEqualTo("Anna");
    }

    @Test
    void refusesAFileThatIsNotUtf8FromItsBeginning() throws Exception {
        Path file = folder.resolve("latin1.csv");
        Files.write(file, "source,record_id,first_name,last_name\ncrm,1,Jürgen,Müller\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> imports.start(ImportType.CUSTOMERS, file, "latin1.csv"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("latin1.csv: not UTF-8 text: byte 0xFC in line 2")
                .hasMessageContaining("save it as UTF-8");
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isZero();
    }

    @Test
    void quarantinesARowWithBytesThatAreNotUtf8FurtherInAndAltersNothing() throws Exception {
        Path file = folder.resolve("mostly-utf8.csv");
        int rows = 0;
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("source,record_id,first_name,last_name,city\n".getBytes(StandardCharsets.UTF_8));
            // More than the beginning that is checked before the import starts.
            for (long bytes = 0; bytes < SourceFileFormat.SNIFF_BYTES + 1000; rows++) {
                byte[] row = ("crm,u-" + rows + ",Jürgen,Müller,Köln\n").getBytes(StandardCharsets.UTF_8);
                out.write(row);
                bytes += row.length;
            }
            out.write("crm,latin-1,Jürgen,Müller,Köln\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write("crm,after,Jürgen,Müller,Köln\n".getBytes(StandardCharsets.UTF_8));
        }

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "mostly-utf8.csv"));

        assertThat(status.read()).isEqualTo(rows + 2);
        assertThat(status.imported()).isEqualTo(rows + 1);
        List<QuarantinedRow> rejected = quarantined(status.id());
        assertThat(rejected).hasSize(1);
        assertThat(rejected.getFirst().row()).as("header, the good rows, then this one").isEqualTo(rows + 2);
        assertThat(rejected.getFirst().reason()).startsWith("not UTF-8: byte 0xFC at byte 14 of the line");
        assertThat(rejected.getFirst().rawRow()).startsWith("crm,latin-1,J");
        assertThat(count("MATCH (r:Record) WHERE r.lastName CONTAINS '\uFFFD' OR r.firstName CONTAINS '\uFFFD' "
                + "OR r.city CONTAINS '\uFFFD' RETURN count(r) AS n")).isZero();
        assertThat(count("MATCH (r:Record {recordId: 'latin-1'}) RETURN count(r) AS n")).isZero();
        assertThat(single("MATCH (r:Record {recordId: 'after'}) RETURN r.lastName AS last").get("last").asString())
                .isEqualTo("Müller");
    }

    /** The "each type and format": CSV, JSON Lines, and both gzip-compressed, give the same records. */
    @Test
    void importsEveryTypeAsCsvAndJsonLinesAndBothGzippedIntoTheSameRecords() throws Exception {
        java.util.Map<String, java.util.Map<String, Object>> fromCsv = null;
        for (String format : List.of("csv", "jsonl", "csv.gz", "jsonl.gz")) {
            emptyGraph();
            long sampleRows = 0;
            for (ImportType type : ImportType.values()) {
                Path sample = Path.of("..", "docs", "samples", type.code() + ".csv");
                List<SourceRow> rows = rowsOf(sample);
                Path file = folder.resolve(type.code() + "." + format);
                writeAs(format, sample, rows, file);

                ImportStatus status = awaitEnd(imports.start(type, file, file.getFileName().toString()));

                assertThat(status.state()).as(type.code() + " as " + format).isEqualTo(ImportState.COMPLETED);
                assertThat(status.quarantined()).as(type.code() + " as " + format + ": " + quarantined(status.id()))
                        .isZero();
                assertThat(status.imported()).as(type.code() + " as " + format).isEqualTo(rows.size());
                sampleRows += rows.size();
            }
            java.util.Map<String, java.util.Map<String, Object>> records = new java.util.TreeMap<>();
            driver.executableQuery("MATCH (r:Record) RETURN r.source + '/' + r.recordId AS key, properties(r) AS p")
                    .execute().records().forEach(row -> records.put(row.get("key").asString(), row.get("p").asMap()));
            assertThat(records).as(format).hasSize((int) sampleRows);
            if (fromCsv == null) {
                fromCsv = records;
            } else {
                assertThat(records).as(format + " gives the records CSV gives").isEqualTo(fromCsv);
            }
        }
    }

    @Test
    void readsJsonLinesStartingWithAByteOrderMark() throws Exception {
        Path file = write("bom.jsonl", "\uFEFF{\"source\": \"crm\", \"record_id\": \"bom-1\", \"first_name\": \"Anna\"}\n"
                + "{\"source\": \"crm\", \"record_id\": \"bom-2\", \"first_name\": \"Ben\"}\n");

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "bom.jsonl"));

        assertThat(status.imported()).as("quarantined: " + quarantined(status.id())).isEqualTo(2);
        assertThat(single("MATCH (r:Record {recordId: 'bom-1'}) RETURN r.firstName AS first").get("first").asString())
                .isEqualTo("Anna");
    }

    @Test
    void refusesJsonLinesWhoseFirstObjectLacksARequiredField() throws Exception {
        Path file = write("no-key.jsonl", "{\"source\": \"crm\", \"first_name\": \"Anna\"}\n"
                + "{\"source\": \"crm\", \"record_id\": \"k-2\", \"first_name\": \"Ben\"}\n");

        assertThatThrownBy(() -> imports.start(ImportType.CUSTOMERS, file, "no-key.jsonl"))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("no-key.jsonl: required field(s) missing from the first JSON object for type customers: "
                        + "record_id (found: source, first_name)");
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isZero();
    }

    @Test
    void quarantinesALineThatIsNotJsonNamingTheFormatAndTheProblem() throws Exception {
        Path file = write("broken.jsonl", "{\"source\": \"crm\", \"record_id\": \"j-1\"}\n"
                + "{\"source\": \"crm\", \"record_id\": \"j-2\",\n"
                + "[1, 2]\n"
                + "{\"source\": \"crm\", \"record_id\": \"j-3\"}\n"
                + "{\"source\": \"crm\", \"record_id\": \"j-4\"}\n");

        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, file, "broken.jsonl"));

        assertThat(status.imported()).isEqualTo(3);
        List<QuarantinedRow> rejected = quarantined(status.id());
        assertThat(rejected).extracting(QuarantinedRow::row).containsExactly(2L, 3L);
        assertThat(rejected.getFirst().reason()).startsWith("not valid JSON Lines: the line is not a JSON object (")
                .doesNotContain("CSV");
        assertThat(rejected.getFirst().rawRow()).isEqualTo("{\"source\": \"crm\", \"record_id\": \"j-2\",");
        assertThat(rejected.get(1).reason()).isEqualTo("not valid JSON Lines: the line is a JSON array, not a JSON object");
    }

    @Test
    void anImportBeyondTheTwoRunningIsQueuedAtOnceAndRunsWhenOneEnds() throws Exception {
        gate.close();
        ImportId third;
        try {
            ImportId first = imports.start(ImportType.CUSTOMERS, write("first.csv", customers("a", 3)), "first.csv");
            ImportId second = imports.start(ImportType.CUSTOMERS, write("second.csv", customers("b", 3)), "second.csv");
            gate.awaitHeld(2, Duration.ofSeconds(60));
            Path thirdFile = write("third.csv", customers("c", 3));

            long started = System.nanoTime();
            third = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> imports.start(ImportType.CUSTOMERS, thirdFile, "third.csv"),
                    "starting a third import must not wait for the two running ones");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(imports.status(third).orElseThrow().state()).isEqualTo(ImportState.QUEUED);
            assertThat(imports.status(first).orElseThrow().state()).isEqualTo(ImportState.RUNNING);
            assertThat(imports.status(second).orElseThrow().state()).isEqualTo(ImportState.RUNNING);
        } finally {
            gate.open();
        }
        ImportStatus status = awaitEnd(third);
        assertThat(status.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(status.imported()).isEqualTo(3);
        assertThat(count("MATCH (r:Record) RETURN count(r) AS n")).isEqualTo(9);
    }

    @Test
    void reportsRowsPerSecondAndTheTimeLeftWhileRunning() throws Exception {
        ImportId id;
        ImportStatus beforeFirstChunk;
        ImportStatus afterFirstChunk;
        gate.close();
        try {
            id = imports.start(ImportType.CUSTOMERS, write("rate.csv", customers("r", 1200)), "rate.csv");
            gate.awaitArrivals(1, Duration.ofSeconds(60));
            beforeFirstChunk = imports.status(id).orElseThrow();
            gate.letThrough(1);
            gate.awaitArrivals(2, Duration.ofSeconds(60));
            afterFirstChunk = imports.status(id).orElseThrow();
        } finally {
            gate.open();
        }
        ImportStatus done = awaitEnd(id);

        assertThat(beforeFirstChunk.state()).isEqualTo(ImportState.RUNNING);
        assertThat(beforeFirstChunk.rowsPerSecond()).as("nothing committed yet").isNull();
        assertThat(beforeFirstChunk.etaSeconds()).isNull();
        assertThat(afterFirstChunk.read()).isEqualTo(500);
        assertThat(afterFirstChunk.expectedRows()).isEqualTo(1200);
        assertThat(afterFirstChunk.rowsPerSecond()).isPositive();
        assertThat(afterFirstChunk.etaSeconds()).isNotNull()
                .isEqualTo((long) Math.ceil(700 / afterFirstChunk.rowsPerSecond()));
        assertThat(done.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(done.rowsPerSecond()).as("the run's average").isPositive();
        assertThat(done.etaSeconds()).isNull();
    }

    @Test
    void restartsAnImportOnlyUnderTheMappingItStartedWith() throws Exception {
        Path mappings = Files.createDirectories(Path.of(DATA_DIR, "mappings"));
        Path mappingFile = mappings.resolve("kasse.yml");
        String mapping = """
                type: customers
                fields:
                  source: { constant: kasse }
                  record_id: kundennummer
                  first_name: vorname
                """;
        Files.writeString(mappingFile, mapping);
        StringBuilder rows = new StringBuilder("kundennummer,vorname,nachname\n");
        for (int i = 0; i < 1200; i++) {
            rows.append("k-").append(i).append(",Vorname").append(i).append(",Nachname").append(i).append('\n');
        }
        Path file = write("kasse.csv", rows.toString());
        ImportId id;
        gate.close();
        try {
            id = imports.start(ImportType.CUSTOMERS, file, "kasse.csv", "kasse");
            gate.awaitHeld(1, Duration.ofSeconds(60));
            jobOperator.stop(jobRepository.getJobExecution(id.value()));
        } finally {
            gate.open();
        }
        // Spring Batch marks the execution stopped at once; the import is reported running until the chunk under way
        // has committed, so what it read is final once it reports stopped.
        ImportStatus stopped = awaitEnd(id);
        assertThat(stopped.state()).isEqualTo(ImportState.STOPPED);
        assertThat(stopped.read()).isLessThan(1200);

        Files.writeString(mappingFile, mapping.replace("first_name: vorname", "last_name: vorname"));
        jobOperator.restart(jobRepository.getLastJobExecution(jobRepository.getJobExecution(id.value()).getJobInstance()));
        ImportStatus refused = awaitEnd(id);

        assertThat(refused.state()).isEqualTo(ImportState.FAILED);
        assertThat(refused.failure()).contains("mapping 'kasse' (" + mappingFile).contains("has changed since the import started");
        // What the stopped run committed, not what its status said at the moment it stopped: Spring Batch's stop
        // writes the step's context as the stopping thread saw it, and the chunk under way may commit after that.
        assertThat(refused.read()).as("the refused restart read nothing more")
                .isEqualTo(count("MATCH (r:Record {source: 'kasse'}) RETURN count(r) AS n"));
        assertThat(count("MATCH (r:Record {source: 'kasse'}) WHERE r.lastName IS NOT NULL RETURN count(r) AS n"))
                .as("no row read under the changed mapping").isZero();
        Files.delete(mappingFile);
    }

    @Test
    void deletesAFileHandedOverOnceItsImportHasEndedAndKeepsTheCallersOwn() throws Exception {
        Path upload = write("upload.csv", customers("up", 2));
        Path failing = write("failing.csv", "source,record_id,email\ncrm,1,a@example.de\ncrm,,b@example.de\n,3,c@example.de\n");
        Path own = write("own.csv", customers("own", 2));

        ImportStatus uploaded = awaitEnd(imports.start(ImportType.CUSTOMERS, upload, "upload.csv", null,
                ResolutionTiming.INCREMENTAL, SourceFileAfterImport.DELETE));
        ImportStatus failed = awaitEnd(imports.start(ImportType.CUSTOMERS, failing, "failing.csv", null,
                ResolutionTiming.INCREMENTAL, SourceFileAfterImport.DELETE));
        ImportStatus kept = awaitEnd(imports.start(ImportType.CUSTOMERS, own, "own.csv"));

        assertThat(uploaded.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(failed.state()).isEqualTo(ImportState.FAILED);
        assertThat(kept.state()).isEqualTo(ImportState.COMPLETED);
        assertThat(upload).doesNotExist();
        assertThat(failing).doesNotExist();
        assertThat(own).exists();
    }

    @Test
    void pagesThroughTheQuarantineInLineOrder() throws Exception {
        StringBuilder csv = new StringBuilder("source,record_id,first_name\n");
        for (int i = 0; i < 30; i++) {
            csv.append("crm,p-").append(i).append(",Anna\n").append("crm,,Nobody").append(i).append('\n');
        }
        ImportStatus status = awaitEnd(imports.start(ImportType.CUSTOMERS, write("pages.csv", csv.toString()), "pages.csv"));

        QuarantinePage first = imports.quarantine(status.id(), 0, 20);
        QuarantinePage last = imports.quarantine(status.id(), 20, 20);

        assertThat(first.total()).isEqualTo(30);
        assertThat(first.rows()).hasSize(20).extracting(QuarantinedRow::row).startsWith(3L, 5L, 7L);
        assertThat(last.rows()).hasSize(10).extracting(QuarantinedRow::row).endsWith(61L);
        assertThat(last.offset()).isEqualTo(20);
    }

    private static String customers(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("source,record_id,first_name,last_name,email\n");
        for (int i = 0; i < rows; i++) {
            csv.append("crm,").append(prefix).append('-').append(i).append(",Person,").append(prefix).append("Number")
                    .append(i).append(',').append(prefix).append(i).append("@example.de\n");
        }
        return csv.toString();
    }

    /** The rows of a CSV file as Mosaic reads them. */
    private static List<SourceRow> rowsOf(Path csv) throws Exception {
        SourceRowReader reader = new SourceRowReader(new org.springframework.core.io.FileSystemResource(csv), false,
                SourceRowReader.Limits.DEFAULTS);
        reader.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        List<SourceRow> rows = new java.util.ArrayList<>();
        for (SourceRow row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        reader.close();
        return rows;
    }

    private static void writeAs(String format, Path csv, List<SourceRow> rows, Path target) throws IOException {
        byte[] content;
        if (format.startsWith("jsonl")) {
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            StringBuilder lines = new StringBuilder();
            for (SourceRow row : rows) {
                lines.append(json.writeValueAsString(row.fields())).append('\n');
            }
            content = lines.toString().getBytes(StandardCharsets.UTF_8);
        } else {
            content = Files.readAllBytes(csv);
        }
        if (format.endsWith(".gz")) {
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(target))) {
                out.write(content);
            }
        } else {
            Files.write(target, content);
        }
    }

    private List<QuarantinedRow> quarantined(ImportId id) {
        return imports.quarantine(id, 0, 10_000).rows();
    }

    private org.neo4j.driver.Record single(String query) {
        return driver.executableQuery(query).execute().records().getFirst();
    }

    private ImportStatus awaitEnd(ImportId id) throws InterruptedException {
        return awaitEnd(id, 60);
    }

    private ImportStatus awaitEnd(ImportId id, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            ImportStatus status = imports.status(id).orElseThrow();
            if (status.state() != ImportState.RUNNING && status.state() != ImportState.QUEUED) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish within " + seconds + " s");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private long count(String query) {
        return driver.executableQuery(query).execute().records().getFirst().get("n").asLong();
    }
}
