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

    /**
     * Links each of the records to the records sharing one of its identifiers, and tells for each record its
     * current profile and those of the records it is linked to.
     */
    Map<SourceRecordKey, ResolutionPlan.Neighbourhood> linkBySharedIdentifiers(Collection<SourceRecordKey> records);

    /** Makes each record a member of its profile, creating profiles that do not exist. */
    void assign(Map<SourceRecordKey, ProfileId> assignments);

    /** Moves every record of {@code absorbed} into {@code survivor} and removes {@code absorbed}. */
    void mergeProfiles(ProfileId survivor, Collection<ProfileId> absorbed);

    Optional<ProfileId> profileOf(SourceRecordKey record);

    Optional<ResolvedProfile> findProfile(ProfileId id);

    /** The profiles that exist among {@code ids}, each with its records and links. */
    List<ResolvedProfile> findProfiles(Collection<ProfileId> ids);

    Set<ProfileId> allProfileIds();
}
