package dev.mosaic.identity.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as a customer gave it, normalised (trimmed, lower case). An address that is not well formed is
 * kept, because nothing a customer told us is thrown away, but {@link #isUsableForMatching()} says no.
 */
public record EmailAddress(String value) {

    private static final Pattern WELL_FORMED =
            Pattern.compile("^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$");

    public EmailAddress {
        value = value.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isUsableForMatching() {
        return WELL_FORMED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
