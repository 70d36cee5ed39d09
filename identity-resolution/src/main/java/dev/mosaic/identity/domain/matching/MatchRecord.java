package dev.mosaic.identity.domain.matching;

import java.time.LocalDate;

import dev.mosaic.identity.domain.NameKey;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * A source record reduced to what matching compares, each value normalised once (folded names, E.164 phone, phonetic
 * codes), so that scoring millions of pairs does no string work beyond the comparisons themselves. Values are null
 * when unknown, not trusted (a malformed email) or generic (a placeholder email shared by strangers).
 */
public record MatchRecord(
        SourceRecordKey key,
        String firstName,
        String lastName,
        String firstNamePhonetic,
        String lastNamePhonetic,
        LocalDate birthDate,
        String email,
        String phone,
        String postalCode,
        String city,
        String street,
        String loyaltyId,
        String socialHandle) {

    public static MatchRecord of(SourceRecord record) {
        String first = NameKey.fold(record.firstName());
        String last = NameKey.fold(record.lastName());
        String email = record.email() != null && record.email().isUsableForMatching() ? record.email().value() : null;
        String phone = record.phone() != null && record.phone().isUsableForMatching() ? record.phone().e164() : null;
        return new MatchRecord(record.key(), first, last, Phonetic.code(first), Phonetic.code(last),
                record.birthDate(), email, phone, compact(record.postalCode()), NameKey.fold(record.city()),
                NameKey.fold(record.attributes().get("street")), blankToNull(record.loyaltyId()),
                blankToNull(record.socialHandle()));
    }

    /** This record with the given identifier values forgotten, because they proved to be generic. */
    public MatchRecord withoutGeneric(GenericIdentifiers generic) {
        boolean email = this.email != null && generic.isGeneric(IdentifierField.EMAIL, this.email);
        boolean phone = this.phone != null && generic.isGeneric(IdentifierField.PHONE, this.phone);
        boolean loyalty = this.loyaltyId != null && generic.isGeneric(IdentifierField.LOYALTY_ID, this.loyaltyId);
        if (!email && !phone && !loyalty) {
            return this;
        }
        return new MatchRecord(key, firstName, lastName, firstNamePhonetic, lastNamePhonetic, birthDate,
                email ? null : this.email, phone ? null : this.phone, postalCode, city, street,
                loyalty ? null : loyaltyId, socialHandle);
    }

    public String identifier(IdentifierField field) {
        return switch (field) {
            case EMAIL -> email;
            case PHONE -> phone;
            case LOYALTY_ID -> loyaltyId;
            case SOCIAL_HANDLE -> socialHandle;
        };
    }

    private static String compact(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        return compact.isEmpty() ? null : compact;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
