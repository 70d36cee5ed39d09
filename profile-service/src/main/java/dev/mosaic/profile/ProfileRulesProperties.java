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
 */
@ConfigurationProperties("mosaic.profile")
record ProfileRulesProperties(
        @DefaultValue({"crm", "loyalty", "webshop", "pos", "helpdesk", "newsletter"}) List<String> sourcePriority,
        Map<String, BigDecimal> acquisitionCost,
        @DefaultValue Attention attention) {

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
                        attention.openTicketOlderThan()));
    }
}
