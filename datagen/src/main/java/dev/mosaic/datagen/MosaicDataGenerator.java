package dev.mosaic.datagen;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Generates realistic, messy, multi-source customer data with ground truth: five CSV files of records about people
 * (customers, purchases, tickets, campaign responses, social interactions) and {@code ground_truth.csv} saying which
 * person each record belongs to. Deterministic: the same settings write byte-identical files. Streams person by
 * person with bounded memory, so ten million records take the same heap as a thousand.
 *
 * <pre>
 * java -jar datagen.jar --people 10000 --out data/
 * java -jar datagen.jar --records 1000000 --seed 7 --gzip --out /tmp/mosaic
 * </pre>
 */
public final class MosaicDataGenerator {

    static final String USAGE = """
            usage: mosaic-datagen (--people N | --records N) [--seed S] [--out DIR] [--gzip] [--mess F]
                                  [--rate NAME=P ...]
              --people N      generate exactly N people (N may end in k or m: 50k, 2m)
              --records N     generate people until the five data files hold at least N records
              --seed S        seed, default 42; same arguments give byte-identical files
              --out DIR       output directory, default ./mosaic-data (created if missing)
              --gzip          write *.csv.gz instead of *.csv
              --mess F        multiply every mess rate by F (0 = clean data, default 1)
              --rate NAME=P   set one mess rate, e.g. --rate nameTypo=0.1 (applied after --mess); rates:
                              %s
            """;

    private static final int SHUFFLE_WINDOW = 4096;

    private MosaicDataGenerator() {
    }

    /** Writes the six files into {@code outDir} (created if missing; files of the same name are replaced). */
    public static GenerationReport generate(GeneratorSettings settings, Path outDir) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(outDir);
        long seed = settings.seed();
        long expectedPeople = settings.people() > 0 ? settings.people() : Math.max(1_000, settings.records() / 5);
        Claims claims = new Claims(expectedPeople * 4);
        for (Stores.Store store : Stores.all()) {
            claims.claim(store.phone().e164());
        }
        Ids ids = new Ids(seed);
        Population population = new Population(settings.mess(), claims, ids);

        Map<OutputFile, CsvSink> sinks = new EnumMap<>(OutputFile.class);
        long people = 0;
        long households = 0;
        long namesakeGroups = 0;
        try {
            for (OutputFile file : OutputFile.values()) {
                sinks.put(file, new CsvSink(file, outDir.resolve(file.fileName(settings.gzip())), settings.gzip(),
                        file.holdsRecords() ? SHUFFLE_WINDOW : 0, new Rng(Rng.derive(seed, 2, file.ordinal()))));
            }
            Touchpoints touchpoints = new Touchpoints(new Mess(settings.mess()), ids,
                    sinks.get(OutputFile.CUSTOMERS), sinks.get(OutputFile.PURCHASES), sinks.get(OutputFile.TICKETS),
                    sinks.get(OutputFile.CAMPAIGN_RESPONSES), sinks.get(OutputFile.SOCIAL_INTERACTIONS),
                    sinks.get(OutputFile.GROUND_TRUTH));
            long records = 0;
            for (long unit = 0; settings.people() > 0 ? people < settings.people() : records < settings.records();
                    unit++) {
                Rng rng = new Rng(Rng.derive(seed, 1, unit));
                long room = settings.people() > 0 ? settings.people() - people : Long.MAX_VALUE;
                Population.Unit generated = population.next(rng, people, room, unit);
                for (Person person : generated.people()) {
                    records += touchpoints.write(person, rng);
                }
                people += generated.people().size();
                switch (generated.kind()) {
                    case HOUSEHOLD -> households++;
                    case NAMESAKES -> namesakeGroups++;
                    case SINGLE -> { }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            IOException failure = null;
            for (CsvSink sink : sinks.values()) {
                try {
                    sink.close();
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        Map<OutputFile, Long> rows = new EnumMap<>(OutputFile.class);
        sinks.forEach((file, sink) -> rows.put(file, sink.rows()));
        return new GenerationReport(outDir, people, households, namesakeGroups, rows,
                Duration.ofNanos(System.nanoTime() - started));
    }

    public static void main(String[] args) {
        GeneratorSettings settings;
        Path out;
        try {
            Arguments parsed = parse(args);
            if (parsed == null) {
                System.out.print(usage());
                return;
            }
            settings = parsed.settings();
            out = parsed.out();
        } catch (IllegalArgumentException e) {
            PrintStream err = System.err;
            err.println("mosaic-datagen: " + e.getMessage());
            err.print(usage());
            System.exit(2);
            return;
        }
        try {
            System.out.println(generate(settings, out).summary());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("mosaic-datagen: cannot write to " + out + ": " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return USAGE.formatted(String.join(", ", MessRates.names()));
    }

    record Arguments(GeneratorSettings settings, Path out) {
    }

    /** The settings the command line asks for, or null when it asks for help. */
    static Arguments parse(String[] args) {
        long people = 0;
        long records = 0;
        long seed = GeneratorSettings.DEFAULT_SEED;
        boolean gzip = false;
        double factor = 1;
        Path out = Path.of("mosaic-data");
        Map<String, Double> rates = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--people" -> people = count(arg, value(args, ++i, arg));
                case "--records" -> records = count(arg, value(args, ++i, arg));
                case "--seed" -> seed = number(arg, value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--gzip" -> gzip = true;
                case "--mess" -> factor = decimal(arg, value(args, ++i, arg));
                case "--rate" -> {
                    String assignment = value(args, ++i, arg);
                    int equals = assignment.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--rate wants NAME=P, not '" + assignment + "'");
                    }
                    rates.put(assignment.substring(0, equals), decimal(arg, assignment.substring(equals + 1)));
                }
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if ((people > 0) == (records > 0)) {
            throw new IllegalArgumentException("give either --people or --records");
        }
        MessRates mess = MessRates.defaults().scaled(factor);
        for (Map.Entry<String, Double> rate : rates.entrySet()) {
            mess = mess.with(rate.getKey(), rate.getValue());
        }
        return new Arguments(new GeneratorSettings(people, records, seed, gzip, mess), out);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static long count(String option, String text) {
        String value = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
        long factor = 1;
        if (value.endsWith("k")) {
            factor = 1_000;
            value = value.substring(0, value.length() - 1);
        } else if (value.endsWith("m")) {
            factor = 1_000_000;
            value = value.substring(0, value.length() - 1);
        }
        long count = number(option, value) * factor;
        if (count <= 0) {
            throw new IllegalArgumentException(option + " must be positive, not " + text);
        }
        return count;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a whole number, not '" + text + "'");
        }
    }

    private static double decimal(String option, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a number, not '" + text + "'");
        }
    }
}
