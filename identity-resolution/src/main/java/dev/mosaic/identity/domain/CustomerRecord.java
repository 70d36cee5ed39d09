package dev.mosaic.identity.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One standardised contact record from a source system (CRM, loyalty, web shop). Optional values are null when the
 * source did not know them; {@code warnings} name values that were kept but are not trusted for matching.
 */
public record CustomerRecord(
        SourceRecordKey key,
        String firstName,
        String lastName,
        EmailAddress email,
        String phone,
        LocalDate birthDate,
        String city,
        String country,
        String loyaltyId,
        Map<String, String> attributes,
        List<String> warnings) {

    public CustomerRecord {
        Objects.requireNonNull(key, "key");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The identifiers this record offers as proof of identity. */
    public List<Identifier> matchingIdentifiers() {
        List<Identifier> identifiers = new ArrayList<>();
        if (email != null && email.isUsableForMatching()) {
            identifiers.add(new Identifier(IdentifierType.EMAIL, email.value()));
        }
        return identifiers;
    }

    public String displayName() {
        return String.join(" ", java.util.stream.Stream.of(firstName, lastName)
                .filter(part -> part != null && !part.isBlank()).toList());
    }
}
