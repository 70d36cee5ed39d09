package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.List;

/** A unified profile with the source records it was resolved from and why they belong together. */
record ProfileResponse(
        String profileId,
        String displayName,
        List<String> emails,
        List<String> phones,
        List<String> loyaltyIds,
        List<String> socialHandles,
        List<String> cities,
        List<SourceRecord> sourceRecords,
        List<Link> links,
        Instant updatedAt) {

    record SourceRecord(String source, String recordId, String kind, String firstName, String lastName, String email, String phone,
                        String birthDate, String city, String country, String loyaltyId, List<String> warnings) {
    }

    record Link(String from, String to, String rule, double score, String evidence) {
    }
}
