package dev.mosaic.profile.adapter.in.web;

import java.util.ArrayList;
import java.util.List;

import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.ProfileView;
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
        ProfileView profile = hit.profile();
        String city = profile.golden() != null && profile.golden().address() != null
                && profile.golden().address().city() != null
                ? profile.golden().address().city()
                : profile.cities().stream().findFirst().orElse(null);
        List<String> badges = new ArrayList<>();
        if (profile.cx() != null) {
            if (profile.cx().nps() != null) {
                badges.add("nps_" + profile.cx().nps().category().name().toLowerCase());
            }
            if (profile.cx().needsAttention() != null && profile.cx().needsAttention().needed()) {
                badges.add("needs_attention");
            }
            if (profile.cx().churnRisk() != null && profile.cx().churnRisk().level() != null
                    && profile.cx().churnRisk().level() == dev.mosaic.profile.domain.ChurnRisk.Level.HIGH) {
                badges.add("churn_risk_high");
            }
        }
        return new ProfileSummaryResponse(profile.profileId(), profile.displayName(), city, hit.score(), badges);
    }
}
