package dev.mosaic.profile.adapter.in.web;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import dev.mosaic.profile.domain.ProfileView;

@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ProfileResponseMapper {

    @Mapping(target = "nextBestOffers", ignore = true)
    ProfileResponse toResponse(ProfileView view);
}
