package dev.mosaic.identity.domain;

import java.util.Locale;

/**
 * A social-media handle written as {@code platform:handle}, normalised the same way wherever it comes from (an
 * import or a lookup): lower case, trimmed, without a leading {@code @}. A value without a platform keeps only the
 * handle.
 */
public final class SocialHandle {

    private SocialHandle() {
    }

    public static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        return colon < 0 ? withoutAt(lower) : lower.substring(0, colon).strip() + ":" + withoutAt(lower.substring(colon + 1).strip());
    }

    public static boolean namesPlatform(String value) {
        return value != null && value.strip().indexOf(':') > 0;
    }

    private static String withoutAt(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }
}
