package dev.mosaic.identity.domain;

/**
 * What applying a full run did to the links between records. A run over unchanged records with unchanged settings
 * keeps every link, so it writes nothing.
 */
public record LinkChanges(int created, int updated, int removed, int kept) {

    public static final LinkChanges NONE = new LinkChanges(0, 0, 0, 0);

    public int written() {
        return created + updated + removed;
    }
}
