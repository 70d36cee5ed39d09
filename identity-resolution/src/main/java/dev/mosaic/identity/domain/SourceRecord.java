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
     * The identifiers this record offers as evidence of identity: a well-formed email, a valid phone (E.164), a
     * loyalty id, a social handle. Whether a value proves anything is for resolution to say: a store's own phone on
     * many walk-in sales is detected as generic and set aside.
     */
    public List<Identifier> matchingIdentifiers() {
        List<Identifier> identifiers = new ArrayList<>();
        if (email != null && email.isUsableForMatching()) {
            identifiers.add(new Identifier(IdentifierType.EMAIL, email.value()));
        }
        if (phone != null && phone.isUsableForMatching()) {
            identifiers.add(new Identifier(IdentifierType.PHONE, phone.e164()));
        }
        if (loyaltyId != null && !loyaltyId.isBlank()) {
            identifiers.add(new Identifier(IdentifierType.LOYALTY_ID, loyaltyId.strip()));
        }
        if (socialHandle != null && !socialHandle.isBlank()) {
            identifiers.add(new Identifier(IdentifierType.SOCIAL_HANDLE, socialHandle.strip()));
        }
        return identifiers;
    }

    public String displayName() {
        return String.join(" ", Stream.of(firstName, lastName).filter(part -> part != null && !part.isBlank()).toList());
    }
}
