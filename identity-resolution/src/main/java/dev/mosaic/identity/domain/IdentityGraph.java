package dev.mosaic.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The identity graph: records, their identifiers, the links between records and the profiles they form. */
public interface IdentityGraph {

    /** Stores the records (keyed by source and record id) and says for each what changed. */
    Map<SourceRecordKey, RecordChange> store(List<SourceRecord> records);

    /** Links each record to the records sharing one of its identifiers; returns their current profiles. */
    Set<ProfileId> linkBySharedIdentifiers(SourceRecordKey record);

    Optional<ProfileId> profileOf(SourceRecordKey record);

    /** Makes the record a member of the profile, creating the profile when it does not exist. */
    void assign(SourceRecordKey record, ProfileId profile);

    /** Moves every record of {@code absorbed} into {@code survivor} and removes {@code absorbed}. */
    void mergeProfiles(ProfileId survivor, Collection<ProfileId> absorbed);

    Optional<ResolvedProfile> findProfile(ProfileId id);

    Set<ProfileId> allProfileIds();
}
