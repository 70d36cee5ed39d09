package dev.mosaic.imports.adapter.in.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.separator.DefaultRecordSeparatorPolicy;
import org.springframework.core.io.FileSystemResource;

import dev.mosaic.datagen.GeneratorSettings;
import dev.mosaic.datagen.MosaicDataGenerator;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.MatchRecord;
import dev.mosaic.identity.domain.matching.PairwiseAccuracy;
import dev.mosaic.identity.domain.matching.ResolutionEngine;
import dev.mosaic.identity.domain.matching.ScoredPair;
import dev.mosaic.imports.adapter.in.mapping.BundledMappings;
import dev.mosaic.imports.domain.ImportType;
import dev.mosaic.imports.domain.mapping.ImportMapping;

/**
 * The accuracy harness behind {@code ./mosaic bench accuracy}: each dataset is read through the importer's own reader,
 * mapping and standardisation (as an import would), resolved by a full run of the matching engine with its default
 * settings, and scored pairwise against the dataset's ground truth. The labels are only ever read for scoring.
 */
public final class ResolutionAccuracy {

    /** One dataset's records, each with its true person. */
    public record Labelled(String name, List<SourceRecord> records, List<String> truth) {
    }

    /** What a run measured. */
    public record Measured(String dataset, PairwiseAccuracy accuracy, long candidatePairs, int review,
                           int genericIdentifiers, double seconds, ResolutionEngine.Timings timings,
                           long unresolvableRecords, double recallCeiling, PairwiseAccuracy resolvable) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s; %d candidate pairs, %d pairs for review, %d generic "
                            + "identifier values; %.1f s (generic detection %.1f, model estimation %.1f, blocking and "
                            + "scoring %.1f, clustering %.1f); used heap after %d MB; %d records carry nothing that is "
                            + "their person's alone (recall ceiling %.4f); over the other records: %s",
                    dataset, accuracy, candidatePairs, review, genericIdentifiers, seconds,
                    timings.genericDetection(), timings.training(), timings.scoring(), timings.clustering(),
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    unresolvableRecords, recallCeiling, resolvable);
        }
    }

    private ResolutionAccuracy() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--diagnose")) {
            diagnose(generated(Path.of("target/bench").toAbsolutePath(), Long.parseLong(args[1]), 42));
            return;
        }
        if (args.length == 2 && args[0].equals("--explain")) {
            AccuracyDiagnosis.explain(args[1].equals("febrl") ? febrl(Path.of("../../shared/datasets/febrl/dataset3.csv"))
                    : splink(Path.of("../../shared/datasets/splink/fake_1000.csv")));
            System.exit(0);
        }
        if (args.length == 3 && args[0].equals("--explain")) {
            AccuracyDiagnosis.explain(Long.parseLong(args[1]), Long.parseLong(args[2]));
            System.exit(0);
        }
        if (args.length == 2 && args[0].equals("--write-default-model")) {
            writeDefaultModel(Path.of(args[1]));
            return;
        }
        // The datasets sit beside the project; ./mosaic runs this from the batch-import folder.
        Path shared = Path.of(args.length > 0 ? args[0]
                : Files.isDirectory(Path.of("../../shared/datasets")) ? "../../shared/datasets" : "../shared/datasets");
        long generated = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench").toAbsolutePath();
        System.out.printf(Locale.ROOT, "machine: %d cores, JVM %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("RESULT " + measure(febrl(shared.resolve("febrl/dataset3.csv"))));
        System.out.println("RESULT " + measure(splink(shared.resolve("splink/fake_1000.csv"))));
        System.out.println("RESULT " + measure(generated(work, generated, 42)));
        System.exit(0);
    }

    /**
     * Estimates the default model (used before a graph's first full run) from 100,000 generated records, seed 42,
     * exactly as a full run would, and writes it with the 5,000 most frequent values of each term-frequency table.
     */
    private static void writeDefaultModel(Path file) throws Exception {
        Labelled data = generated(Path.of("target/bench").toAbsolutePath(), 100_000, 42);
        List<MatchRecord> records = data.records().stream().map(MatchRecord::of).toList();
        ResolutionEngine.Result result = new ResolutionEngine(ResolutionEngine.Settings.defaults())
                .resolve(records, Constraints.none(), GenericIdentifiers.Overrides.none());
        String header = "# Mosaic's default match model: estimated (EM, no labels) from 100,000 generated records, seed 42,\n"
                + "# by ResolutionAccuracy --write-default-model; the 5,000 most frequent values per term-frequency\n"
                + "# table kept. Used until a full run estimates a model from the graph's own records.\n";
        Files.writeString(file, header + result.model().withMostFrequentValues(5_000).encode());
        System.out.println("wrote " + file);
    }

    /** Prints wrong links by rule and a sample of them, to see what the model gets wrong. */
    private static void diagnose(Labelled data) {
        List<MatchRecord> records = data.records().stream().map(MatchRecord::of).toList();
        ResolutionEngine.Result result = new ResolutionEngine(ResolutionEngine.Settings.defaults())
                .resolve(records, Constraints.none(), GenericIdentifiers.Overrides.none());
        Map<String, int[]> byRule = new java.util.TreeMap<>();
        int shown = 0;
        for (ScoredPair link : result.links()) {
            boolean right = data.truth().get(link.first()).equals(data.truth().get(link.second()));
            byRule.computeIfAbsent(link.rule(), r -> new int[2])[right ? 0 : 1]++;
            if (!right && shown++ < 25) {
                System.out.println(link + "\n  " + result.records().get(link.first()) + "\n  "
                        + result.records().get(link.second()) + "\n  " + result.model().score(
                        result.records().get(link.first()), result.records().get(link.second())).contributions());
            }
        }
        byRule.forEach((rule, counts) -> System.out.println(rule + ": right " + counts[0] + ", wrong " + counts[1]));
        Map<String, Integer> reviewReasons = new java.util.TreeMap<>();
        result.review().forEach(pair -> reviewReasons.merge((data.truth().get(pair.first()).equals(
                data.truth().get(pair.second())) ? "same person: " : "different: ") + pair.reason(), 1, Integer::sum));
        System.out.println(reviewReasons);
        result.generic().all().stream().limit(10).forEach(System.out::println);
        Map<String, List<Integer>> people = new HashMap<>();
        for (int i = 0; i < data.truth().size(); i++) {
            people.computeIfAbsent(data.truth().get(i), p -> new ArrayList<>()).add(i);
        }
        Map<Integer, Map<String, Integer>> clusterPeople = new HashMap<>();
        for (int i = 0; i < data.truth().size(); i++) {
            clusterPeople.computeIfAbsent(result.clusterOf()[i], c -> new HashMap<>()).merge(data.truth().get(i), 1, Integer::sum);
        }
        clusterPeople.entrySet().stream().filter(e -> e.getValue().size() > 1).sorted((x, y) -> Long.compare(
                wrongPairs(y.getValue()), wrongPairs(x.getValue()))).limit(6).forEach(e -> {
            System.out.println("OVER-MERGED cluster " + e.getKey() + " people " + e.getValue() + " wrong pairs "
                    + wrongPairs(e.getValue()));
            for (ScoredPair link : result.links()) {
                if (result.clusterOf()[link.first()] == e.getKey()
                        && !data.truth().get(link.first()).equals(data.truth().get(link.second()))) {
                    System.out.println("   bridge " + link.rule() + " " + link.probability() + "\n     "
                            + result.records().get(link.first()) + "\n     " + result.records().get(link.second()));
                }
            }
        });
        long blank = result.records().stream().filter(ResolutionAccuracy::identifiesNobody).count();
        long pairsWithBlank = 0;
        for (List<Integer> members : people.values()) {
            long blanks = members.stream().filter(i -> identifiesNobody(result.records().get(i))).count();
            long others = members.size() - blanks;
            pairsWithBlank += blanks * (blanks - 1) / 2 + blanks * others;
        }
        System.out.println("records that identify nobody (no name, date, contact, place or id left): " + blank
                + ", true pairs involving one: " + pairsWithBlank);
        Map<String, Integer> missedKinds = new java.util.TreeMap<>();
        int shownMissed = 0;
        for (List<Integer> members : people.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    int a = members.get(x);
                    int b = members.get(y);
                    if (result.clusterOf()[a] == result.clusterOf()[b]) {
                        continue;
                    }
                    MatchRecord ra = result.records().get(a);
                    MatchRecord rb = result.records().get(b);
                    var score = result.model().score(ra, rb);
                    String kind = score.probability() >= 0.95 ? "high" : score.probability() >= 0.5 ? "grey" : "low";
                    missedKinds.merge(kind + " " + data.records().get(a).kind() + "-" + data.records().get(b).kind(), 1, Integer::sum);
                    if (shownMissed++ % 997 == 0) {
                        System.out.println("MISSED p=" + score.probability() + "\n  " + ra + "\n  " + rb + "\n  "
                                + score.contributions());
                    }
                }
            }
        }
        missedKinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                .forEach(System.out::println);
    }

    private static long wrongPairs(Map<String, Integer> people) {
        long total = people.values().stream().mapToLong(Integer::longValue).sum();
        long same = people.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
        return total * (total - 1) / 2 - same;
    }

    /** A record with nothing left to match on: no name, birth date, contact, street or id (e.g. an anonymous receipt). */
    static boolean identifiesNobody(MatchRecord r) {
        return r.firstName() == null && r.lastName() == null && r.birthDate() == null && r.email() == null
                && r.phone() == null && r.loyaltyId() == null && r.socialHandle() == null && r.street() == null;
    }

    public static Measured measure(Labelled dataset) {
        long started = System.nanoTime();
        List<MatchRecord> records = dataset.records().stream().map(MatchRecord::of).toList();
        ResolutionEngine.Result result = new ResolutionEngine(ResolutionEngine.Settings.defaults())
                .resolve(records, Constraints.none(), GenericIdentifiers.Overrides.none());
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Integer> predicted = new ArrayList<>();
        for (int cluster : result.clusterOf()) {
            predicted.add(cluster);
        }
        boolean[] unresolvable = unresolvable(records, dataset.truth());
        Map<String, long[]> unresolvableAndOthers = new HashMap<>();
        for (int i = 0; i < dataset.truth().size(); i++) {
            unresolvableAndOthers.computeIfAbsent(dataset.truth().get(i), p -> new long[2])[unresolvable[i] ? 0 : 1]++;
        }
        long unreachable = unresolvableAndOthers.values().stream()
                .mapToLong(c -> c[0] * (c[0] - 1) / 2 + c[0] * c[1]).sum();
        PairwiseAccuracy accuracy = PairwiseAccuracy.of(dataset.truth(), predicted);
        double ceiling = accuracy.truePairs() == 0 ? 1 : 1 - (double) unreachable / accuracy.truePairs();
        List<String> resolvableTruth = new ArrayList<>();
        List<Integer> resolvablePredicted = new ArrayList<>();
        for (int i = 0; i < dataset.truth().size(); i++) {
            if (!unresolvable[i]) {
                resolvableTruth.add(dataset.truth().get(i));
                resolvablePredicted.add(predicted.get(i));
            }
        }
        return new Measured(dataset.name(), accuracy, result.candidatePairs(), result.review().size(),
                result.generic().all().size(), seconds, result.timings(),
                unresolvableAndOthers.values().stream().mapToLong(c -> c[0]).sum(), ceiling,
                PairwiseAccuracy.of(resolvableTruth, resolvablePredicted));
    }

    /**
     * The records no method could place, decided from the records as imported and the labels (never from what the
     * matcher made of them): no name, birth date or street, and every identifier they carry (email, phone, loyalty
     * card, handle) is also carried by another person, such as an anonymous till receipt or a newsletter event sent
     * to a family mailbox. Labels serve only this scoring.
     */
    static boolean[] unresolvable(List<MatchRecord> records, List<String> truth) {
        Map<String, java.util.Set<String>> holders = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (String value : identifiers(records.get(i))) {
                holders.computeIfAbsent(value, v -> new java.util.HashSet<>()).add(truth.get(i));
            }
        }
        boolean[] unresolvable = new boolean[records.size()];
        for (int i = 0; i < records.size(); i++) {
            MatchRecord r = records.get(i);
            boolean described = r.firstName() != null || r.lastName() != null || r.birthDate() != null
                    || r.street() != null;
            unresolvable[i] = !described && identifiers(r).stream().allMatch(value -> holders.get(value).size() > 1);
        }
        return unresolvable;
    }

    private static List<String> identifiers(MatchRecord r) {
        List<String> values = new ArrayList<>(4);
        for (dev.mosaic.identity.domain.matching.IdentifierField field
                : dev.mosaic.identity.domain.matching.IdentifierField.values()) {
            if (r.identifier(field) != null) {
                values.add(field.code() + ':' + r.identifier(field));
            }
        }
        return values;
    }


    /** Febrl dataset3 through the bundled febrl mapping; rec-N-org and rec-N-dup-K are person N. */
    public static Labelled febrl(Path file) throws Exception {
        List<SourceRecord> records = read(file, ImportType.CUSTOMERS, BundledMappings.named("febrl"));
        return new Labelled("febrl dataset3", records,
                records.stream().map(record -> record.key().recordId().split("-")[1]).toList());
    }

    /** splink fake_1000 through the bundled splink_fake mapping; the cluster column is the person. */
    public static Labelled splink(Path file) throws Exception {
        List<SourceRecord> records = read(file, ImportType.CUSTOMERS, BundledMappings.named("splink_fake"));
        return new Labelled("splink fake_1000", records,
                records.stream().map(record -> record.attributes().get("cluster")).toList());
    }

    /** Mosaic's own generated multi-source data (all five types), person from its ground_truth.csv. */
    public static Labelled generated(Path work, long size, long seed) throws Exception {
        Path data = work.resolve("accuracy-" + size + "-" + seed);
        if (!Files.exists(data.resolve("ground_truth.csv"))) {
            MosaicDataGenerator.generate(new GeneratorSettings(0, size, seed, false, dev.mosaic.datagen.MessRates.defaults()), data);
        }
        return read(data, "generated " + size + " (seed " + seed + ")");
    }

    /**
     * Generated data as {@link #generated(Path, long, long)}, but for any settings (e.g. a number of people), written
     * into {@code data} afresh (files of the same name are replaced).
     */
    public static Labelled generated(GeneratorSettings settings, Path data) throws Exception {
        MosaicDataGenerator.generate(settings, data);
        return read(data, "generated " + settings.people() + " people (seed " + settings.seed() + ")");
    }

    private static Labelled read(Path data, String name) throws Exception {
        Map<SourceRecordKey, String> people = new HashMap<>();
        try (var lines = Files.lines(data.resolve("ground_truth.csv"))) {
            lines.skip(1).forEach(line -> {
                String[] parts = line.split(",");
                people.put(new SourceRecordKey(parts[0], parts[1]), parts[2]);
            });
        }
        List<SourceRecord> records = new ArrayList<>();
        for (ImportType type : ImportType.values()) {
            records.addAll(read(data.resolve(type.code() + ".csv"), type, null));
        }
        return new Labelled(name, records, records.stream().map(record -> people.get(record.key())).toList());
    }

    private static List<SourceRecord> read(Path file, ImportType type, ImportMapping mapping) throws Exception {
        if (!Files.exists(file)) {
            throw new IOException(file + " does not exist");
        }
        CsvRowMapper rows = new CsvRowMapper();
        RowStandardiser standardiser = new RowStandardiser(type, mapping, "DE");
        FlatFileItemReader<SourceRow> reader = new FlatFileItemReaderBuilder<SourceRow>().name("accuracy")
                .resource(new FileSystemResource(file)).encoding("UTF-8").linesToSkip(1)
                .skippedLinesCallback(rows::useHeader).lineMapper(rows)
                .recordSeparatorPolicy(new DefaultRecordSeparatorPolicy()).build();
        reader.open(new ExecutionContext());
        List<SourceRecord> records = new ArrayList<>();
        try {
            SourceRow row;
            while ((row = reader.read()) != null) {
                try {
                    records.add(standardiser.process(row));
                } catch (InvalidRowException quarantined) {
                    // a row the importer would quarantine is not a record, here either
                }
            }
        } finally {
            reader.close();
        }
        return records;
    }
}
