package dev.mosaic.identity.domain;

/**
 * What storing a record did: it was new, it changed an existing record, it was already known as it is, or it was
 * not stored because its person was erased (see {@link IdentityGraph#erase}).
 */
public enum RecordChange {
    IMPORTED, UPDATED, UNCHANGED, ERASED
}
