package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A unified profile with the source records it was resolved from and why they belong together. */
@Schema(description = "A unified profile: golden record, purchases, CX scores, identifiers, source records and links")
record ProfileResponse(
        String profileId,
        @Schema(description = "Golden first and last name") String displayName,
        @Schema(description = "Every email of the profile's records, normalised") List<String> emails,
        @Schema(description = "Every phone of the profile's records: E.164 when valid, as typed otherwise") List<String> phones,
        List<String> loyaltyIds,
        List<String> socialHandles,
        List<String> cities,
        @Schema(description = "The best value of each field with every value offered; null for a profile projected "
                + "before golden records existed") GoldenRecordResponse golden,
        @Schema(description = "Purchase aggregates over the profile's purchase records") PurchasesResponse purchases,
        @Schema(description = "Customer-experience scores; each is null when the person has no data for it")
        CxScoresResponse cx,
        @Schema(description = "Categories to offer, best first, with the co-purchase rule behind each "
                + "(docs/next-best-offer.md; also GET /api/v1/profiles/{profileId}/next-best-offers); null where "
                + "not computed, e.g. in a data subject export")
        List<NextBestOffersResponse.Offer> nextBestOffers,
        List<SourceRecord> sourceRecords,
        List<Link> links,
        @Schema(description = "When the profile was last projected; time-relative values (revenue of the last 12 "
                + "months, CLV, churn risk, needs attention) hold as of then") Instant updatedAt) {

    ProfileResponse withNextBestOffers(List<NextBestOffersResponse.Offer> offers) {
        return new ProfileResponse(profileId, displayName, emails, phones, loyaltyIds, socialHandles, cities, golden,
                purchases, cx, offers, sourceRecords, links, updatedAt);
    }

    record SourceRecord(String source, String recordId, String kind, String firstName, String lastName, String email, String phone,
                        String birthDate, String city, String country, String loyaltyId,
                        @Schema(description = "The record's social handle as platform:handle; null when it gave none",
                                example = "instagram:anna.bakes") String socialHandle,
                        @Schema(description = "The record's created_at or occurred_at; null when it gave none (profiles "
                                + "projected before this field existed show null until projected again)")
                        Instant occurredAt,
                        List<String> warnings) {
    }

    record Link(String from, String to, String rule, double score, String evidence) {
    }
}
