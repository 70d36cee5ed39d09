package dev.mosaic.identity.domain.matching;

import java.util.Locale;

/** The fields whose equal values are strong evidence of one person, unless the value turns out to be generic. */
public enum IdentifierField {
    EMAIL, PHONE, LOYALTY_ID, SOCIAL_HANDLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IdentifierField fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
