package dev.mosaic.profile.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The identifiers a profile can be looked up by. */
public enum LookupType {
    EMAIL(true), PHONE(false), LOYALTY_ID(true), SOCIAL_HANDLE(false), RECORD(true);

    private final boolean supported;

    LookupType(boolean supported) {
        this.supported = supported;
    }

    /** Whether this version can look up by the type (phone and social handle come with their standardisation). */
    public boolean isSupported() {
        return supported;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LookupType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
