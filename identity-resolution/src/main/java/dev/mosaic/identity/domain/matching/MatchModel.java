package dev.mosaic.identity.domain.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A Fellegi-Sunter model: for each comparison level, m (how often one person's two records reach it) and u (how
 * often two different people's records do), and the prior probability that two records are one person. A pair's match
 * weight is log2 of the prior odds plus, per field, log2(m/u) of the level it reached; an exact agreement on a value
 * replaces u by that value's own frequency, so a shared rare surname counts more than a shared "Müller".
 */
public final class MatchModel {

    private final List<Comparison> comparisons;
    private final double[][] m;
    private final double[][] u;
    private final double priorMatchProbability;
    private final Map<String, Map<String, Double>> valueFrequencies;
    private final Function<MatchRecord, String>[] termFrequencyValues;
    private final double priorWeight;
    private final int[] swappedLevel;
    private final FirstNames firstNames;

    public MatchModel(List<Comparison> comparisons, double[][] m, double[][] u, double priorMatchProbability,
                      Map<String, Map<String, Double>> valueFrequencies) {
        this(comparisons, m, u, priorMatchProbability, valueFrequencies, FirstNames.none());
    }

    @SuppressWarnings("unchecked")
    public MatchModel(List<Comparison> comparisons, double[][] m, double[][] u, double priorMatchProbability,
                      Map<String, Map<String, Double>> valueFrequencies, FirstNames firstNames) {
        this.firstNames = firstNames;
        this.comparisons = List.copyOf(comparisons);
        this.m = m;
        this.u = u;
        this.priorMatchProbability = priorMatchProbability;
        this.valueFrequencies = valueFrequencies;
        this.termFrequencyValues = new Function[comparisons.size()];
        for (int c = 0; c < comparisons.size(); c++) {
            termFrequencyValues[c] = comparisons.get(c).termFrequencyValue();
        }
        this.priorWeight = log2(priorMatchProbability / (1 - priorMatchProbability));
        this.swappedLevel = new int[comparisons.size()];
        for (int c = 0; c < comparisons.size(); c++) {
            swappedLevel[c] = comparisons.get(c).levels().indexOf("swapped");
        }
    }

    private static final String DEFAULT_MODEL = "default-match-model.txt";

    /**
     * The model used until a full run has estimated one from the graph's own records: estimated the same way from
     * data Mosaic generates (see docs/identity-resolution.md), with the frequencies of its 5,000 most common first
     * names, surnames and cities, so that a common name counts for less from the first import on.
     */
    public static MatchModel defaults() {
        try (java.io.InputStream text = MatchModel.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (text == null) {
                throw new IllegalStateException(DEFAULT_MODEL + " is missing from the classpath");
            }
            return decode(new String(text.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The model keeping only the {@code limit} most frequent values of each term-frequency table. */
    public MatchModel withMostFrequentValues(int limit) {
        Map<String, Map<String, Double>> kept = new HashMap<>();
        valueFrequencies.forEach((field, values) -> {
            Map<String, Double> top = new HashMap<>();
            values.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(limit)
                    .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
            kept.put(field, top);
        });
        return new MatchModel(comparisons, m, u, priorMatchProbability, kept, firstNames);
    }

    /** The first names established in the records this model was estimated from, for resolving new records alike. */
    public FirstNames firstNames() {
        return firstNames;
    }

    /** This model, knowing which first names were established in the records it was estimated from. */
    public MatchModel withFirstNames(FirstNames names) {
        return new MatchModel(comparisons, m, u, priorMatchProbability, valueFrequencies, names);
    }

    /**
     * Whether every level of every comparison of this version has its parameters: a model stored by an earlier
     * version, with other comparisons, is not used; a full run estimates a new one.
     */
    public boolean isComplete() {
        for (int c = 0; c < comparisons.size(); c++) {
            for (int level = 0; level < m[c].length; level++) {
                if (!(m[c][level] > 0) || !(u[c][level] > 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The fields Mosaic compares, in order. */
    public static List<Comparison> defaultComparisons() {
        return List.of(
                NameComparison.firstName(),
                NameComparison.lastName(),
                new BirthDateComparison(),
                new EmailComparison(),
                new PhoneComparison(),
                new AddressComparison(),
                new IdentifierComparison(IdentifierField.LOYALTY_ID, true),
                new SocialHandleComparison());
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    public double priorMatchProbability() {
        return priorMatchProbability;
    }

    public double m(int comparison, int level) {
        return m[comparison][level];
    }

    public double u(int comparison, int level) {
        return u[comparison][level];
    }

    /** The level each comparison reaches for the pair, {@link Comparison#UNKNOWN} where a value is missing. */
    public int[] levels(MatchRecord a, MatchRecord b) {
        int[] levels = new int[comparisons.size()];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = comparisons.get(c).compare(a, b);
        }
        return levels;
    }

    /** The match weight of the pair, without building its explanation: the hot path of a full run. */
    public double weight(MatchRecord a, MatchRecord b) {
        double weight = priorWeight;
        for (int c = 0; c < comparisons.size(); c++) {
            weight += fieldWeight(c, a, b);
        }
        return weight;
    }

    /** What one comparison adds to the pair's weight (0 where a value is missing), prior left out. */
    double fieldWeight(int comparison, MatchRecord a, MatchRecord b) {
        int level = comparisons.get(comparison).compare(a, b);
        return level == Comparison.UNKNOWN ? 0 : levelWeight(comparison, level, a);
    }

    public MatchScore score(MatchRecord a, MatchRecord b) {
        double weight = priorWeight;
        List<FieldContribution> contributions = new ArrayList<>();
        String veto = null;
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison comparison = comparisons.get(c);
            int level = comparison.compare(a, b);
            if (level == Comparison.UNKNOWN) {
                continue;
            }
            double fieldWeight = levelWeight(c, level, a);
            weight += fieldWeight;
            String levelName = comparison.levels().get(level);
            contributions.add(new FieldContribution(comparison.field(), levelName, fieldWeight));
            if (veto == null && comparison.differenceVetoes() && level == comparison.levels().size() - 1) {
                veto = comparison.field() + " differs";
            }
        }
        return new MatchScore(weight, probability(weight), contributions, veto);
    }

    /** True when a comparison that vetoes on difference finds the two records different. */
    public String veto(MatchRecord a, MatchRecord b) {
        for (Comparison comparison : comparisons) {
            if (comparison.differenceVetoes() && comparison.compare(a, b) == comparison.levels().size() - 1) {
                return comparison.field() + " differs";
            }
        }
        return null;
    }

    public static double probability(double weight) {
        double odds = Math.pow(2, weight);
        return odds / (1 + odds);
    }

    private double levelWeight(int comparison, int level, MatchRecord a) {
        double uValue = u[comparison][level];
        // Exact and swapped agreements both say "the same name": its frequency decides how much that is worth.
        if ((level == 0 || swappedLevel[comparison] == level) && termFrequencyValues[comparison] != null) {
            Map<String, Double> frequencies = valueFrequencies.get(comparisons.get(comparison).field());
            if (frequencies != null) {
                String value = termFrequencyValues[comparison].apply(a);
                // A value the table does not know counts as an average one: absent from the data the model was
                // estimated on says nothing about how rare it is where the new record comes from.
                Double frequency = frequencies.get(value);
                if (frequency != null) {
                    uValue = Math.max(frequency, level == 0 ? 0 : uValue);
                }
            }
        }
        return log2(m[comparison][level] / uValue);
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** A plain-text form of the model, one parameter a line, for storing beside the graph and for reading by people. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        text.append("prior ").append(priorMatchProbability).append('\n');
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison comparison = comparisons.get(c);
            for (int level = 0; level < comparison.levels().size(); level++) {
                text.append(String.format(Locale.ROOT, "level %s %s %s %s%n", comparison.field(),
                        comparison.levels().get(level), m[c][level], u[c][level]));
            }
        }
        valueFrequencies.forEach((field, values) -> values.forEach((value, frequency) ->
                text.append("frequency ").append(field).append(' ').append(frequency).append(' ').append(value).append('\n')));
        firstNames.all().stream().sorted().forEach(name -> text.append("established first_name ").append(name).append('\n'));
        return text.toString();
    }

    public static MatchModel decode(String text) {
        List<Comparison> comparisons = defaultComparisons();
        double[][] m = new double[comparisons.size()][];
        double[][] u = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            m[c] = new double[comparisons.get(c).levels().size()];
            u[c] = new double[comparisons.get(c).levels().size()];
        }
        double prior = 0;
        Map<String, Map<String, Double>> frequencies = new HashMap<>();
        java.util.Set<String> established = new java.util.HashSet<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("established first_name ")) {
                established.add(line.substring("established first_name ".length()));
                continue;
            }
            String[] parts = line.split(" ", 4);
            switch (parts[0]) {
                case "prior" -> prior = Double.parseDouble(parts[1]);
                case "level" -> {
                    String[] values = parts[3].split(" ");
                    int c = indexOf(comparisons, parts[1]);
                    if (c >= 0) {
                        int level = comparisons.get(c).levels().indexOf(parts[2]);
                        if (level >= 0) {
                            m[c][level] = Double.parseDouble(values[0]);
                            u[c][level] = Double.parseDouble(values[1]);
                        }
                    }
                }
                case "frequency" -> frequencies.computeIfAbsent(parts[1], f -> new HashMap<>())
                        .put(parts[3], Double.parseDouble(parts[2]));
                default -> {
                }
            }
        }
        return new MatchModel(comparisons, m, u, prior, frequencies, FirstNames.of(established));
    }

    private static int indexOf(List<Comparison> comparisons, String field) {
        for (int c = 0; c < comparisons.size(); c++) {
            if (comparisons.get(c).field().equals(field)) {
                return c;
            }
        }
        return -1;
    }
}
