package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = """
        The golden record. Per field the value of the most trusted source wins (mosaic.profile.source-priority, \
        default crm > loyalty > webshop > pos > helpdesk > newsletter > any other source); among values of equally \
        trusted sources the most recently seen (the latest created_at or occurred_at of the value's records from its \
        most trusted source: a less trusted source never decides between two values of a more trusted one); then \
        the value most records of its most trusted source offer; then the alphabetically first. Values are compared \
        ignoring case. The address (street, postal code, city) is chosen as a whole. Every value offered is kept \
        under `values` with the records offering it. Consent: the latest statement per channel wins (consent_email \
        / consent_sms of a customer record, or an `unsubscribed` campaign response on that channel).""")
record GoldenRecordResponse(
        GoldenValue firstName,
        GoldenValue lastName,
        GoldenValue email,
        GoldenValue phone,
        @Schema(description = "YYYY-MM-DD") GoldenValue birthDate,
        GoldenAddress address,
        GoldenValue country,
        GoldenValue loyaltyId,
        Consent emailConsent,
        Consent smsConsent) {

    @Schema(name = "GoldenValue")
    record GoldenValue(
            @Schema(description = "The winning value; null when no record offered one") String value,
            @Schema(description = "Source of the record the value was taken from") String source,
            String recordId,
            @Schema(description = "Why it won: NO_VALUE, ONLY_VALUE, SOURCE_PRIORITY, MOST_RECENT, MOST_FREQUENT or "
                    + "TIE (alphabetically first)") String decidedBy,
            @Schema(description = "Every distinct value, best first") List<CandidateValue> values) {
    }

    @Schema(name = "GoldenCandidateValue")
    record CandidateValue(
            String value,
            @Schema(description = "The records offering it, as source/recordId, from every source") List<String> records,
            @Schema(description = "The latest time of its records from its most trusted source: what recency compares")
            Instant lastSeen,
            @Schema(description = "How many of its records come from its most trusted source: what frequency "
                    + "compares") int occurrences) {
    }

    @Schema(name = "GoldenAddress")
    record GoldenAddress(String street, String postalCode, String city, String source, String recordId,
                         String decidedBy, List<CandidateAddress> values) {
    }

    @Schema(name = "GoldenCandidateAddress")
    record CandidateAddress(String street, String postalCode, String city, List<String> records, Instant lastSeen,
                            int occurrences) {
    }

    @Schema(name = "GoldenConsent")
    record Consent(
            @Schema(description = "true opted in, false opted out, null never stated") Boolean granted,
            String source,
            String recordId,
            @Schema(description = "When it was stated: the record's time") Instant at,
            @Schema(description = "How, e.g. consent_email=true or 'unsubscribed from campaign NL-77'") String statedBy) {
    }
}
