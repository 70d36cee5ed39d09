package dev.mosaic.identity.domain;

/** What storing a record did: it was new, it changed an existing record, or it was already known as it is. */
public enum RecordChange {
    IMPORTED, UPDATED, UNCHANGED
}
