package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.List;

/**
 * The read model of one unified profile: what staff, marketers and other systems are served. The golden record,
 * purchases and CX scores are null in a profile projected before they existed.
 *
 * @param phoneKeys the E.164 keys its phone numbers are looked up by ({@link PhoneKey})
 * @param categoryHistory the categories bought and their order, for co-purchase statistics; never null
 * @param cxTouchpoints the person's tickets and NPS answers, for the CX scores over time (the CX dashboard)
 * @param updatedAt when the profile was projected; time-relative values hold as of then
 */
public record ProfileView(
        String profileId,
        String displayName,
        List<String> emails,
        List<String> phones,
        List<String> phoneKeys,
        List<String> loyaltyIds,
        List<String> socialHandles,
        List<String> cities,
        GoldenRecord golden,
        PurchaseSummary purchases,
        CxScores cx,
        CategoryHistory categoryHistory,
        List<SourceRecordView> sourceRecords,
        List<LinkView> links,
        List<CxTouchpoint> cxTouchpoints,
        Instant updatedAt) {

    public ProfileView {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        phoneKeys = phoneKeys == null ? List.of() : List.copyOf(phoneKeys);
        loyaltyIds = List.copyOf(loyaltyIds);
        socialHandles = List.copyOf(socialHandles);
        cities = List.copyOf(cities);
        categoryHistory = categoryHistory == null ? CategoryHistory.none() : categoryHistory;
        sourceRecords = List.copyOf(sourceRecords);
        links = List.copyOf(links);
        cxTouchpoints = cxTouchpoints == null ? List.of() : List.copyOf(cxTouchpoints);
    }

    /**
     * One source record of the profile, as imported.
     *
     * @param socialHandle the record's social handle ({@code platform:handle}), so each handle has its source and time
     * @param occurredAt the record's {@code created_at} or {@code occurred_at}; null when it gave none
     */
    public record SourceRecordView(String source, String recordId, String kind, String firstName, String lastName, String email,
                                   String phone, String birthDate, String city, String country, String loyaltyId,
                                   String socialHandle, Instant occurredAt, List<String> warnings) {
    }

    /** Why two records of the profile belong together. */
    public record LinkView(String from, String to, String rule, double score, String evidence) {
    }
}
