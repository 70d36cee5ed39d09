package dev.mosaic.datagen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Values with relative weights, picked by binary search over the cumulative weights. */
final class Weighted<T> {

    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] weights) {
        if (values.isEmpty() || values.size() != weights.length) {
            throw new IllegalArgumentException("values and weights differ in size or are empty");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    static <T> Weighted<T> of(List<T> values, double[] weights) {
        return new Weighted<>(values, weights);
    }

    /** Alternating value, weight pairs. */
    @SuppressWarnings("unchecked")
    static <T> Weighted<T> of(Object... valueWeightPairs) {
        List<T> values = new ArrayList<>();
        double[] weights = new double[valueWeightPairs.length / 2];
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            values.add((T) valueWeightPairs[i]);
            weights[i / 2] = ((Number) valueWeightPairs[i + 1]).doubleValue();
        }
        return new Weighted<>(values, weights);
    }

    /**
     * Zipf-like weights by position: the first values are the most common, as in real name frequency lists. A
     * {@code exponent} of 0 gives equal weights.
     */
    static <T> Weighted<T> byRank(List<T> values, double exponent) {
        double[] weights = new double[values.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / Math.pow(i + 1, exponent);
        }
        return new Weighted<>(values, weights);
    }

    T pick(Rng rng) {
        int index = Arrays.binarySearch(cumulative, rng.nextDouble());
        if (index < 0) {
            index = -index - 1;
        }
        return values.get(Math.min(index, values.size() - 1));
    }

    List<T> values() {
        return values;
    }
}
