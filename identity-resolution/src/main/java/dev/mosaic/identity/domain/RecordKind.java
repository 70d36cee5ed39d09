package dev.mosaic.identity.domain;

import java.util.Locale;

/** What a source record tells: who someone is (a contact) or something they did (a touchpoint). */
public enum RecordKind {
    CUSTOMER, PURCHASE, TICKET, CAMPAIGN_RESPONSE, SOCIAL_INTERACTION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
