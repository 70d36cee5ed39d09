package dev.mosaic.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosaicDataGeneratorTest {

    private static final Set<String> PLACEHOLDERS = Set.of("noemail@store.example", "kunde@store.example",
            "none@none.com", "test@test.de", "keine@angabe.de");

    @TempDir
    static Path shared;

    private static GenerationReport report;
    private static final Map<OutputFile, List<Map<String, String>>> RECORDS = new EnumMap<>(OutputFile.class);
    /** "source/record_id" → person_id */
    private static final Map<String, String> TRUTH = new HashMap<>();

    @BeforeAll
    static void generateOnce() throws IOException {
        report = MosaicDataGenerator.generate(GeneratorSettings.people(3_000), shared);
        for (OutputFile file : OutputFile.values()) {
            RECORDS.put(file, CsvReader.records(shared.resolve(file.fileName(false))));
        }
        for (Map<String, String> row : RECORDS.get(OutputFile.GROUND_TRUTH)) {
            TRUTH.put(row.get("source") + "/" + row.get("record_id"), row.get("person_id"));
        }
    }

    private static String person(Map<String, String> record) {
        return TRUTH.get(record.get("source") + "/" + record.get("record_id"));
    }

    private static List<Map<String, String>> allRecords() {
        List<Map<String, String>> all = new ArrayList<>();
        RECORDS.forEach((file, rows) -> {
            if (file.holdsRecords()) {
                all.addAll(rows);
            }
        });
        return all;
    }

    private static String normalisedEmail(Map<String, String> record) {
        return record.get("email").strip().toLowerCase(Locale.ROOT);
    }

    @Test
    void sameSeedWritesIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        GeneratorSettings settings = GeneratorSettings.people(400).withSeed(7);
        MosaicDataGenerator.generate(settings, first);
        MosaicDataGenerator.generate(settings, second);
        for (OutputFile file : OutputFile.values()) {
            assertThat(Files.readAllBytes(second.resolve(file.fileName(false))))
                    .as(file.fileName(false))
                    .isEqualTo(Files.readAllBytes(first.resolve(file.fileName(false))));
        }
    }

    @Test
    void sameSeedWritesIdenticalGzipFilesWithTheSameContent(@TempDir Path first, @TempDir Path second,
            @TempDir Path plain) throws IOException {
        GeneratorSettings settings = GeneratorSettings.people(300).withGzip(true);
        MosaicDataGenerator.generate(settings, first);
        MosaicDataGenerator.generate(settings, second);
        MosaicDataGenerator.generate(settings.withGzip(false), plain);
        for (OutputFile file : OutputFile.values()) {
            assertThat(Files.readAllBytes(second.resolve(file.fileName(true))))
                    .isEqualTo(Files.readAllBytes(first.resolve(file.fileName(true))));
            assertThat(CsvReader.read(first.resolve(file.fileName(true))))
                    .isEqualTo(CsvReader.read(plain.resolve(file.fileName(false))));
        }
    }

    @Test
    void differentSeedsDiffer(@TempDir Path first, @TempDir Path second) throws IOException {
        MosaicDataGenerator.generate(GeneratorSettings.people(200).withSeed(1), first);
        MosaicDataGenerator.generate(GeneratorSettings.people(200).withSeed(2), second);
        for (OutputFile file : OutputFile.values()) {
            assertThat(Files.readAllBytes(second.resolve(file.fileName(false))))
                    .as(file.fileName(false))
                    .isNotEqualTo(Files.readAllBytes(first.resolve(file.fileName(false))));
        }
    }

    @Test
    void headersAreTheCanonicalColumns() throws IOException {
        assertThat(OutputFile.CUSTOMERS.columns()).containsExactly("source", "record_id", "first_name",
                "last_name", "email", "phone", "birth_date", "street", "postal_code", "city", "country", "loyalty_id",
                "social_handle", "created_at", "consent_email", "consent_sms");
        assertThat(OutputFile.PURCHASES.columns()).containsExactly("source", "record_id", "order_id",
                "occurred_at", "channel", "store_id", "email", "phone", "loyalty_id", "first_name", "last_name",
                "postal_code", "sku", "product_name", "category", "quantity", "unit_price", "currency", "returned");
        assertThat(OutputFile.TICKETS.columns()).containsExactly("source", "record_id", "opened_at",
                "first_response_at", "resolved_at", "channel", "contacts", "status", "email", "phone", "name",
                "subject", "csat", "ces");
        assertThat(OutputFile.CAMPAIGN_RESPONSES.columns()).containsExactly("source", "record_id", "campaign_id",
                "campaign_name", "channel", "occurred_at", "event", "email", "phone", "nps", "revenue");
        assertThat(OutputFile.SOCIAL_INTERACTIONS.columns()).containsExactly("source", "record_id", "platform",
                "handle", "display_name", "occurred_at", "kind", "text", "sentiment", "rating", "email", "phone");
        assertThat(OutputFile.GROUND_TRUTH.columns()).containsExactly("source", "record_id", "person_id");
        for (OutputFile file : OutputFile.values()) {
            byte[] bytes = Files.readAllBytes(shared.resolve(file.fileName(false)));
            assertThat(bytes[0]).as("no byte order mark").isNotEqualTo((byte) 0xEF);
            String firstLine = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertThat(firstLine).isEqualTo(String.join(",", file.columns()));
        }
    }

    @Test
    void everyRowHasTheColumnsOfItsHeaderAndTheReportCountsThem() {
        // CsvReader.records has checked every row's width against its header
        for (OutputFile file : OutputFile.values()) {
            assertThat(RECORDS.get(file)).as(file.name()).isNotEmpty();
            assertThat((long) RECORDS.get(file).size()).isEqualTo(report.rows(file));
        }
        assertThat(report.people()).isEqualTo(3_000);
        assertThat(report.records()).isEqualTo(report.rows(OutputFile.GROUND_TRUTH));
        assertThat(report.summary()).contains("3000 people");
    }

    @Test
    void everyRecordHasExactlyOneGroundTruthRow() {
        List<Map<String, String>> truth = RECORDS.get(OutputFile.GROUND_TRUTH);
        assertThat(TRUTH).hasSize(truth.size());  // no key twice in the ground truth
        List<Map<String, String>> all = allRecords();
        assertThat(all).hasSize(truth.size());
        Set<String> seen = new HashSet<>();
        for (Map<String, String> record : all) {
            String key = record.get("source") + "/" + record.get("record_id");
            assertThat(TRUTH).as(key).containsKey(key);
            assertThat(seen.add(key)).as("only once: " + key).isTrue();
        }
        assertThat(new HashSet<>(TRUTH.values())).hasSize(3_000);
        assertThat(truth).allSatisfy(row -> assertThat(row.get("person_id")).matches("P\\d{8}"));
    }

    @Test
    void recordIdsAreUniqueWithinTheirSource() {
        Map<String, Set<String>> idsBySource = new TreeMap<>();
        for (Map<String, String> record : allRecords()) {
            assertThat(record.get("source")).isNotBlank();
            assertThat(record.get("record_id")).isNotBlank();
            boolean added = idsBySource.computeIfAbsent(record.get("source"), s -> new HashSet<>())
                    .add(record.get("record_id"));
            assertThat(added).as(record.get("source") + "/" + record.get("record_id")).isTrue();
        }
        assertThat(idsBySource.keySet()).contains("crm", "loyalty", "webshop", "pos", "helpdesk", "newsletter",
                "sms", "instagram", "facebook");
    }

    @Test
    void householdsShareAMailboxButAreDifferentPeople() {
        Map<String, Set<String>> peopleByEmail = new HashMap<>();
        Map<String, Set<String>> lastNamesByPerson = new HashMap<>();
        Map<String, Set<String>> postalCodesByPerson = new HashMap<>();
        for (Map<String, String> record : RECORDS.get(OutputFile.CUSTOMERS)) {
            String email = normalisedEmail(record);
            if (!email.isEmpty() && !PLACEHOLDERS.contains(email)) {
                peopleByEmail.computeIfAbsent(email, e -> new HashSet<>()).add(person(record));
            }
            lastNamesByPerson.computeIfAbsent(person(record), p -> new HashSet<>())
                    .add(Spelling.ascii(record.get("last_name").strip(), true).toLowerCase(Locale.ROOT));
            postalCodesByPerson.computeIfAbsent(person(record), p -> new HashSet<>()).add(record.get("postal_code"));
        }
        List<Set<String>> mailboxes = peopleByEmail.values().stream().filter(people -> people.size() > 1).toList();
        assertThat(mailboxes).hasSizeGreaterThan(30);
        long sameFamily = mailboxes.stream().filter(people -> {
            Set<String> commonNames = null;
            Set<String> commonCodes = null;
            for (String person : people) {
                commonNames = intersect(commonNames, lastNamesByPerson.get(person));
                commonCodes = intersect(commonCodes, postalCodesByPerson.get(person));
            }
            return !commonNames.isEmpty() && !commonCodes.isEmpty();
        }).count();
        // the people behind a shared mailbox are a family: one last name and postcode (typos aside)
        assertThat(sameFamily).isGreaterThan(mailboxes.size() * 8 / 10);
        assertThat(report.households()).isGreaterThan(100);
    }

    private static Set<String> intersect(Set<String> common, Set<String> values) {
        if (common == null) {
            return new HashSet<>(values);
        }
        common.retainAll(values);
        return common;
    }

    @Test
    void namesakesAreDifferentPeople() {
        Map<String, Map<String, Set<String>>> birthDatesByName = new HashMap<>();
        for (Map<String, String> record : RECORDS.get(OutputFile.CUSTOMERS)) {
            if (record.get("birth_date").matches("\\d{4}-\\d{2}-\\d{2}") && record.get("source").equals("crm")) {
                birthDatesByName.computeIfAbsent(record.get("first_name") + " " + record.get("last_name"),
                        n -> new HashMap<>())
                        .computeIfAbsent(person(record), p -> new HashSet<>()).add(record.get("birth_date"));
            }
        }
        List<Map<String, Set<String>>> namesakes = birthDatesByName.values().stream()
                .filter(people -> people.size() > 1).toList();
        assertThat(namesakes).hasSizeGreaterThan(10);
        for (Map<String, Set<String>> people : namesakes) {
            Set<String> dates = new HashSet<>();
            people.values().forEach(dates::addAll);
            assertThat(dates).as("different people, different birth dates").hasSizeGreaterThan(1);
        }
        assertThat(report.namesakeGroups()).isGreaterThan(20);
    }

    @Test
    void placeholderEmailsAreSharedByManyPeople() {
        Map<String, Set<String>> peopleByPlaceholder = new HashMap<>();
        for (Map<String, String> record : allRecords()) {
            if (record.containsKey("email") && PLACEHOLDERS.contains(normalisedEmail(record))) {
                peopleByPlaceholder.computeIfAbsent(normalisedEmail(record), e -> new HashSet<>())
                        .add(person(record));
            }
        }
        assertThat(peopleByPlaceholder).containsKeys("noemail@store.example", "kunde@store.example",
                "none@none.com");
        assertThat(peopleByPlaceholder.get("noemail@store.example")).hasSizeGreaterThan(30);
        int total = peopleByPlaceholder.values().stream().mapToInt(Set::size).sum();
        assertThat(total).isGreaterThan(100);
    }

    @Test
    void storePhonesAreSharedByManyPeople() {
        Map<String, Set<String>> peopleByPhone = new HashMap<>();
        for (Map<String, String> record : allRecords()) {
            String digits = record.getOrDefault("phone", "").replaceAll("\\D", "");
            if (digits.length() > 6) {
                peopleByPhone.computeIfAbsent(digits.substring(digits.length() - 7), d -> new HashSet<>())
                        .add(person(record));
            }
        }
        assertThat(peopleByPhone.values().stream().mapToInt(Set::size).max().orElse(0)).isGreaterThan(10);
    }

    @Test
    void someRecordsCarryNameAndFormatVariants() {
        Map<String, Set<String>> lastNames = new HashMap<>();
        Map<String, Set<String>> firstNames = new HashMap<>();
        for (Map<String, String> record : RECORDS.get(OutputFile.CUSTOMERS)) {
            lastNames.computeIfAbsent(person(record), p -> new HashSet<>()).add(record.get("last_name"));
            firstNames.computeIfAbsent(person(record), p -> new HashSet<>()).add(record.get("first_name"));
        }
        // the same person as Müller in one record and Mueller in another
        assertThat(lastNames.values()).anySatisfy(names -> assertThat(names.stream()
                .anyMatch(name -> !Spelling.isAscii(name) && names.contains(Spelling.ascii(name, true)))).isTrue());
        // Johannes and Hannes, Katharina and Kathi, …
        assertThat(firstNames.values()).anySatisfy(names -> assertThat(names.stream()
                .anyMatch(name -> Names.nicknames(name).stream().anyMatch(names::contains))).isTrue());
        assertThat(firstNames.values()).anySatisfy(names -> assertThat(names.stream()
                .anyMatch(name -> name.matches("\\p{Lu}\\.") && names.stream().anyMatch(n -> n.length() > 2)))
                .isTrue());
        List<Map<String, String>> all = allRecords();
        assertThat(all).anySatisfy(r -> assertThat(r.getOrDefault("first_name", "")).matches("\\p{Lu}{3,}"));
        assertThat(all).anySatisfy(r -> assertThat(r.getOrDefault("last_name", "")).matches("\\s.*|.*\\s"));

        Set<String> phoneShapes = new HashSet<>();
        for (Map<String, String> record : all) {
            String phone = record.getOrDefault("phone", "");
            if (phone.startsWith("+49 1")) {
                phoneShapes.add("+49 151 2345678");
            } else if (phone.matches("\\+49\\d+")) {
                phoneShapes.add("+491512345678");
            } else if (phone.matches("01\\d\\d-\\d+")) {
                phoneShapes.add("0151-2345678");
            } else if (phone.startsWith("0049 ")) {
                phoneShapes.add("0049 151 2345678");
            } else if (phone.matches("\\(01\\d\\d\\) \\d+")) {
                phoneShapes.add("(0151) 2345678");
            } else if (phone.matches("01\\d{7,9} \\d\\d")) {
                phoneShapes.add("015123456 78");
            }
        }
        assertThat(phoneShapes).containsExactlyInAnyOrder("+49 151 2345678", "+491512345678", "0151-2345678",
                "0049 151 2345678", "(0151) 2345678", "015123456 78");

        assertThat(all).anySatisfy(r -> assertThat(r.getOrDefault("email", "")).matches(".*\\p{Lu}.*@.*"));
        assertThat(all).anySatisfy(r -> assertThat(r.getOrDefault("email", "")).matches("\\s.+|.+\\s"));
        // people with several addresses: more than one email (case and space aside) for one person
        Map<String, Set<String>> emailsByPerson = new HashMap<>();
        for (Map<String, String> record : all) {
            String email = record.containsKey("email") ? normalisedEmail(record) : "";
            if (!email.isEmpty() && !PLACEHOLDERS.contains(email)) {
                emailsByPerson.computeIfAbsent(person(record), p -> new HashSet<>()).add(email);
            }
        }
        assertThat(emailsByPerson.values().stream().filter(emails -> emails.size() > 1).count())
                .isGreaterThan(300);
    }

    @Test
    void aSmallShareOfOptionalValuesIsInvalid() {
        List<Map<String, String>> all = allRecords();
        long withoutDomain = all.stream().map(r -> r.getOrDefault("email", "").strip())
                .filter(e -> !e.isEmpty() && !e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")).count();
        long emails = all.stream().filter(r -> !r.getOrDefault("email", "").isBlank()).count();
        assertThat(withoutDomain).isPositive().isLessThan(emails / 50);
        assertThat(RECORDS.get(OutputFile.CUSTOMERS)).anySatisfy(r -> assertThat(r.get("birth_date"))
                .matches("\\d{4}-(02-3[01]|04-31|13-\\d\\d)|\\d\\d\\.\\d\\d\\.\\d{4}"));
        assertThat(all).anySatisfy(r -> assertThat(r.getOrDefault("phone", "")).matches(".*\\d.*[A-Za-z].*"));
    }

    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    @Test
    void valuesFollowTheColumnRules() {
        for (Map<String, String> r : RECORDS.get(OutputFile.CUSTOMERS)) {
            assertThat(r.get("source")).isIn("crm", "loyalty", "webshop");
            assertThat(r.get("created_at")).matches(TIMESTAMP);
            assertThat(r.get("consent_email")).isIn("true", "false", "");
            assertThat(r.get("consent_sms")).isIn("true", "false", "");
            assertThat(r.get("social_handle")).matches("|[A-Za-z]+:@?[\\w.-]+");
            if (r.get("source").equals("loyalty")) {
                assertThat(r.get("loyalty_id")).matches("L-\\d{8}");
            }
        }
        Map<String, String> currencyByPostal = new HashMap<>();
        for (Map<String, String> r : RECORDS.get(OutputFile.PURCHASES)) {
            assertThat(r.get("source")).isIn("pos", "webshop");
            assertThat(r.get("channel")).isIn("store", "web", "app");
            assertThat(r.get("store_id").isEmpty()).isEqualTo(!r.get("channel").equals("store"));
            assertThat(r.get("occurred_at")).matches(TIMESTAMP);
            assertThat(r.get("unit_price")).matches("\\d+\\.\\d{2}");
            assertThat(r.get("currency")).isIn("EUR", "GBP", "CHF");
            assertThat(r.get("returned")).isIn("true", "false");
            assertThat(Integer.parseInt(r.get("quantity"))).isPositive();
            assertThat(r.get("record_id")).startsWith(r.get("order_id") + "-");
            currencyByPostal.put(r.get("store_id"), r.get("currency"));
        }
        assertThat(currencyByPostal).containsEntry("DE001", "EUR").containsEntry("CH001", "CHF")
                .containsEntry("GB001", "GBP");
        for (Map<String, String> r : RECORDS.get(OutputFile.TICKETS)) {
            assertThat(r.get("source")).isEqualTo("helpdesk");
            assertThat(r.get("channel")).isIn("email", "phone", "chat", "social", "store");
            assertThat(r.get("status")).isIn("open", "pending", "resolved", "closed");
            assertThat(Integer.parseInt(r.get("contacts"))).isGreaterThanOrEqualTo(1);
            assertThat(r.get("opened_at")).matches(TIMESTAMP);
            assertThat(r.get("csat")).matches("|[1-5]");
            assertThat(r.get("ces")).matches("|[1-5]");
            boolean done = r.get("status").equals("resolved") || r.get("status").equals("closed");
            assertThat(r.get("resolved_at").isEmpty()).isEqualTo(!done);
            if (!r.get("first_response_at").isEmpty()) {
                assertThat(r.get("first_response_at").compareTo(r.get("opened_at"))).isGreaterThanOrEqualTo(0);
            }
        }
        for (Map<String, String> r : RECORDS.get(OutputFile.CAMPAIGN_RESPONSES)) {
            assertThat(r.get("channel")).isIn("email", "sms", "push", "social");
            assertThat(r.get("event")).isIn("delivered", "opened", "clicked", "converted", "unsubscribed", "bounced",
                    "surveyed");
            assertThat(r.get("occurred_at")).matches(TIMESTAMP).isLessThan("2026-01-01");
            assertThat(r.get("nps").isEmpty()).isEqualTo(!r.get("event").equals("surveyed"));
            assertThat(r.get("nps")).matches("|\\d|10");
            assertThat(r.get("revenue").isEmpty()).isEqualTo(!r.get("event").equals("converted"));
            assertThat(r.get("revenue")).matches("|\\d+\\.\\d{2}");
            assertThat(r.get("email").isBlank() && r.get("phone").isBlank()).isFalse();
        }
        for (Map<String, String> r : RECORDS.get(OutputFile.SOCIAL_INTERACTIONS)) {
            assertThat(r.get("platform")).isIn("instagram", "facebook", "x", "tiktok").isEqualTo(r.get("source"));
            assertThat(r.get("kind")).isIn("mention", "comment", "message", "review");
            assertThat(r.get("sentiment")).matches("-?[01]\\.\\d{2}");
            assertThat(Double.parseDouble(r.get("sentiment"))).isBetween(-1.0, 1.0);
            assertThat(r.get("rating").isEmpty()).isEqualTo(!r.get("kind").equals("review"));
            assertThat(r.get("rating")).matches("|[1-5]");
            assertThat(r.get("handle")).isNotBlank();
        }
    }

    @Test
    void peopleLiveMostlyInGermanyWithPlausibleAddresses() {
        Map<String, Integer> countries = new HashMap<>();
        for (Map<String, String> r : RECORDS.get(OutputFile.CUSTOMERS)) {
            countries.merge(r.get("country"), 1, Integer::sum);
            if (r.get("country").equals("DE") && !r.get("postal_code").isEmpty()) {
                assertThat(r.get("postal_code")).matches("\\d{4,5}");
            }
            if (r.get("country").equals("GB") && !r.get("postal_code").isEmpty()) {
                assertThat(r.get("postal_code")).matches("(?i)[a-z]{1,2}\\d[a-z\\d]? ?\\d[a-z]{2}");
            }
        }
        int total = RECORDS.get(OutputFile.CUSTOMERS).size();
        assertThat(countries.get("DE")).isGreaterThan(total / 2);
        assertThat(countries).containsKeys("AT", "CH", "GB", "FR", "ES");
        assertThat(RECORDS.get(OutputFile.CUSTOMERS)).anySatisfy(r -> assertThat(r.get("last_name"))
                .isIn("Müller", "Schröder", "Weiß"));
    }

    @Test
    void purchasesFollowTheCoPurchaseStructure() {
        Map<String, Set<String>> categoriesByPerson = new HashMap<>();
        for (Map<String, String> r : RECORDS.get(OutputFile.PURCHASES)) {
            categoriesByPerson.computeIfAbsent(person(r), p -> new HashSet<>()).add(r.get("category"));
        }
        assertThat(share(categoriesByPerson, "printers", "printer_supplies"))
                .isGreaterThan(3 * shareWithout(categoriesByPerson, "printers", "printer_supplies"));
        assertThat(share(categoriesByPerson, "smartphones", "phone_accessories"))
                .isGreaterThan(2 * shareWithout(categoriesByPerson, "smartphones", "phone_accessories"));
        assertThat(share(categoriesByPerson, "coffee_machines", "coffee"))
                .isGreaterThan(3 * shareWithout(categoriesByPerson, "coffee_machines", "coffee"));
        assertThat(Catalogue.products()).hasSizeBetween(35, 45);
        assertThat(Catalogue.products().stream().map(Catalogue.Product::category).distinct()).hasSize(10);
    }

    /** Among buyers of {@code device}, the share who also bought {@code follower}. */
    private static double share(Map<String, Set<String>> categoriesByPerson, String device, String follower) {
        List<Set<String>> owners = categoriesByPerson.values().stream().filter(c -> c.contains(device)).toList();
        return owners.stream().filter(c -> c.contains(follower)).count() / (double) owners.size();
    }

    private static double shareWithout(Map<String, Set<String>> categoriesByPerson, String device, String follower) {
        List<Set<String>> others = categoriesByPerson.values().stream().filter(c -> !c.contains(device)).toList();
        return others.stream().filter(c -> c.contains(follower)).count() / (double) others.size();
    }

    @Test
    void sizingByRecordsStopsJustAfterTheTarget(@TempDir Path out) throws IOException {
        GenerationReport byRecords = MosaicDataGenerator.generate(GeneratorSettings.records(5_000), out);
        assertThat(byRecords.records()).isBetween(5_000L, 5_300L);
        assertThat(byRecords.rows(OutputFile.GROUND_TRUTH)).isEqualTo(byRecords.records());
    }

    @Test
    void cleanDataHasNoSharedIdentifiers(@TempDir Path out) throws IOException {
        MosaicDataGenerator.generate(GeneratorSettings.people(500).withMess(MessRates.none()), out);
        Map<String, String> truth = new HashMap<>();
        for (Map<String, String> row : CsvReader.records(out.resolve("ground_truth.csv"))) {
            truth.put(row.get("source") + "/" + row.get("record_id"), row.get("person_id"));
        }
        Map<String, Set<String>> peopleByEmail = new HashMap<>();
        for (OutputFile file : OutputFile.values()) {
            if (file.holdsRecords()) {
                for (Map<String, String> r : CsvReader.records(out.resolve(file.fileName(false)))) {
                    String email = r.getOrDefault("email", "");
                    assertThat(email).isEqualTo(email.strip().toLowerCase(Locale.ROOT));
                    if (!email.isEmpty()) {
                        peopleByEmail.computeIfAbsent(email, e -> new HashSet<>())
                                .add(truth.get(r.get("source") + "/" + r.get("record_id")));
                    }
                }
            }
        }
        assertThat(peopleByEmail.values()).allSatisfy(people -> assertThat(people).hasSize(1));
    }
}
