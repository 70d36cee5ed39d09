package dev.mosaic.identity.domain.matching;

import java.time.LocalDate;
import java.util.regex.Pattern;

import dev.mosaic.identity.domain.NameKey;
import dev.mosaic.identity.domain.PhoneNumber;
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
        String phoneNational,
        String postalCode,
        String city,
        String street,
        String streetName,
        String houseNumber,
        String loyaltyId,
        String socialHandle,
        boolean firstNameEstablished) {

    public static MatchRecord of(SourceRecord record) {
        String street = NameKey.fold(record.attributes().get("street"));
        String first = NameKey.fold(record.firstName());
        String last = NameKey.fold(record.lastName());
        String email = record.email() != null && record.email().isUsableForMatching() ? record.email().value() : null;
        String phone = record.phone() != null && record.phone().isUsableForMatching() ? record.phone().e164() : null;
        return new MatchRecord(record.key(), first, last, Phonetic.code(first), Phonetic.code(last),
                record.birthDate(), email, phone, PhoneNumber.nationalNumber(phone), postalCode(record.postalCode()),
                NameKey.fold(record.city()), street, AddressComparison.withoutNumbers(street),
                AddressComparison.houseNumber(street), blankToNull(record.loyaltyId()),
                blankToNull(record.socialHandle()), false);
    }

    /** This record with the given identifier values forgotten, because they proved to be generic. */
    public MatchRecord withoutGeneric(GenericIdentifiers generic) {
        boolean email = this.email != null && generic.isGeneric(IdentifierField.EMAIL, this.email);
        boolean phone = this.phone != null && generic.isGeneric(IdentifierField.PHONE, this.phone);
        boolean loyalty = this.loyaltyId != null && generic.isGeneric(IdentifierField.LOYALTY_ID, this.loyaltyId);
        boolean handle = this.socialHandle != null && generic.isGeneric(IdentifierField.SOCIAL_HANDLE, this.socialHandle);
        if (!email && !phone && !loyalty && !handle) {
            return this;
        }
        return new MatchRecord(key, firstName, lastName, firstNamePhonetic, lastNamePhonetic, birthDate,
                email ? null : this.email, phone ? null : this.phone, phone ? null : phoneNational, postalCode, city, street,
                streetName, houseNumber, loyalty ? null : loyaltyId, handle ? null : socialHandle, firstNameEstablished);
    }

    /** This record, knowing whether its first name is established in the data ({@link FirstNames}). */
    public MatchRecord withFirstNameEstablished(boolean established) {
        if (established == firstNameEstablished) {
            return this;
        }
        return new MatchRecord(key, firstName, lastName, firstNamePhonetic, lastNamePhonetic, birthDate, email, phone,
                phoneNational, postalCode, city, street, streetName, houseNumber, loyaltyId, socialHandle, established);
    }

    public String identifier(IdentifierField field) {
        return switch (field) {
            case EMAIL -> email;
            case PHONE -> phone;
            case LOYALTY_ID -> loyaltyId;
            case SOCIAL_HANDLE -> socialHandle;
        };
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");

    /**
     * Without spaces, in lower case, and without leading zeros when it is all digits: spreadsheets drop the zero of
     * "01067", and the city tells the rare codes apart that only a leading zero would.
     */
    private static String postalCode(String value) {
        if (value == null) {
            return null;
        }
        String compact = WHITESPACE.matcher(value).replaceAll("").toLowerCase(java.util.Locale.ROOT);
        if (!compact.isEmpty() && compact.chars().allMatch(Character::isDigit)) {
            compact = LEADING_ZEROS.matcher(compact).replaceFirst("");
        }
        return compact.isEmpty() ? null : compact;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
