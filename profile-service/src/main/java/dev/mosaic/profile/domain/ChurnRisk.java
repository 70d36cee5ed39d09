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

    /**
     * The ratios at which the score leaves 0 (it rounds to 1 from 1.01), the level turns MEDIUM, the score reaches
     * 100, and the level turns HIGH.
     */
    private static final double[] STEPS = {1.01, 1.5, 2.99, 3.0};

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

    /**
     * The first instant after {@code now} at which the churn risk differs without any new order: when the ratio
     * reaches a step where the score leaves 0 or the level changes; while the score climbs between 0 and 100 (from
     * 1.01 to 2.99 rhythms) at most {@code drifting} after {@code now}, since it changes by the hour. Empty with fewer
     * than two orders (no rhythm, so nothing changes with time) and once the risk is HIGH. The days since the last
     * order are shown as of the calculation and do not count as a change.
     */
    public static Optional<Instant> changesAt(Collection<Instant> orderTimes, Instant now, Duration drifting) {
        if (orderTimes.size() < 2) {
            return Optional.empty();
        }
        List<Instant> sorted = orderTimes.stream().sorted().toList();
        double rhythm = Math.max(1.0, days(sorted.getFirst(), sorted.getLast()) / (sorted.size() - 1));
        double ratio = Math.max(0, days(sorted.getLast(), now)) / rhythm;
        Instant next = null;
        for (double step : STEPS) {
            if (step > ratio) {
                // Whole seconds, as the days are counted, and one more so the step has surely been reached.
                next = sorted.getLast().plusSeconds((long) Math.ceil(step * rhythm * 86_400) + 1);
                break;
            }
        }
        if (ratio >= STEPS[0] && ratio < STEPS[2]) {
            Instant drift = now.plus(drifting);
            next = next == null || drift.isBefore(next) ? drift : next;
        }
        return Optional.ofNullable(next).filter(at -> at.isAfter(now));
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 86_400.0;
    }
}
