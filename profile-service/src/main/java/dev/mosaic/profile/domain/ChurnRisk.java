package dev.mosaic.profile.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How far a person is behind their own purchase rhythm. rhythm = days between first and last order / (orders - 1);
 * ratio = days since the last order / rhythm; score = (ratio - 1) / 2 x 100, kept within 0..100 (0 while on rhythm,
 * 100 at three rhythms or more); level LOW below ratio 1.5, MEDIUM below 3, HIGH from 3. With a single order there is
 * no rhythm yet: level UNKNOWN, no score.
 *
 * @param daysSinceLastOrder 1 decimal
 * @param averageDaysBetweenOrders the rhythm, 1 decimal; null with a single order
 * @param ratio 2 decimals; null with a single order
 */
public record ChurnRisk(Integer score, Level level, double daysSinceLastOrder, Double averageDaysBetweenOrders,
                        Double ratio) {

    public enum Level { LOW, MEDIUM, HIGH, UNKNOWN }

    /** @param orderTimes the time of each order (its earliest line) */
    public static Optional<ChurnRisk> of(Collection<Instant> orderTimes, Instant now) {
        if (orderTimes.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> sorted = orderTimes.stream().sorted().toList();
        double daysSince = Math.max(0, days(sorted.getLast(), now));
        if (sorted.size() == 1) {
            return Optional.of(new ChurnRisk(null, Level.UNKNOWN, Scores.round1(daysSince), null, null));
        }
        // Orders on one day would make any pause look endless; a rhythm is at least a day.
        double rhythm = Math.max(1.0, days(sorted.getFirst(), sorted.getLast()) / (sorted.size() - 1));
        double ratio = daysSince / rhythm;
        int score = (int) Math.round(Math.min(100, Math.max(0, (ratio - 1) / 2 * 100)));
        Level level = ratio < 1.5 ? Level.LOW : ratio < 3 ? Level.MEDIUM : Level.HIGH;
        return Optional.of(new ChurnRisk(score, level, Scores.round1(daysSince), Scores.round1(rhythm),
                Scores.round2(ratio)));
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86_400.0;
    }
}
