package dev.mosaic.profile.domain;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The configurable parts of a profile's content.
 *
 * @param acquisitionCostByChannel what winning a customer costs per purchase channel (store, web, app), for CLV
 */
public record ProfileRules(SourcePriority sourcePriority, Map<String, BigDecimal> acquisitionCostByChannel,
                           AttentionRules attention) {

    public static final ProfileRules DEFAULT = new ProfileRules(SourcePriority.DEFAULT, Map.of(), AttentionRules.DEFAULT);

    public ProfileRules {
        acquisitionCostByChannel = Map.copyOf(acquisitionCostByChannel);
    }
}
