package dev.mosaic.identity.domain.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * Resolves a set of records into people: generic identifiers are found and set aside, the model is estimated from
 * the records (or given), candidate pairs from blocking are scored, and clustering with guards forms the profiles.
 * A pure function of its inputs: the same records, constraints and settings give the same result.
 */
public final class ResolutionEngine {

    /** Everything that decides a run's outcome besides the records. */
    public record Settings(Clustering.Thresholds thresholds, ModelTraining.Settings training, int maxBlockSize) {

        public static Settings defaults() {
            return new Settings(Clustering.Thresholds.defaults(), ModelTraining.Settings.defaults(), 300);
        }
    }

    /** The outcome, by record index into the records given. */
    public record Result(List<MatchRecord> records, MatchModel model, GenericIdentifiers generic, int[] clusterOf,
                         List<ScoredPair> links, List<Clustering.ReviewPair> review, long candidatePairs,
                         long skippedBlocks, Timings timings) {
    }

    /** Seconds spent in each stage, for benchmarks. */
    public record Timings(double genericDetection, double training, double scoring, double clustering) {
    }

    private static final List<IdentifierField> DETERMINISTIC =
            List.of(IdentifierField.EMAIL, IdentifierField.PHONE, IdentifierField.LOYALTY_ID, IdentifierField.SOCIAL_HANDLE);

    private final Settings settings;

    public ResolutionEngine(Settings settings) {
        this.settings = settings;
    }

    /** Resolves with a model estimated from these records (the default model when they are too few to learn from). */
    public Result resolve(List<MatchRecord> records, Constraints constraints, GenericIdentifiers.Overrides overrides) {
        long started = System.nanoTime();
        records = FirstNames.establishedIn(records).mark(records);
        GenericIdentifiers generic = GenericIdentifiers.detect(records, overrides);
        List<MatchRecord> trusted = records.stream().map(record -> record.withoutGeneric(generic)).toList();
        long detected = System.nanoTime();
        MatchModel model = trusted.size() < settings.training().minimumRecords() ? MatchModel.defaults()
                : new ModelTraining(settings.training()).train(trusted);
        long trained = System.nanoTime();
        Result result = resolve(trusted, constraints, generic, model);
        return new Result(result.records(), model, generic, result.clusterOf(), result.links(), result.review(),
                result.candidatePairs(), result.skippedBlocks(), new Timings((detected - started) / 1e9,
                (trained - detected) / 1e9, result.timings().scoring(), result.timings().clustering()));
    }

    /** Resolves records whose generic identifiers are already set aside, with the given model. */
    public Result resolve(List<MatchRecord> trusted, Constraints constraints, GenericIdentifiers generic,
                          MatchModel model) {
        long started = System.nanoTime();
        Scored scored = scoreCandidates(model, trusted, trusted.size());
        List<ScoredPair> pairs = new ArrayList<>(scored.pairs());
        pairs.addAll(mustLinks(trusted, constraints));
        long scoredAt = System.nanoTime();
        List<Set<Constraints.SplitSide>> sides = trusted.stream().map(record -> constraints.sidesOf(record.key())).toList();
        Clustering.Result clusters = new Clustering(settings.thresholds(), Clustering.Guards.of(model))
                .cluster(trusted, sides, pairs);
        return new Result(trusted, model, generic, clusters.clusterOf(), clusters.links(), clusters.review(),
                scored.candidatePairs(), scored.skippedBlocks(),
                new Timings(0, 0, (scoredAt - started) / 1e9, (System.nanoTime() - scoredAt) / 1e9));
    }

    /** The pairs worth keeping among the candidates of the blocking rules, and how many candidates there were. */
    record Scored(List<ScoredPair> pairs, long candidatePairs, long skippedBlocks) {
    }

    /**
     * Scores the candidate pairs that involve one of the first {@code focus} records (all of them: every pair), blocks
     * in parallel; pairs too weak to matter are dropped.
     */
    Scored scoreCandidates(MatchModel model, List<MatchRecord> records, int focus) {
        ConcurrentLinkedQueue<ScoredPair> scored = new ConcurrentLinkedQueue<>();
        CandidatePairs candidates = new CandidatePairs(records, BlockingRule.candidateRules(), settings.maxBlockSize(),
                focus);
        long candidatePairs = candidates.forEach((a, b) -> {
            ScoredPair pair = score(model, records, a, b);
            if (pair != null) {
                scored.add(pair);
            }
        });
        return new Scored(List.copyOf(scored), candidatePairs, candidates.skippedBlocks());
    }

    /** The pair as the model and the deterministic rules see it, or null when it is too weak to matter. */
    ScoredPair score(MatchModel model, List<MatchRecord> records, int a, int b) {
        MatchRecord first = records.get(a);
        MatchRecord second = records.get(b);
        double probability = MatchModel.probability(model.weight(first, second));
        String rule = "probabilistic";
        String identifier = sharedIdentifier(first, second);
        if (identifier != null && NameComparison.mayBeSamePerson(first, second)) {
            rule = "exact_" + identifier;
            probability = Math.max(probability, 0.9999);
        }
        if (probability < settings.thresholds().review() && !rule.startsWith("exact_")) {
            return null;
        }
        return new ScoredPair(a, b, probability, rule);
    }

    private static String sharedIdentifier(MatchRecord a, MatchRecord b) {
        for (IdentifierField field : DETERMINISTIC) {
            String value = a.identifier(field);
            if (value != null && value.equals(b.identifier(field))) {
                return field.code();
            }
        }
        return null;
    }

    private static List<ScoredPair> mustLinks(List<MatchRecord> records, Constraints constraints) {
        if (constraints.mustLinks().isEmpty()) {
            return List.of();
        }
        Map<SourceRecordKey, Integer> index = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            index.put(records.get(i).key(), i);
        }
        List<ScoredPair> pairs = new ArrayList<>();
        for (Constraints.MustLink link : constraints.mustLinks()) {
            Integer a = index.get(link.first());
            Integer b = index.get(link.second());
            if (a != null && b != null && !a.equals(b)) {
                pairs.add(new ScoredPair(Math.min(a, b), Math.max(a, b), 1.0, ScoredPair.STEWARD_MERGE));
            }
        }
        return pairs;
    }
}
