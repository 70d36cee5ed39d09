package dev.mosaic.profile.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The identifiers a profile can be looked up by. */
public enum LookupType {
    EMAIL, PHONE, LOYALTY_ID, SOCIAL_HANDLE, RECORD;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LookupType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
