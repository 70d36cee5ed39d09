package dev.mosaic.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.mosaic.profile.domain.AttentionRules;
import dev.mosaic.profile.domain.ProfileRules;
import dev.mosaic.profile.domain.SourcePriority;

/**
 * How profiles are computed ({@code mosaic.profile.*}).
 *
 * @param sourcePriority sources from most to least trusted for the golden record; unlisted sources come last
 * @param acquisitionCost the cost of winning a customer per first-purchase channel (store, web, app), for CLV
 * @param attention when a person needs a follow-up
 * @param refresh when profiles are projected again without new data (docs/cx-scores.md#time-relative-values)
 */
@ConfigurationProperties("mosaic.profile")
public record ProfileRulesProperties(
        @DefaultValue({"crm", "loyalty", "webshop", "pos", "helpdesk", "newsletter"}) List<String> sourcePriority,
        Map<String, BigDecimal> acquisitionCost,
        @DefaultValue Attention attention,
        @DefaultValue Refresh refresh) {

    /**
     * @param enabled whether this node looks for profiles due for projection in the background
     * @param interval how long the background projection waits between looks
     * @param batchSize profiles projected per batch
     * @param drifting how often values that change continuously with time are computed again
     * @param retryAfter how long a profile whose document the read model refused waits before it is tried again
     */
    public record Refresh(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
                          @DefaultValue("1000") int batchSize, @DefaultValue("1d") Duration drifting,
                          @DefaultValue("5m") Duration retryAfter) {

        public Refresh {
            if (interval.isNegative() || interval.isZero() || batchSize < 1 || batchSize > 10_000
                    || retryAfter.isNegative()) {
                throw new IllegalArgumentException("mosaic.profile.refresh: interval must be positive, batch-size "
                        + "1..10000 and retry-after not negative");
            }
        }
    }

    /**
     * @param detractorWithin an NPS answer of 0-6 is recent for this long
     * @param csatBelowPercent a CSAT below this is low
     * @param openTicketOlderThan a ticket open longer than this needs attention
     */
    record Attention(@DefaultValue("90d") Duration detractorWithin, @DefaultValue("50") double csatBelowPercent,
                     @DefaultValue("48h") Duration openTicketOlderThan) {
    }

    ProfileRules rules() {
        return new ProfileRules(new SourcePriority(sourcePriority),
                acquisitionCost == null ? Map.of() : acquisitionCost,
                new AttentionRules(attention.detractorWithin(), attention.csatBelowPercent(),
                        attention.openTicketOlderThan()), refresh.drifting());
    }
}
