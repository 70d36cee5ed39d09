package dev.mosaic.profile.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * A percentage with what it was computed from: {@code matching / total x 100}, 1 decimal.
 */
public record Share(double percent, int matching, int total) {

    public static Optional<Share> of(int matching, int total) {
        return total == 0 ? Optional.empty()
                : Optional.of(new Share(Scores.round1(100.0 * matching / total), matching, total));
    }

    /**
     * CSAT and CES: answers of 4 or 5 on a 1-5 scale / all answers x 100. For CES the question is asked so that 5 means
     * "very easy", so a higher share is better for both.
     */
    public static Optional<Share> topTwoBoxes(Collection<Integer> answersOneToFive) {
        int matching = (int) answersOneToFive.stream().filter(answer -> answer >= 4).count();
        return of(matching, answersOneToFive.size());
    }
}
