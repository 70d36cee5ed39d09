package dev.mosaic.profile.adapter.in.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.mosaic.profile.domain.ChurnRisk;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.ProfileSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** A profile in a list (search results, segment members): enough to recognise the person and pick them. */
@Schema(name = "ProfileSummary", description = "A profile in a result list")
record ProfileSummaryResponse(
        @Schema(example = "p-3f9a2c1e") String profileId,
        @Schema(example = "Anna Schmidt") String displayName,
        @Schema(description = "The golden address's city, else the first city of the profile's records",
                example = "Berlin") String city,
        @Schema(description = "Relevance to the search text; null in lists without one") Double score,
        @Schema(description = "Short flags for staff: nps_promoter, nps_passive or nps_detractor (the latest NPS "
                + "answer), needs_attention, churn_risk_high", example = "[\"nps_detractor\", \"needs_attention\"]")
        List<String> badges) {

    static ProfileSummaryResponse of(ProfileSearch.ProfileHit hit) {
        ProfileSummary profile = hit.profile();
        List<String> badges = new ArrayList<>();
        if (profile.npsCategory() != null) {
            badges.add("nps_" + profile.npsCategory().name().toLowerCase(Locale.ROOT));
        }
        if (profile.needsAttention()) {
            badges.add("needs_attention");
        }
        if (profile.churnRiskLevel() == ChurnRisk.Level.HIGH) {
            badges.add("churn_risk_high");
        }
        return new ProfileSummaryResponse(profile.profileId(), profile.displayName(), profile.city(), hit.score(),
                badges);
    }
}
