package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.List;

/**
 * The best known value of each field of a person, chosen by {@link Survivorship}, with every value any source
 * offered, and the person's latest consent per channel.
 */
public record GoldenRecord(
        GoldenValue firstName,
        GoldenValue lastName,
        GoldenValue email,
        GoldenValue phone,
        GoldenValue birthDate,
        GoldenAddress address,
        GoldenValue country,
        GoldenValue loyaltyId,
        Consent emailConsent,
        Consent smsConsent) {

    /** Why the winning value won over the others. */
    public enum Decision {
        /** No source offered a value. */
        NO_VALUE,
        /** Only one value was offered (by one or more records). */
        ONLY_VALUE,
        /** It came from a more trusted source than every other value. */
        SOURCE_PRIORITY,
        /** Equally trusted sources; it was seen most recently. */
        MOST_RECENT,
        /** Equally trusted and equally recent; more records offered it. */
        MOST_FREQUENT,
        /** Nothing told the values apart; the alphabetically first won, so the choice is stable. */
        TIE
    }

    /**
     * One field: the winning value, the record it was taken from, why it won, and every value offered.
     *
     * @param values every distinct value, best first
     */
    public record GoldenValue(String value, String source, String recordId, Decision decidedBy,
                              List<CandidateValue> values) {

        public GoldenValue {
            values = List.copyOf(values);
        }

        static GoldenValue none() {
            return new GoldenValue(null, null, null, Decision.NO_VALUE, List.of());
        }
    }

    /**
     * A value one or more records offered.
     *
     * @param records the records offering it, as {@code source/recordId}, from every source
     * @param lastSeen the latest time of its records from its most trusted source (their {@code created_at} or
     *                 {@code occurred_at}); null if none had one. What recency compares.
     * @param occurrences how many of its records come from its most trusted source: what frequency compares
     */
    public record CandidateValue(String value, List<String> records, Instant lastSeen, int occurrences) {

        public CandidateValue {
            records = List.copyOf(records);
        }
    }

    /** The address, chosen as a whole so that street, postal code and city of different records are never mixed. */
    public record GoldenAddress(String street, String postalCode, String city, String source, String recordId,
                                Decision decidedBy, List<CandidateAddress> values) {

        public GoldenAddress {
            values = List.copyOf(values);
        }

        static GoldenAddress none() {
            return new GoldenAddress(null, null, null, null, null, Decision.NO_VALUE, List.of());
        }
    }

    public record CandidateAddress(String street, String postalCode, String city, List<String> records,
                                   Instant lastSeen, int occurrences) {

        public CandidateAddress {
            records = List.copyOf(records);
        }
    }

    /**
     * The person's latest statement about one channel.
     *
     * @param granted true (opted in), false (opted out), null (never stated)
     * @param at when the statement was made (the record's time); null if the record has no time
     * @param statedBy how it was stated, e.g. {@code consent_email=true} or {@code unsubscribed from campaign NL-77}
     */
    public record Consent(Boolean granted, String source, String recordId, Instant at, String statedBy) {

        static Consent unknown() {
            return new Consent(null, null, null, null, null);
        }
    }
}
