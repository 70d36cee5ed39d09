package dev.mosaic.profile.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The configurable parts of a profile's content.
 *
 * @param acquisitionCostByChannel what winning a customer costs per purchase channel (store, web, app), for CLV
 * @param drifting how often values that change continuously with time (the churn risk score between one and three
 *                 rhythms, CLV once the relationship is longer than a year) are computed again; changes that cross
 *                 a line (a badge, a level, the 12-month window) are computed at their exact time instead
 */
public record ProfileRules(SourcePriority sourcePriority, Map<String, BigDecimal> acquisitionCostByChannel,
                           AttentionRules attention, Duration drifting) {

    public static final ProfileRules DEFAULT = new ProfileRules(SourcePriority.DEFAULT, Map.of(), AttentionRules.DEFAULT,
            Duration.ofDays(1));

    public ProfileRules {
        acquisitionCostByChannel = Map.copyOf(acquisitionCostByChannel);
        if (drifting == null || drifting.isNegative() || drifting.isZero()) {
            throw new IllegalArgumentException("drifting values need a positive interval, not " + drifting);
        }
    }
}
