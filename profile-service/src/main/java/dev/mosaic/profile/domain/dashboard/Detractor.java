package dev.mosaic.profile.domain.dashboard;

import java.time.Instant;

/**
 * A person whose latest NPS answer is 0-6: what a marketer needs to follow up, and no contact data (a segment
 * export that honours consent brings that).
 *
 * @param emailConsent the person's latest email consent; null when never stated
 * @param needsAttention whether the profile needs attention (docs/cx-scores.md)
 */
public record Detractor(String profileId, String displayName, int score, Instant answeredAt, String campaignId,
                        String channel, String store, Boolean emailConsent, boolean needsAttention) {
}
