package dev.mosaic.profile.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * CLV = annual revenue x relationship years - acquisition cost, 2 decimals.
 *
 * @param annualRevenue the revenue of the last 12 months
 * @param relationshipYears years from the first purchase to the time of calculation (days / 365.25, 2 decimals),
 *                          at least 1
 * @param acquisitionChannel the channel of the first purchase (store, web, app); null if it named none
 * @param acquisitionCost the configured cost of winning a customer through that channel; 0 when none is configured
 */
public record CustomerLifetimeValue(BigDecimal value, BigDecimal annualRevenue, double relationshipYears,
                                    String acquisitionChannel, BigDecimal acquisitionCost) {

    public static Optional<CustomerLifetimeValue> of(BigDecimal annualRevenue, Instant firstPurchase,
                                                     String acquisitionChannel, Instant now,
                                                     Map<String, BigDecimal> acquisitionCostByChannel) {
        if (firstPurchase == null) {
            return Optional.empty();
        }
        double years = Math.max(1.0, Scores.round2(Duration.between(firstPurchase, now).toSeconds() / 86_400.0 / 365.25));
        BigDecimal cost = acquisitionChannel == null ? BigDecimal.ZERO
                : acquisitionCostByChannel.getOrDefault(acquisitionChannel, BigDecimal.ZERO);
        BigDecimal value = annualRevenue.multiply(BigDecimal.valueOf(years)).subtract(cost)
                .setScale(2, RoundingMode.HALF_UP);
        return Optional.of(new CustomerLifetimeValue(value, annualRevenue, years, acquisitionChannel, cost));
    }

    /**
     * The first instant after {@code now} at which the value differs while the annual revenue stays as it is: the
     * relationship years count once they round above 1 (1.005 years after the first purchase); from then on they
     * grow by 0.01 every 3.65 days, so the value is recomputed at most {@code drifting} after {@code now}. Empty
     * without purchases or without revenue in the last 12 months (the value is then minus the acquisition cost
     * whatever the years; the years shown hold as of the calculation). Changes of the annual revenue itself are
     * {@link PurchaseSummary#changesAt}.
     */
    public static Optional<Instant> changesAt(BigDecimal annualRevenue, Instant firstPurchase, Instant now,
                                              Duration drifting) {
        if (firstPurchase == null || annualRevenue.signum() == 0) {
            return Optional.empty();
        }
        double years = Duration.between(firstPurchase, now).toSeconds() / 86_400.0 / 365.25;
        if (years < 1.005) {
            return Optional.of(firstPurchase.plusSeconds((long) Math.ceil(1.005 * 365.25 * 86_400) + 1));
        }
        return Optional.of(now.plus(drifting));
    }
}
