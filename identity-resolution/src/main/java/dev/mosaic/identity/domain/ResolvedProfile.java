package dev.mosaic.identity.domain;

import java.util.List;

/** A profile as the identity graph holds it: the records that belong to one person and the links between them. */
public record ResolvedProfile(ProfileId id, List<SourceRecord> records, List<RecordLink> links) {

    public ResolvedProfile {
        records = List.copyOf(records);
        links = List.copyOf(links);
    }
}
