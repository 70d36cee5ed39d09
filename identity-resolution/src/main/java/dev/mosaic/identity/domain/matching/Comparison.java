package dev.mosaic.identity.domain.matching;

import java.util.List;
import java.util.function.Function;

/**
 * Compares one field of two records and says which level of agreement they reach, best first; the last level is
 * "different". Each level gets its own m and u probability, so the model learns how much, say, an initial-only first
 * name is worth, instead of anyone guessing it.
 */
public interface Comparison {

    /** Level returned when either record does not know the field: it says nothing either way. */
    int UNKNOWN = -1;

    String field();

    List<String> levels();

    int compare(MatchRecord a, MatchRecord b);

    /**
     * The value whose frequency adjusts the weight of an exact agreement (a shared rare surname counts more than a
     * shared "Müller"), or null when this comparison has no term-frequency adjustment.
     */
    default Function<MatchRecord, String> termFrequencyValue() {
        return null;
    }

    /** Two records that disagree at the last level and know the field can never be one person (e.g. loyalty ids). */
    default boolean differenceVetoes() {
        return false;
    }
}
