package dev.mosaic.profile.adapter.in.web;

import java.util.List;

import dev.mosaic.profile.domain.ProfileSearch;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ProfileSearchResult", description = "One page of profiles, best match first")
record ProfileSearchResponse(
        @Schema(description = "Profiles matching in all", example = "1") long total,
        @Schema(example = "0") int page,
        @Schema(example = "20") int size,
        List<ProfileSummaryResponse> hits) {

    static ProfileSearchResponse of(ProfileSearch.ProfilePage found, int page, int size) {
        return new ProfileSearchResponse(found.total(), page, size,
                found.hits().stream().map(ProfileSummaryResponse::of).toList());
    }
}
