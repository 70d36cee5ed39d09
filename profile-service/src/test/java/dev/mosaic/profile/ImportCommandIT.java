package dev.mosaic.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code ./mosaic import} as a user runs it: scripts/ImportCommand.java run by the JDK against a Mosaic on the real
 * stores, its output read as the user reads it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportCommandIT {

    private static final String KEY = "it-cli-key";
    private static final Path COMMAND = Path.of("..", "scripts", "ImportCommand.java");

    @TempDir
    static Path dataDir;
    @TempDir
    Path folder;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.register(registry, dataDir, KEY);
    }

    @LocalServerPort
    int port;

    @Test
    void importsAFileShowingTheServersProgressAndPrintsTheQuarantinedRowsWithHowToListThemAll() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("source,record_id,first_name,last_name,email\n");
        for (int i = 0; i < 120; i++) {
            // Rows 0, 2, 4, ... up to 108 have no record id: 55 bad rows, more than the 50 printed.
            String recordId = i % 2 == 0 && i < 110 ? "" : suffix + "-" + i;
            csv.append("cli,").append(recordId).append(",Carla,Cli").append(i).append(",carla.").append(suffix).append('.')
                    .append(i).append("@example.de\n");
        }
        Path file = Files.writeString(folder.resolve("cli-export.csv"), csv.toString());

        Run imported = run("--type", "customers", "--url", "http://localhost:" + port, file.toString());

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        Matcher started = Pattern.compile("Import (\\d+) of cli-export.csv \\(customers\\) started").matcher(imported.output());
        assertThat(started.find()).as(imported.output()).isTrue();
        String importId = started.group(1);
        assertThat(imported.output()).contains("120/120 rows").containsPattern("[\\d,]+ rows/s")
                .contains("COMPLETED: 120 read, 65 imported, 0 updated, 0 unchanged, 55 quarantined")
                .contains("Quarantined rows:\n  cli-export.csv, line 2: field record_id: ")
                .contains("      cli,,Carla,Cli0,carla." + suffix + ".0@example.de\n")
                .contains("  cli-export.csv, line 100: ")
                .doesNotContain("line 102:")
                .contains("... and 5 more; list them all with: ./mosaic import --quarantine " + importId);

        Run all = run("--quarantine", importId, "--url", "http://localhost:" + port);

        assertThat(all.exitCode()).as(all.output()).isZero();
        assertThat(Pattern.compile("^  cli-export.csv, line \\d+: ", Pattern.MULTILINE).matcher(all.output()).results())
                .hasSize(55);
        assertThat(all.output()).contains("  cli-export.csv, line 110: ")
                .contains("      cli,,Carla,Cli108,carla." + suffix + ".108@example.de\n")
                .endsWith("55 quarantined row(s) of import " + importId + "\n");
    }

    @Test
    void saysWhyARefusedFileWasNotImported() throws Exception {
        Path file = Files.writeString(folder.resolve("contacts.csv"), "name;mail\nAnna;a@b.de\n");

        Run refused = run("--type", "customers", "--url", "http://localhost:" + port, file.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("contacts.csv was not imported (400): contacts.csv: required column(s) "
                + "missing from the header for type customers: source, record_id");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                COMMAND.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MOSAIC_API_KEY", KEY);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
