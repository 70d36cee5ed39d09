package dev.mosaic.identity.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One standardised record from a source system: a contact (CRM, loyalty, web-shop account) or a touchpoint
 * (purchase, ticket, campaign response, social interaction) with whatever it tells about who the person is.
 * Optional values are null when the source did not know them; {@code warnings} name values that were kept as given
 * but are not trusted for matching.
 */
public record SourceRecord(
        SourceRecordKey key,
        RecordKind kind,
        String firstName,
        String lastName,
        EmailAddress email,
        PhoneNumber phone,
        LocalDate birthDate,
        String city,
        String postalCode,
        String country,
        String loyaltyId,
        String socialHandle,
        Instant occurredAt,
        Touchpoint touchpoint,
        Map<String, String> attributes,
        List<String> warnings) {

    public SourceRecord {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A contact record with only the facts most tests and callers need. */
    public static SourceRecord contact(SourceRecordKey key, String firstName, String lastName, EmailAddress email) {
        return new SourceRecord(key, RecordKind.CUSTOMER, firstName, lastName, email, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /**
     * The identifiers this record offers as proof of identity. Only well-formed emails for now: phones, loyalty ids
     * and handles are kept, but a store's own phone number on many walk-in records must not merge strangers, which
     * needs the generic-identifier detection of identity resolution first.
     */
    public List<Identifier> matchingIdentifiers() {
        List<Identifier> identifiers = new ArrayList<>();
        if (email != null && email.isUsableForMatching()) {
            identifiers.add(new Identifier(IdentifierType.EMAIL, email.value()));
        }
        return identifiers;
    }

    public String displayName() {
        return String.join(" ", Stream.of(firstName, lastName).filter(part -> part != null && !part.isBlank()).toList());
    }
}
