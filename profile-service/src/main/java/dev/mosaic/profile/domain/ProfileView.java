package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.List;

/** The read model of one unified profile: what staff, marketers and other systems are served. */
public record ProfileView(
        String profileId,
        String displayName,
        List<String> emails,
        List<String> phones,
        List<String> loyaltyIds,
        List<String> socialHandles,
        List<String> cities,
        List<SourceRecordView> sourceRecords,
        List<LinkView> links,
        Instant updatedAt) {

    public ProfileView {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        loyaltyIds = List.copyOf(loyaltyIds);
        socialHandles = List.copyOf(socialHandles);
        cities = List.copyOf(cities);
        sourceRecords = List.copyOf(sourceRecords);
        links = List.copyOf(links);
    }

    /** One source record of the profile, as imported. */
    public record SourceRecordView(String source, String recordId, String kind, String firstName, String lastName, String email,
                                   String phone, String birthDate, String city, String country, String loyaltyId,
                                   List<String> warnings) {
    }

    /** Why two records of the profile belong together. */
    public record LinkView(String from, String to, String rule, double score, String evidence) {
    }
}
