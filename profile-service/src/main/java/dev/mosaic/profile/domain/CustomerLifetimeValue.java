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
}
