package dev.mosaic.profile.domain;

/**
 * A profile as a result list shows it (search hits, segment members): enough to recognise the person and pick them.
 * Read on its own instead of the whole {@link ProfileView}, because a page of 20 whole profiles is 20 golden records
 * with every candidate value, source records and links (about 160 KB) for a list that shows a name and a city.
 *
 * @param city the golden address's city, else the first city of the profile's records; null when none is known
 * @param npsCategory the category of the latest NPS answer; null when the person never answered
 * @param churnRiskLevel null for a profile projected before churn risk existed
 */
public record ProfileSummary(String profileId, String displayName, String city,
                             NetPromoterScore.Category npsCategory, boolean needsAttention,
                             ChurnRisk.Level churnRiskLevel) {
}
