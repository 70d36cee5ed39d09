package dev.mosaic.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The identity graph: records, their identifiers, the links between records and the profiles they form. */
public interface IdentityGraph {

    /**
     * Stores the records (keyed by source and record id), links the new and changed ones to the records they share an
     * identifier with, and applies the plan that {@code planner} makes from what the graph tells about them: merges,
     * then profile assignments. All of it happens together or not at all.
     */
    Resolution storeAndResolve(List<SourceRecord> records,
                               Function<Map<SourceRecordKey, ResolutionPlan.Neighbourhood>, ResolutionPlan> planner);

    /** What storing a batch changed, one entry per record in the batch's order, and where its records went. */
    record Resolution(List<RecordChange> changes, ResolutionPlan plan) {
    }

    Optional<ProfileId> profileOf(SourceRecordKey record);

    Optional<ResolvedProfile> findProfile(ProfileId id);

    /** The profiles that exist among {@code ids}, each with its records and links. */
    List<ResolvedProfile> findProfiles(Collection<ProfileId> ids);

    Set<ProfileId> allProfileIds();

    long countProfiles();

    /** Every record's profile, one at a time, so the whole graph never has to fit in memory. */
    void forEachMembership(java.util.function.BiConsumer<ProfileId, SourceRecordKey> membership);
}
