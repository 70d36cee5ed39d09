package dev.mosaic.profile.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.mosaic.identity.domain.PhoneNumber;

/**
 * The key a phone number is looked up by: its E.164 form. A valid number has one through {@link PhoneNumber}; a
 * number that is kept as typed because it is not valid in its numbering plan but has a plausible length (e.g.
 * {@code +49 151 2345678}, a digit short for a German mobile) gets the E.164 form of its digits too, so the same
 * number typed in another format ({@code 0151-2345678}) still finds it. Such numbers stay out of matching; this key
 * serves lookups only.
 */
public final class PhoneKey {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PhoneKey() {
    }

    /** @param region the country assumed for a number without country code, e.g. "DE" */
    public static Optional<String> of(PhoneNumber phone, String region) {
        if (phone == null) {
            return Optional.empty();
        }
        if (phone.isUsableForMatching()) {
            return Optional.of(phone.e164());
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(phone.raw(),
                    region == null || region.isBlank() ? "ZZ" : region.strip().toUpperCase(Locale.ROOT));
            // "Local only" lengths (a bare extension like "12") are too short to find anyone by.
            return PHONES.isPossibleNumberWithReason(parsed) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                    ? Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * The number in E.164 when it is one a text message can reach: a valid number in its numbering plan. Profiles keep
     * valid numbers in E.164 and others as typed; a number kept as typed is no address to send to.
     */
    public static Optional<String> dialable(String kept) {
        if (kept == null || kept.isBlank() || !kept.strip().startsWith("+")) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(kept, "ZZ");
            return PHONES.isValidNumber(parsed)
                    ? Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * The keys a number typed in national format (without country code) has in each country where it is a possible
     * number: "030 1234567" is +49301234567 in Germany and +43301234567 in Austria. A record names its country, so a
     * number imported for Austria is kept with the Austrian key, while the person at the counter types it as written
     * on a card. Empty when the number names its country ({@code +} or {@code 00}): then it has only one key.
     */
    public static Set<String> inEveryRegion(String typed) {
        if (typed == null || typed.isBlank()) {
            return Set.of();
        }
        String stripped = typed.strip();
        if (stripped.startsWith("+") || stripped.startsWith("00")) {
            return Set.of();
        }
        Set<String> keys = new TreeSet<>();
        for (String region : PHONES.getSupportedRegions()) {
            try {
                Phonenumber.PhoneNumber parsed = PHONES.parse(stripped, region);
                if (PHONES.isPossibleNumberWithReason(parsed) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
                    keys.add(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
                }
            } catch (NumberParseException notANumberThere) {
                // try the next country
            }
        }
        return keys;
    }

    /** The key of a phone number typed by a user, read as the importer reads it. */
    public static Optional<String> of(String typed, String region) {
        return typed == null || typed.isBlank() ? Optional.empty() : of(PhoneNumber.parse(typed, region), region);
    }
}
