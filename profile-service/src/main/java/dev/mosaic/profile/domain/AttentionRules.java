package dev.mosaic.profile.domain;

import java.time.Duration;

/**
 * When a person needs a follow-up by staff.
 *
 * @param detractorWithin an NPS detractor answer (0-6) counts as recent for this long
 * @param csatBelowPercent a CSAT below this percentage is low
 * @param openTicketOlderThan a ticket still open after this long needs attention
 */
public record AttentionRules(Duration detractorWithin, double csatBelowPercent, Duration openTicketOlderThan) {

    public static final AttentionRules DEFAULT = new AttentionRules(Duration.ofDays(90), 50.0, Duration.ofHours(48));
}
