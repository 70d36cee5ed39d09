package dev.mosaic.identity.domain;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number as given, and its E.164 form when it is a valid number. "0151-2345678" in Germany and
 * "+49 151 2345678" have the same E.164 form; a value that is not a number keeps only its raw form.
 */
public record PhoneNumber(String raw, String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        raw = raw.strip();
    }

    /**
     * @param regionHint ISO 3166 country of the record (e.g. "DE"), used for numbers written without a country code
     */
    public static PhoneNumber parse(String raw, String regionHint) {
        String region = regionHint == null || regionHint.isBlank() ? "ZZ" : regionHint.strip().toUpperCase(Locale.ROOT);
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(raw, region);
            if (PHONES.isValidNumber(parsed)) {
                return new PhoneNumber(raw, PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException notANumber) {
            // kept raw below
        }
        return new PhoneNumber(raw, null);
    }

    public boolean isUsableForMatching() {
        return e164 != null;
    }

    @Override
    public String toString() {
        return e164 != null ? e164 : raw;
    }
}
