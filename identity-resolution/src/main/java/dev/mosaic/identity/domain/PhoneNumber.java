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

    /** Calling codes are prefix-free: the first one to match a number's leading digits is its own. */
    private static final java.util.Set<Integer> CALLING_CODES = PHONES.getSupportedCallingCodes();

    /**
     * The number without its country calling code ("+43 680 1234567" -> "6801234567"), or null for null. A number
     * typed without a country code and read in the wrong region differs from its true E.164 form only there.
     */
    public static String nationalNumber(String e164) {
        if (e164 == null || !e164.startsWith("+")) {
            return null;
        }
        for (int length = 1; length <= 3 && length < e164.length() - 1; length++) {
            if (CALLING_CODES.contains(Integer.parseInt(e164.substring(1, 1 + length)))) {
                return e164.substring(1 + length);
            }
        }
        return e164.substring(1);
    }

    public boolean isUsableForMatching() {
        return e164 != null;
    }

    @Override
    public String toString() {
        return e164 != null ? e164 : raw;
    }
}
