package dev.mosaic.identity.domain.matching;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolution measured against ground truth the usual way: over all pairs of records, those that share a profile
 * (predicted) against those that are one person (true); plus profiles holding more than one person (over-merged) and
 * people spread over several profiles (split).
 */
public record PairwiseAccuracy(int records, long truePairs, long predictedPairs, long correctPairs,
                               int overMergedProfiles, int splitPeople, int people, int profiles) {

    /** @param truth each record's person, @param predicted each record's profile, in the same order */
    public static <T, P> PairwiseAccuracy of(List<T> truth, List<P> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("truth and prediction differ in size");
        }
        Map<T, Integer> personSizes = new HashMap<>();
        Map<P, Integer> profileSizes = new HashMap<>();
        Map<List<Object>, Integer> both = new HashMap<>();
        Map<P, Set<T>> peopleOfProfile = new HashMap<>();
        Map<T, Set<P>> profilesOfPerson = new HashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            personSizes.merge(truth.get(i), 1, Integer::sum);
            profileSizes.merge(predicted.get(i), 1, Integer::sum);
            both.merge(List.of(truth.get(i), predicted.get(i)), 1, Integer::sum);
            peopleOfProfile.computeIfAbsent(predicted.get(i), p -> new HashSet<>()).add(truth.get(i));
            profilesOfPerson.computeIfAbsent(truth.get(i), t -> new HashSet<>()).add(predicted.get(i));
        }
        return new PairwiseAccuracy(truth.size(), pairs(personSizes.values()), pairs(profileSizes.values()),
                pairs(both.values()),
                (int) peopleOfProfile.values().stream().filter(people -> people.size() > 1).count(),
                (int) profilesOfPerson.values().stream().filter(profiles -> profiles.size() > 1).count(),
                personSizes.size(), profileSizes.size());
    }

    private static long pairs(Iterable<Integer> sizes) {
        long pairs = 0;
        for (int size : sizes) {
            pairs += (long) size * (size - 1) / 2;
        }
        return pairs;
    }

    public double precision() {
        return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
    }

    public double recall() {
        return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "records %d, people %d, profiles %d: precision %.4f, recall %.4f, F1 %.4f "
                        + "(true pairs %d, predicted %d, correct %d), over-merged profiles %d, split people %d",
                records, people, profiles, precision(), recall(), f1(), truePairs, predictedPairs, correctPairs,
                overMergedProfiles, splitPeople);
    }
}
