package dev.mosaic.imports.domain.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mosaic.imports.domain.ImportType;

class ImportMappingTest {

    private static ImportMapping customers(FieldRule... rules) {
        return new ImportMapping("test", ImportType.CUSTOMERS, List.of(rules), true);
    }

    private static Map<String, String> row(String... columnsAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void renamesAColumnToACanonicalField() {
        MappedRow mapped = customers(new FieldRule.Rename("record_id", "Kundennummer"))
                .apply(row("kundennummer", "K-42"));

        assertThat(mapped.fields()).containsExactly(entry("record_id", "K-42"));
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void fillsAConstantInEveryRow() {
        ImportMapping mapping = customers(new FieldRule.Constant("source", "webshop"),
                new FieldRule.Rename("record_id", "id"));

        assertThat(mapping.apply(row("id", "1")).fields()).containsEntry("source", "webshop");
        assertThat(mapping.apply(row("id", "")).fields()).containsExactly(entry("source", "webshop"));
    }

    @ParameterizedTest(name = "{0} -> first ''{1}'', last ''{2}''")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Hans Müller               | Hans          | Müller",
            "Müller, Hans              | Hans          | Müller",
            "  Anna   Maria Schmidt    | Anna Maria    | Schmidt",
            "Jan van der Berg          | Jan           | van der Berg",
            "Ludwig van Beethoven      | Ludwig        | van Beethoven",
            "Martin Luther King Jr.    | Martin Luther | King Jr.",
            "Van Morrison              | Van           | Morrison",
            "Cher                      | Cher          | -",
            "Berg,                     | -             | Berg",
            "Frau Schmidt              | -             | Schmidt",
            "Herr Dr. Hans Müller      | Hans          | Müller",
            "Mrs Smith, Jane           | Jane          | Smith",
            "M. Dupont                 | M.            | Dupont"})
    void splitsAFullNameIntoFirstAndLastName(String fullName, String first, String last) {
        MappedRow mapped = customers(new FieldRule.SplitName("first_name", "name", NamePart.FIRST),
                new FieldRule.SplitName("last_name", "name", NamePart.LAST))
                .apply(row("name", fullName));

        assertThat(mapped.field("first_name")).isEqualTo(Optional.ofNullable(first));
        assertThat(mapped.field("last_name")).isEqualTo(Optional.ofNullable(last));
        assertThat(mapped.fields()).doesNotContainKey("name");
    }

    @ParameterizedTest(name = "{1} in {0} -> {2}")
    @CsvSource({
            "yyyyMMdd,   19560409,   1956-04-09",
            "dd.MM.yyyy, 09.04.1956, 1956-04-09",
            "d.M.yyyy,   9.4.1956,   1956-04-09",
            "MM/dd/yyyy, 04/09/1956, 1956-04-09",
            "dd MMM yyyy, 09 apr 1956, 1956-04-09"})
    void reformatsADateToIso(String pattern, String given, String iso) {
        MappedRow mapped = customers(new FieldRule.DateFormat("birth_date", "dob", pattern)).apply(row("dob", given));

        assertThat(mapped.fields()).containsExactly(entry("birth_date", iso));
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void keepsTheRawValueWhenADateDoesNotParse() {
        MappedRow mapped = customers(new FieldRule.Rename("record_id", "rec_id"),
                new FieldRule.DateFormat("birth_date", "date_of_birth", "yyyyMMdd"))
                .apply(row("rec_id", "rec-1", "date_of_birth", "19561304"));

        assertThat(mapped.fields()).containsExactly(entry("record_id", "rec-1"), entry("birth_date_raw", "19561304"));
        assertThat(mapped.problems()).containsExactly(
                "birth_date: '19561304' in column date_of_birth does not match date format yyyyMMdd");
    }

    @Test
    void refusesADayThatTheMonthDoesNotHave() {
        ImportMapping mapping = customers(new FieldRule.DateFormat("birth_date", "dob", "dd.MM.yyyy"));

        assertThat(mapping.apply(row("dob", "31.02.2024")).fields()).containsExactly(entry("birth_date_raw", "31.02.2024"));
        assertThat(mapping.apply(row("dob", "29.02.2024")).fields()).containsExactly(entry("birth_date", "2024-02-29"));
    }

    @Test
    void mapsValuesIgnoringCaseAndSurroundingSpace() {
        ImportMapping mapping = customers(new FieldRule.ValueMap("consent_email", "newsletter",
                Map.of("J", "true", "N", "false")));

        assertThat(mapping.apply(row("newsletter", " j ")).fields()).containsExactly(entry("consent_email", "true"));
        assertThat(mapping.apply(row("newsletter", "N")).fields()).containsExactly(entry("consent_email", "false"));
    }

    @Test
    void keepsAValueTheMapDoesNotListWithAProblem() {
        MappedRow mapped = customers(new FieldRule.ValueMap("consent_sms", "sms_ok",
                new LinkedHashMap<>(Map.of("J", "true"))))
                .apply(row("sms_ok", "vielleicht"));

        assertThat(mapped.fields()).containsExactly(entry("consent_sms_raw", "vielleicht"));
        assertThat(mapped.problems()).containsExactly(
                "consent_sms: 'vielleicht' in column sms_ok is not one of the mapped values J");
    }

    @Test
    void aValueMappedToNothingIsUnknown() {
        MappedRow mapped = customers(new FieldRule.ValueMap("consent_sms", "sms_ok", Map.of("?", "", "J", "true")))
                .apply(row("sms_ok", "?"));

        assertThat(mapped.fields()).isEmpty();
        assertThat(mapped.problems()).isEmpty();
    }

    @Test
    void concatenatesColumnsLeavingEmptyOnesOut() {
        ImportMapping mapping = customers(new FieldRule.Concat("street", List.of("street_number", "address_1"), null));

        assertThat(mapping.apply(row("street_number", "7", "address_1", "wallaby place")).fields())
                .containsExactly(entry("street", "7 wallaby place"));
        assertThat(mapping.apply(row("street_number", "", "address_1", "wallaby place")).fields())
                .containsExactly(entry("street", "wallaby place"));
        assertThat(mapping.apply(row("street_number", " ", "address_1", "")).fields()).isEmpty();
    }

    @Test
    void concatenatesWithTheGivenSeparator() {
        MappedRow mapped = customers(new FieldRule.Concat("street", List.of("strasse", "hausnummer"), ", "))
                .apply(row("strasse", "Hauptstraße", "hausnummer", "5a"));

        assertThat(mapped.fields()).containsExactly(entry("street", "Hauptstraße, 5a"));
    }

    @Test
    void trimsValuesBeforeTheRulesSeeThem() {
        MappedRow mapped = customers(new FieldRule.Rename("first_name", "given_name"))
                .apply(row(" Given_Name ", " mitchell", "state", " sa "));

        assertThat(mapped.fields()).containsExactly(entry("first_name", "mitchell"), entry("state", "sa"));
    }

    @Test
    void keepsValuesAsGivenWhenTrimmingIsOff() {
        ImportMapping mapping = new ImportMapping("padded", ImportType.CUSTOMERS,
                List.of(new FieldRule.Rename("loyalty_id", "card")), false);

        assertThat(mapping.apply(row("card", "  0042", "note", " x ")).fields())
                .containsExactly(entry("loyalty_id", "  0042"), entry("note", " x "));
    }

    @Test
    void passesColumnsNoRuleReadsThroughUnchanged() {
        MappedRow mapped = customers(new FieldRule.Rename("record_id", "rec_id"))
                .apply(row("rec_id", "1", "soc_sec_id", "1804974", "state", "sa", "email", "a@example.org",
                        "empty", " "));

        assertThat(mapped.fields()).containsExactly(entry("record_id", "1"), entry("soc_sec_id", "1804974"),
                entry("state", "sa"), entry("email", "a@example.org"));
    }

    @Test
    void keepsAFileColumnNamedLikeAMappedFieldUnderAnotherName() {
        ImportMapping mapping = customers(new FieldRule.Rename("city", "suburb"));

        assertThat(mapping.apply(row("suburb", "cleveland", "city", "brisbane")).fields())
                .containsExactly(entry("city", "cleveland"), entry("city_original", "brisbane"));
        assertThat(mapping.apply(row("suburb", "", "city", "brisbane")).fields())
                .containsExactly(entry("city_original", "brisbane"));
    }

    @Test
    void requiredSourceColumnsNameWhatTheFileMustHave() {
        ImportMapping mapping = customers(new FieldRule.Constant("source", "shop"),
                new FieldRule.SplitName("first_name", "Full_Name", NamePart.FIRST),
                new FieldRule.SplitName("last_name", "full_name", NamePart.LAST),
                new FieldRule.Concat("street", List.of("house_no", "street_name"), " "),
                new FieldRule.DateFormat("birth_date", "dob", "dd.MM.yyyy"));

        // record_id is required and no rule fills it, so the file must bring it under its canonical name.
        assertThat(mapping.requiredSourceColumns())
                .containsExactly("full_name", "house_no", "street_name", "dob", "record_id");
        assertThat(mapping.missingSourceColumns(List.of("Record_ID", "full_name", "dob", "street_name", "extra")))
                .containsExactly("house_no");
    }

    @Test
    void refusesAMappingThatTargetsAnUnknownField() {
        assertThatThrownBy(() -> customers(new FieldRule.Rename("birthday", "dob")))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageStartingWith("field birthday is not a customers column; the customers columns are: source, "
                        + "record_id, first_name");
    }

    @Test
    void validatesFieldsAgainstTheColumnsOfItsType() {
        ImportMapping purchases = new ImportMapping("till", ImportType.PURCHASES,
                List.of(new FieldRule.Rename("sku", "artikel")), true);

        assertThat(purchases.apply(row("artikel", "A-1")).fields()).containsExactly(entry("sku", "A-1"));
        assertThatThrownBy(() -> customers(new FieldRule.Rename("sku", "artikel")))
                .hasMessageStartingWith("field sku is not a customers column");
    }

    @Test
    void refusesAFieldMappedTwice() {
        assertThatThrownBy(() -> customers(new FieldRule.Rename("city", "ort"), new FieldRule.Rename("city", "town")))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessage("field city is mapped twice");
    }

    @Test
    void refusesADateFormatThatIsNotAWholeDate() {
        assertThatThrownBy(() -> new FieldRule.DateFormat("birth_date", "dob", "yyyyMM"))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessageStartingWith("field birth_date: 'yyyyMM' is not a date format with year, month and day");
        assertThatThrownBy(() -> new FieldRule.DateFormat("birth_date", "dob", "yyyy-MM-dd HH:mm"))
                .isInstanceOf(InvalidMappingException.class);
        assertThatThrownBy(() -> new FieldRule.DateFormat("birth_date", "dob", "qqq{"))
                .isInstanceOf(InvalidMappingException.class);
    }

    @Test
    void refusesARuleWithoutAColumn() {
        assertThatThrownBy(() -> new FieldRule.Rename("record_id", " "))
                .isInstanceOf(InvalidMappingException.class)
                .hasMessage("field record_id: the source column name is missing");
    }
}
