package dev.mosaic.identity.domain.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Estimates a {@link MatchModel} from the records themselves, without labels, the way Splink does: u from random
 * pairs (almost all of which are different people), m by expectation maximisation over the pairs of each training
 * blocking rule (leaving out the fields that rule fixes), and the prior from the expected number of matches among all
 * candidate pairs. Deterministic for a given seed, so a full run over the same records yields the same model.
 */
public final class ModelTraining {

    /** How the model is estimated. */
    /** @param minimumRecords fewer records than this teach a model nothing reliable: the default model is used */
    public record Settings(long seed, int randomPairs, int maxIterations, int maxBlockSize, int maxFrequencyValues,
                           int minimumRecords) {

        public static Settings defaults() {
            return new Settings(42L, 2_000_000, 25, 300, 50_000, 1_000);
        }
    }

    private final Settings settings;
    private final List<Comparison> comparisons;

    public ModelTraining(Settings settings) {
        this.settings = settings;
        this.comparisons = MatchModel.defaultComparisons();
    }

    public MatchModel train(List<MatchRecord> records) {
        if (records.size() < 2) {
            return untrained(records.size());
        }
        double[][] u = estimateU(records);
        double[][] m = estimateM(records, u);
        Map<String, Map<String, Double>> frequencies = valueFrequencies(records);
        double prior = estimatePrior(records, m, u, frequencies);
        return new MatchModel(comparisons, m, u, prior, frequencies, FirstNames.establishedIn(records));
    }

    /** A model with neutral guesses, for a graph too small to learn from. */
    private MatchModel untrained(int records) {
        double[][] m = new double[comparisons.size()][];
        double[][] u = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            m[c] = initialM(comparisons.get(c).levels().size());
            u[c] = initialU(comparisons.get(c).levels().size());
        }
        return new MatchModel(comparisons, m, u, 1e-4, Map.of());
    }

    private double[][] estimateU(List<MatchRecord> records) {
        int size = records.size();
        long possible = (long) size * (size - 1) / 2;
        long samples = Math.min(possible, settings.randomPairs());
        // Fixed slices, each with its own seed: parallel, yet the same sample on every run.
        int slices = 8;
        List<long[][]> sliceCounts = java.util.stream.IntStream.range(0, slices).parallel().mapToObj(slice -> {
            long[][] counts = newCounts();
            SplittableRandom random = new SplittableRandom(settings.seed() + slice);
            for (long s = slice; s < samples; s += slices) {
                int a = random.nextInt(size);
                int b = random.nextInt(size - 1);
                if (b >= a) {
                    b++;
                }
                count(counts, records.get(a), records.get(b));
            }
            return counts;
        }).toList();
        long[][] counts = newCounts();
        for (long[][] slice : sliceCounts) {
            for (int c = 0; c < counts.length; c++) {
                for (int level = 0; level < counts[c].length; level++) {
                    counts[c][level] += slice[c][level];
                }
            }
        }
        return normalise(counts);
    }

    private double[][] estimateM(List<MatchRecord> records, double[][] u) {
        double[][] sum = new double[comparisons.size()][];
        int[] sessions = new int[comparisons.size()];
        for (int c = 0; c < comparisons.size(); c++) {
            sum[c] = new double[comparisons.get(c).levels().size()];
        }
        for (BlockingRule rule : BlockingRule.trainingRules()) {
            Map<Pattern, LongAdder> patterns = patterns(records, List.of(rule));
            if (patterns.isEmpty()) {
                continue;
            }
            boolean[] fixed = fixedComparisons(rule);
            double[][] m = expectationMaximisation(patterns, u, fixed);
            for (int c = 0; c < comparisons.size(); c++) {
                if (!fixed[c] && m[c] != null) {
                    for (int level = 0; level < m[c].length; level++) {
                        sum[c][level] += m[c][level];
                    }
                    sessions[c]++;
                }
            }
        }
        double[][] m = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            int levels = comparisons.get(c).levels().size();
            if (sessions[c] == 0) {
                m[c] = initialM(levels);
            } else {
                m[c] = new double[levels];
                for (int level = 0; level < levels; level++) {
                    m[c][level] = Math.max(sum[c][level] / sessions[c], 1e-6);
                }
            }
        }
        return m;
    }

    /** m for each comparison that the session's rule leaves free (null for the others), u held fixed. */
    private double[][] expectationMaximisation(Map<Pattern, LongAdder> patterns, double[][] u, boolean[] fixed) {
        double[][] m = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            m[c] = fixed[c] ? null : initialM(comparisons.get(c).levels().size());
        }
        double lambda = 0.3;
        for (int iteration = 0; iteration < settings.maxIterations(); iteration++) {
            double[][] expected = new double[comparisons.size()][];
            double[] known = new double[comparisons.size()];
            for (int c = 0; c < comparisons.size(); c++) {
                expected[c] = fixed[c] ? null : new double[comparisons.get(c).levels().size()];
            }
            double matches = 0;
            double total = 0;
            for (Map.Entry<Pattern, LongAdder> entry : patterns.entrySet()) {
                int[] levels = entry.getKey().levels();
                double count = entry.getValue().sum();
                double posterior = posterior(levels, m, u, fixed, lambda);
                matches += posterior * count;
                total += count;
                for (int c = 0; c < levels.length; c++) {
                    if (!fixed[c] && levels[c] != Comparison.UNKNOWN) {
                        expected[c][levels[c]] += posterior * count;
                        known[c] += posterior * count;
                    }
                }
            }
            lambda = clamp(matches / total);
            for (int c = 0; c < comparisons.size(); c++) {
                if (!fixed[c] && known[c] > 0) {
                    for (int level = 0; level < m[c].length; level++) {
                        m[c][level] = Math.max((expected[c][level] + 1e-3) / (known[c] + 1e-3 * m[c].length), 1e-6);
                    }
                }
            }
        }
        return m;
    }

    /**
     * The prior: the expected number of matches among all candidate pairs over all possible pairs. Blocking is assumed
     * to find nearly every match, which its several independent rules are there to make true (it finds fewer: records
     * that share nothing with their person are no one's candidates, so the prior errs low, on the side of not merging).
     *
     * <p>Each rule's pairs have their own share of matches, found by EM over the pairs that rule found first, with
     * the fields the rule makes agree left out: a pair is a candidate because it agrees on them, so they say nothing
     * about whether it is a match among candidates. Counting them as u would have them (a shared surname and postal
     * code, rare among random pairs) made most candidates look like matches: the earlier estimate over all candidates
     * at once put the prior at 2.2 times the true share of matching pairs at 100,000 generated records and 6.4 times at
     * 1,000,000, where namesakes crowd into the postal codes (docs/benchmarks.md). A pair's posterior counts its values'
     * own frequencies, as scoring does.
     */
    private double estimatePrior(List<MatchRecord> records, double[][] m, double[][] u,
                                 Map<String, Map<String, Double>> frequencies) {
        MatchModel model = new MatchModel(comparisons, m, u, 0.5, frequencies);
        List<BlockingRule> rules = BlockingRule.candidateRules();
        long[][] histograms = weightHistograms(records, model, rules);
        double matches = 0;
        for (long[] histogram : histograms) {
            matches += expectedMatches(histogram);
        }
        if (matches == 0) {
            return 1e-6;
        }
        double possible = (double) records.size() * (records.size() - 1) / 2;
        double allMatches = matches * sampleEvery(records);
        return Math.min(0.5, Math.max(1e-12, allMatches / possible));
    }

    /** EM for the share of matches among one rule's pairs; returns the expected number of matches among them. */
    private double expectedMatches(long[] histogram) {
        double pairs = Arrays.stream(histogram).sum();
        if (pairs == 0) {
            return 0;
        }
        double lambda = 0.1;
        double matches = 0;
        for (int iteration = 0; iteration < settings.maxIterations(); iteration++) {
            double priorWeight = MatchModel.log2(lambda / (1 - lambda));
            matches = 0;
            for (int bin = 0; bin < histogram.length; bin++) {
                if (histogram[bin] > 0) {
                    matches += MatchModel.probability(binWeight(bin) + priorWeight) * histogram[bin];
                }
            }
            lambda = clamp(matches / pairs);
        }
        return matches;
    }

    /** Weights (log2 Bayes factors) are counted in bins of this many bits: fine enough for a sum of probabilities. */
    private static final double BIN_BITS = 0.125;
    private static final int BINS = (int) (2 * 128 / BIN_BITS);

    /**
     * For each rule, how many of the pairs it found first (the same fixed share past 100,000 records as
     * {@link #patterns}) have each match weight at even odds, its own fields left out: integer counts, so the sums over
     * them do not depend on the order the threads meet the pairs.
     */
    private long[][] weightHistograms(List<MatchRecord> records, MatchModel model, List<BlockingRule> rules) {
        boolean[][] fixed = rules.stream().map(this::fixedComparisons).toArray(boolean[][]::new);
        AtomicLongArray counts = new AtomicLongArray(rules.size() * BINS);
        int sampleEvery = sampleEvery(records);
        new CandidatePairs(records, rules, settings.maxBlockSize()).forEach((int rule, int a, int b) -> {
            if (!sampled(a, b, sampleEvery)) {
                return;
            }
            double weight = 0;
            for (int c = 0; c < comparisons.size(); c++) {
                if (!fixed[rule][c]) {
                    weight += model.fieldWeight(c, records.get(a), records.get(b));
                }
            }
            int bin = (int) Math.floor((weight + 128) / BIN_BITS);
            counts.incrementAndGet(rule * BINS + Math.max(0, Math.min(BINS - 1, bin)));
        });
        long[][] histograms = new long[rules.size()][BINS];
        for (int r = 0; r < rules.size(); r++) {
            for (int bin = 0; bin < BINS; bin++) {
                histograms[r][bin] = counts.get(r * BINS + bin);
            }
        }
        return histograms;
    }

    /** Which comparisons the rule makes agree by construction. */
    private boolean[] fixedComparisons(BlockingRule rule) {
        boolean[] fixed = new boolean[comparisons.size()];
        for (int c = 0; c < comparisons.size(); c++) {
            fixed[c] = rule.fixedFields().contains(comparisons.get(c).field());
        }
        return fixed;
    }

    /** Past 100,000 records, training looks at every n-th candidate pair: this n (1 below that). */
    private static int sampleEvery(List<MatchRecord> records) {
        return Math.max(1, records.size() / 100_000);
    }

    /** Whether the pair is in the fixed share compared past 100,000 records (chosen by a hash of the pair). */
    private static boolean sampled(int a, int b, int sampleEvery) {
        return sampleEvery <= 1 || Math.floorMod(a * 0x9E3779B1 + b * 0x85EBCA6B, sampleEvery) == 0;
    }

    private static double binWeight(int bin) {
        return (bin + 0.5) * BIN_BITS - 128;
    }

    /**
     * Counts of the comparison patterns of the rules' candidate pairs. Past 100,000 records only a fixed share of the
     * pairs is compared (chosen by a hash of the pair, so the same on every run): the counts estimate proportions,
     * which a sample of millions of pairs gives as well as all of them, at a fraction of the cost.
     */
    /** The probability that a pair with these levels is a match, over the comparisons that are not fixed. */
    private static double posterior(int[] levels, double[][] m, double[][] u, boolean[] fixed, double lambda) {
        double logMatch = Math.log(lambda);
        double logNonMatch = Math.log(1 - lambda);
        for (int c = 0; c < levels.length; c++) {
            if (!fixed[c] && levels[c] != Comparison.UNKNOWN) {
                logMatch += Math.log(m[c][levels[c]]);
                logNonMatch += Math.log(u[c][levels[c]]);
            }
        }
        return 1 / (1 + Math.exp(logNonMatch - logMatch));
    }

    private Map<Pattern, LongAdder> patterns(List<MatchRecord> records, List<BlockingRule> rules) {
        Map<Pattern, LongAdder> patterns = new ConcurrentHashMap<>();
        int sampleEvery = sampleEvery(records);
        new CandidatePairs(records, rules, settings.maxBlockSize()).forEach((a, b) -> {
            if (!sampled(a, b, sampleEvery)) {
                return;
            }
            int[] levels = new int[comparisons.size()];
            for (int c = 0; c < levels.length; c++) {
                levels[c] = comparisons.get(c).compare(records.get(a), records.get(b));
            }
            patterns.computeIfAbsent(new Pattern(levels), p -> new LongAdder()).increment();
        });
        // In a fixed order: a concurrent map iterates in an order that depends on the threads' timing, and the
        // estimation's floating-point sums in that order gave two runs over the same records models differing in the
        // last bits, so a second full run "updated" thousands of links and review pairs that had not changed.
        Map<Pattern, LongAdder> ordered = new java.util.LinkedHashMap<>();
        patterns.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((x, y) -> Arrays.compare(x.levels(), y.levels())))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        return ordered;
    }

    private Map<String, Map<String, Double>> valueFrequencies(List<MatchRecord> records) {
        Map<String, Map<String, Double>> frequencies = new HashMap<>();
        for (Comparison comparison : comparisons) {
            Function<MatchRecord, String> value = comparison.termFrequencyValue();
            if (value == null) {
                continue;
            }
            Map<String, Integer> counts = new HashMap<>();
            int known = 0;
            for (MatchRecord record : records) {
                String v = value.apply(record);
                if (v != null) {
                    counts.merge(v, 1, Integer::sum);
                    known++;
                }
            }
            int total = known;
            Map<String, Double> table = new HashMap<>();
            counts.entrySet().stream().filter(e -> e.getValue() > 1)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(settings.maxFrequencyValues())
                    .forEach(e -> table.put(e.getKey(), (double) e.getValue() / total));
            frequencies.put(comparison.field(), table);
        }
        return frequencies;
    }

    private void count(long[][] counts, MatchRecord a, MatchRecord b) {
        for (int c = 0; c < comparisons.size(); c++) {
            int level = comparisons.get(c).compare(a, b);
            if (level != Comparison.UNKNOWN) {
                counts[c][level]++;
            }
        }
    }

    private long[][] newCounts() {
        long[][] counts = new long[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            counts[c] = new long[comparisons.get(c).levels().size()];
        }
        return counts;
    }

    /** Frequencies with add-one smoothing, so no level is impossible (log 0) just because the sample missed it. */
    private static double[][] normalise(long[][] counts) {
        double[][] probabilities = new double[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            long total = Arrays.stream(counts[c]).sum();
            probabilities[c] = new double[counts[c].length];
            for (int level = 0; level < counts[c].length; level++) {
                probabilities[c][level] = (counts[c][level] + 1.0) / (total + counts[c].length);
            }
        }
        return probabilities;
    }

    private static double[] initialM(int levels) {
        double[] m = new double[levels];
        m[0] = 0.8;
        for (int level = 1; level < levels; level++) {
            m[level] = 0.2 / (levels - 1);
        }
        return m;
    }

    private static double[] initialU(int levels) {
        double[] u = new double[levels];
        u[levels - 1] = 0.9;
        for (int level = 0; level < levels - 1; level++) {
            u[level] = 0.1 / (levels - 1);
        }
        return u;
    }

    private static double clamp(double lambda) {
        return Math.min(0.999, Math.max(1e-6, lambda));
    }

    private record Pattern(int[] levels) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Pattern pattern && Arrays.equals(levels, pattern.levels);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(levels);
        }
    }
}
