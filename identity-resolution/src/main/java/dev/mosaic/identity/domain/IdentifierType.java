package dev.mosaic.identity.domain;

import java.util.Locale;

/** Kinds of identifier that can prove two records belong to one person. */
public enum IdentifierType {
    EMAIL, PHONE, LOYALTY_ID, SOCIAL_HANDLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
