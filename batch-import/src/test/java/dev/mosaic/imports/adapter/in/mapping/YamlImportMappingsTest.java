package dev.mosaic.imports.adapter.in.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.mapping.ImportMapping;
import dev.mosaic.imports.domain.mapping.InvalidMappingException;
import dev.mosaic.imports.domain.mapping.MappedRow;

class YamlImportMappingsTest {

    @TempDir
    Path dataMappings;

    private YamlImportMappings mappings() {
        return new YamlImportMappings(dataMappings);
    }

    private Path write(String fileName, String yaml) throws IOException {
        return Files.writeString(dataMappings.resolve(fileName), yaml);
    }

    private static Map<String, String> row(String... columnsAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void offersTheBundledFebrlMapping() {
        YamlImportMappings mappings = mappings();

        assertThat(mappings.names()).contains("febrl");
        assertThat(mappings.find(" FEBRL ")).get().extracting(ImportMapping::type).isEqualTo(ImportType.CUSTOMERS);
    }

    @Test
    void everyBundledMappingIsValid() {
        YamlImportMappings mappings = new YamlImportMappings(null);

        assertThat(mappings.names()).isNotEmpty()
                .allSatisfy(name -> assertThat(mappings.find(name)).isPresent());
    }

    @Test
    void fileInTheDataFolderOverridesTheBundledMapping() throws IOException {
        write("febrl.yml", """
                type: customers
                fields:
                  source: { constant: febrl-local }
                  record_id: rec_id
                """);

        YamlImportMappings mappings = mappings();
        MappedRow mapped = mappings.find("febrl").orElseThrow().apply(row("rec_id", "rec-1-org"));

        assertThat(mapped.fields()).containsExactly(entry("source", "febrl-local"), entry("record_id", "rec-1-org"));
        assertThat(mappings.names()).containsOnlyOnce("febrl");
    }

    @Test
    void usesAMappingAddedToTheDataFolderWithoutARestart() throws IOException {
        YamlImportMappings mappings = mappings();
        assertThat(mappings.find("webshop")).isEmpty();

        write("Webshop.yaml", """
                type: customers
                fields:
                  record_id: kundennummer
                """);

        assertThat(mappings.names()).contains("webshop");
        assertThat(mappings.find("webshop")).isPresent();
    }

    @Test
    void readsEveryOperation() throws IOException {
        write("webshop.yml", """
                # The webshop's customer export.
                type: customers
                trim: true
                fields:
                  source:        { constant: webshop }
                  record_id:     Kundennummer
                  first_name:    { split_name: kunde, part: first }
                  last_name:     { split_name: kunde, part: last }
                  birth_date:    { column: geburtsdatum, date_format: dd.MM.yyyy }
                  consent_email: { column: newsletter, values: { J: "true", N: "false" } }
                  consent_sms:   { column: sms, values: { yes: true, no: false, "?": ~ } }
                  street:        { concat: [strasse, hausnummer] }
                  city:          { column: ort }
                  postal_code:   { concat: [land, plz], separator: "-" }
                """);

        MappedRow mapped = mappings().find("webshop").orElseThrow().apply(row(
                "kundennummer", " 0042 ", "kunde", "Müller, Hans", "geburtsdatum", "09.04.1956", "newsletter", "j",
                "sms", "?", "strasse", "Hauptstraße", "hausnummer", "5a", "ort", "Köln", "land", "D", "plz", "50667",
                "kundengruppe", "gold"));

        assertThat(mapped.fields()).containsExactly(
                entry("source", "webshop"),
                entry("record_id", "0042"),
                entry("first_name", "Hans"),
                entry("last_name", "Müller"),
                entry("birth_date", "1956-04-09"),
                entry("consent_email", "true"),
                entry("street", "Hauptstraße 5a"),
                entry("city", "Köln"),
                entry("postal_code", "D-50667"),
                entry("kundengruppe", "gold"));
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void readsYesNoAndLeadingZerosAsText() throws IOException {
        write("flags.yml", """
                type: customers
                fields:
                  record_id: id
                  loyalty_id: { constant: 0049 }
                  consent_sms: { column: sms, values: { yes: on, no: off } }
                """);

        MappedRow mapped = mappings().find("flags").orElseThrow().apply(row("id", "1", "sms", "No"));

        assertThat(mapped.fields()).contains(entry("loyalty_id", "0049"), entry("consent_sms", "off"));
    }

    @Test
    void refusesAMappingThatTargetsAnUnknownField() throws IOException {
        Path file = write("webshop.yml", """
                type: customers
                fields:
                  record_id: id
                  birthday: { column: dob, date_format: yyyyMMdd }
                """);

        assertThatThrownBy(() -> mappings().find("webshop"))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageStartingWith(file + ": field birthday is not a customers column; the customers columns are: "
                        + "source, record_id");
    }

    @Test
    void namesTheFileAndTheUnknownOperation() throws IOException {
        Path file = write("webshop.yml", """
                type: customers
                fields:
                  email: { column: mail, lowercase: true }
                """);

        assertThatThrownBy(() -> mappings().find("webshop"))
                .hasMessageStartingWith(file + ": field email: unknown operation 'lowercase'; a field takes one of "
                        + "column, constant, concat, split_name");
    }

    @Test
    void namesTheFileWhenAColumnNameIsMissing() throws IOException {
        Path file = write("webshop.yml", """
                type: customers
                fields:
                  record_id:
                  city: { column: "" }
                """);

        assertThatThrownBy(() -> mappings().find("webshop"))
                .hasMessage(file + ": field record_id: the source column name is missing");
    }

    @Test
    void refusesAnOptionThatDoesNotGoWithTheOperation() throws IOException {
        write("webshop.yml", """
                type: customers
                fields:
                  record_id: { column: id, separator: "-" }
                """);

        assertThatThrownBy(() -> mappings().find("webshop"))
                .hasMessageEndingWith("field record_id: 'separator' does not go with column");
    }

    @Test
    void refusesAFieldWithTwoSources() throws IOException {
        write("webshop.yml", """
                type: customers
                fields:
                  source: { column: system, constant: webshop }
                """);

        assertThatThrownBy(() -> mappings().find("webshop"))
                .hasMessageEndingWith("field source: say where its value comes from with exactly one of column, "
                        + "constant, concat, split_name; found column and constant");
    }

    @Test
    void refusesAnUnknownType() throws IOException {
        write("webshop.yml", """
                type: customer
                fields:
                  record_id: id
                """);

        assertThatThrownBy(() -> mappings().find("webshop"))
                .hasMessageEndingWith("type 'customer' is not an import type; use one of customers, purchases, "
                        + "tickets, campaign_responses, social_interactions");
    }

    @Test
    void reportsBrokenYamlWithItsLine() throws IOException {
        Path file = write("webshop.yml", """
                type: customers
                fields:
                  city: ort
                  city: stadt
                """);

        assertThatThrownBy(() -> mappings().find("webshop"))
                .hasMessageStartingWith(file + ": not valid YAML: found duplicate key city")
                .hasMessageContaining("line 4");
    }

    @Test
    void refusesANameKeyBecauseTheFileNamesTheMapping() throws IOException {
        write("webshop.yml", """
                name: shop
                type: customers
                fields:
                  record_id: id
                """);

        assertThatThrownBy(() -> mappings().find("webshop"))
                .hasMessageEndingWith("unknown key 'name': a mapping is named after its file (webshop)");
    }

    @Test
    void aBrokenFileFailsOnlyTheMappingItDefines() throws IOException {
        write("broken.yml", "type: [");

        YamlImportMappings mappings = mappings();

        assertThat(mappings.find("febrl")).isPresent();
        assertThatThrownBy(() -> mappings.find("broken")).isInstanceOf(InvalidMappingException.class)
                .hasMessageContaining("broken.yml: not valid YAML");
    }

    @Test
    void findsNothingForANameThatIsNoMappingFile() throws IOException {
        Files.writeString(dataMappings.getParent().resolve("outside.yml"), "type: customers\nfields:\n  city: x\n");

        assertThat(mappings().find("../outside")).isEmpty();
        assertThat(mappings().find("missing")).isEmpty();
        assertThat(mappings().find(null)).isEmpty();
    }

    @Test
    void worksWithoutADataFolder() {
        YamlImportMappings mappings = new YamlImportMappings(dataMappings.resolve("not-there"));

        assertThat(mappings.names()).contains("febrl");
    }

    @Test
    void requiredSourceColumnsComeFromTheFile() throws IOException {
        write("partial.yml", """
                type: customers
                fields:
                  first_name: vorname
                  street: { concat: [strasse, hausnummer] }
                """);

        ImportMapping mapping = mappings().find("partial").orElseThrow();

        assertThat(mapping.requiredSourceColumns())
                .containsExactly("vorname", "strasse", "hausnummer", "source", "record_id");
        assertThat(mapping.missingSourceColumns(List.of("source", "record_id", "vorname", "strasse")))
                .containsExactly("hausnummer");
    }

    @Test
    void aMappingsFingerprintChangesWithWhatItDoesNotWithCommentsOrOrder() {
        String mapping = """
                type: customers
                fields:
                  source: { constant: kasse }
                  record_id: kundennummer
                  consent_email: { column: newsletter, values: { J: "true", N: "false" } }
                """;
        String sameMeaning = """
                # the till's export
                type: customers
                fields:
                  consent_email: { column: newsletter, values: { N: "false", J: "true" } }
                  record_id:   kundennummer
                  source: { constant: kasse }   # it does not name itself
                """;
        String otherColumn = mapping.replace("record_id: kundennummer", "record_id: kunde");

        String fingerprint = MappingYaml.read("kasse", mapping).fingerprint();

        assertThat(MappingYaml.read("kasse", sameMeaning).fingerprint()).isEqualTo(fingerprint);
        assertThat(MappingYaml.read("kasse", otherColumn).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(MappingYaml.read("kasse", mapping.replace("N: \"false\"", "N: \"\"")).fingerprint())
                .isNotEqualTo(fingerprint);
    }
}
