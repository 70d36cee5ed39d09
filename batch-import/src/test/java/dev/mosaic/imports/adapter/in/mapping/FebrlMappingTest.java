package dev.mosaic.imports.adapter.in.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;

import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.MappedRow;

/** The bundled febrl mapping against the Febrl file itself (read from ../shared/datasets, never copied in). */
class FebrlMappingTest {

    private static final int ROWS = 200;

    @Test
    void mapsTheFebrlFileOntoCustomers() throws IOException {
        Path file = febrlDataset3();
        ImportMapping mapping = new YamlImportMappings(null).find("febrl").orElseThrow();
        DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer();

        List<String> header;
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = Stream.of(tokenizer.tokenize(reader.readLine()).getValues())
                    .map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
            String line;
            while (rows.size() < ROWS && (line = reader.readLine()) != null) {
                String[] values = tokenizer.tokenize(line).getValues();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), values[i]);
                }
                rows.add(row);
            }
        }
        List<MappedRow> mapped = rows.stream().map(mapping::apply).toList();

        assertThat(mapping.type()).isEqualTo(ImportType.CUSTOMERS);
        assertThat(mapping.missingSourceColumns(header)).isEmpty();
        assertThat(mapped).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            Map<String, String> source = rows.get(i);
            MappedRow row = mapped.get(i);
            assertThat(row.fields()).as("row %d", i + 1)
                    .containsEntry("source", "febrl")
                    .containsEntry("record_id", source.get("rec_id").strip())
                    .containsEntry("country", "AU")
                    .doesNotContainKeys("rec_id", "given_name", "surname", "street_number", "address_1", "suburb",
                            "postcode", "date_of_birth");
            assertThat(row.fields().get("record_id")).matches("rec-\\d+-(org|dup-\\d+)");
            assertThat(row.fields().values()).as("row %d is trimmed", i + 1)
                    .allSatisfy(value -> assertThat(value).isEqualTo(value.strip()).isNotEmpty());
            assertBirthDateIsIsoOrKeptRawWithAProblem(source.get("date_of_birth").strip(), row);
            assertPassedThrough(source, row, "address_2", "state", "soc_sec_id");
        }
        assertThat(mapped).as("dataset3 has invalid dates early on, e.g. 19551192")
                .anySatisfy(row -> assertThat(row.fields()).containsKey("birth_date_raw"));

        assertThat(mapped.getFirst().fields()).containsExactly(
                Map.entry("source", "febrl"),
                Map.entry("record_id", "rec-1496-org"),
                Map.entry("first_name", "mitchell"),
                Map.entry("last_name", "green"),
                Map.entry("street", "7 wallaby place"),
                Map.entry("postal_code", "2119"),
                Map.entry("city", "cleveland"),
                Map.entry("country", "AU"),
                Map.entry("birth_date", "1956-04-09"),
                Map.entry("address_2", "delmar"),
                Map.entry("state", "sa"),
                Map.entry("soc_sec_id", "1804974"));
    }

    private static void assertBirthDateIsIsoOrKeptRawWithAProblem(String given, MappedRow row) {
        if (given.isEmpty()) {
            assertThat(row.fields()).doesNotContainKeys("birth_date", "birth_date_raw");
        } else if (row.fields().containsKey("birth_date")) {
            assertThat(row.fields().get("birth_date")).matches("\\d{4}-\\d{2}-\\d{2}")
                    .isEqualTo(given.substring(0, 4) + "-" + given.substring(4, 6) + "-" + given.substring(6));
        } else {
            assertThat(row.fields()).containsEntry("birth_date_raw", given);
            assertThat(row.problems()).containsExactly("birth_date: '" + given
                    + "' in column date_of_birth does not match date format yyyyMMdd");
        }
    }

    private static void assertPassedThrough(Map<String, String> source, MappedRow row, String... columns) {
        for (String column : columns) {
            String value = source.get(column).strip();
            assertThat(row.field(column)).isEqualTo(value.isEmpty() ? Optional.empty() : Optional.of(value));
        }
    }

    /** The shared datasets sit beside the project; tests run in the module folder, builds elsewhere may differ. */
    private static Path febrlDataset3() {
        Optional<Path> found = Stream.of("../../shared/datasets", "../shared/datasets")
                .map(folder -> Path.of(folder, "febrl", "dataset3.csv"))
                .filter(Files::isRegularFile)
                .findFirst();
        Assumptions.assumeTrue(found.isPresent(), "Febrl dataset3.csv not found under ../shared/datasets (relative "
                + "to the project root, " + Path.of("").toAbsolutePath() + "); skipping the Febrl mapping test");
        return found.orElseThrow();
    }
}
