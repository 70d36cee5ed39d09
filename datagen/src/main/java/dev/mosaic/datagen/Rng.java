package dev.mosaic.datagen;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The only source of randomness: a {@link SplittableRandom} with the helpers the generator needs. Every generation
 * unit gets its own instance derived from the seed and the unit's index, so what a unit produces never depends on
 * how many random numbers earlier units drew.
 */
final class Rng {

    private final SplittableRandom random;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A well-mixed seed for stream {@code stream}, item {@code index} of a run with seed {@code seed}. */
    static long derive(long seed, long stream, long index) {
        return mix(mix(seed ^ 0x9E3779B97F4A7C15L * (stream + 1)) + index);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    boolean chance(double probability) {
        return probability > 0 && random.nextDouble() < probability;
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in {@code [0, bound)}. */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform in {@code [from, to]}, both inclusive. */
    int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    /** Uniform in {@code [from, to)}. */
    long between(long from, long to) {
        return from >= to ? from : random.nextLong(from, to);
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** Log-normally distributed with median 1. */
    double logNormal(double sigma) {
        return Math.exp(sigma * random.nextGaussian());
    }

    /** Poisson distributed with the given mean (Knuth's method, fine for the small means used here). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** 1, 2, 3, … with {@code P(k) = (1-p)^(k-1) p}, at most {@code max}. */
    int geometric(double p, int max) {
        int k = 1;
        while (k < max && random.nextDouble() >= p) {
            k++;
        }
        return k;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    /** Appends {@code count} random decimal digits. */
    void digits(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        digits(out, count);
        return out.toString();
    }
}
