package dev.mosaic.profile.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The average sentiment (-1 negative .. 1 positive, 2 decimals) of a person's social interactions that have one. */
public record SocialSentiment(double average, int interactions) {

    public static Optional<SocialSentiment> of(List<BigDecimal> sentiments) {
        if (sentiments.isEmpty()) {
            return Optional.empty();
        }
        double average = sentiments.stream().mapToDouble(BigDecimal::doubleValue).average().orElseThrow();
        return Optional.of(new SocialSentiment(Scores.round2(average), sentiments.size()));
    }
}
