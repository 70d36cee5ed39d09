package dev.mosaic.imports.adapter.in.batch;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileEvent;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordChange;
import dev.mosaic.identity.domain.ResolutionPlan;
import dev.mosaic.identity.domain.ResolvedProfile;
import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.SourceRecordKey;

/**
 * The benchmark's baseline: an identity graph that keeps nothing, so the same import jobs measure the pipeline (read,
 * standardise, Spring Batch and its job repository) without the graph writes.
 */
final class DiscardingIdentityGraph implements IdentityGraph {

    @Override
    public Resolution storeAndResolve(List<SourceRecord> records,
                                      dev.mosaic.identity.domain.IncrementalResolver resolver) {
        return new Resolution(Collections.nCopies(records.size(), RecordChange.UNCHANGED),
                new ResolutionPlan(Map.of(), Map.of()));
    }

    @Override
    public List<RecordChange> store(List<SourceRecord> records) {
        return Collections.nCopies(records.size(), RecordChange.UNCHANGED);
    }

    @Override
    public Optional<ProfileId> profileOf(SourceRecordKey record) {
        return Optional.empty();
    }

    @Override
    public Optional<ResolvedProfile> findProfile(ProfileId id) {
        return Optional.empty();
    }

    @Override
    public List<ResolvedProfile> findProfiles(Collection<ProfileId> ids) {
        return List.of();
    }

    @Override
    public long countProfiles() {
        return 0;
    }

    @Override
    public boolean profileExists(ProfileId id) {
        return false;
    }

    @Override
    public List<ProfileEvent> history(ProfileId id, int limit) {
        return List.of();
    }

    @Override
    public Set<ProfileId> allProfileIds() {
        return Set.of();
    }

    @Override
    public void forEachMembership(BiConsumer<ProfileId, SourceRecordKey> membership) {
        // nothing is kept, so nothing belongs anywhere
    }

    @Override
    public FullRunWriter forEachRecord(BiConsumer<SourceRecord, ProfileId> action) {
        return resolution -> dev.mosaic.identity.domain.LinkChanges.NONE; // nothing is kept
    }

    @Override
    public Optional<dev.mosaic.identity.domain.matching.MatchModel> currentModel() {
        return Optional.empty();
    }

    @Override
    public dev.mosaic.identity.domain.matching.Constraints constraints() {
        return dev.mosaic.identity.domain.matching.Constraints.none();
    }

    @Override
    public dev.mosaic.identity.domain.matching.GenericIdentifiers.Overrides identifierOverrides() {
        return dev.mosaic.identity.domain.matching.GenericIdentifiers.Overrides.none();
    }

    @Override
    public void setIdentifierOverride(dev.mosaic.identity.domain.matching.IdentifierValue value, Boolean generic,
                                      String steward) {
        // nothing is kept
    }

    @Override
    public List<dev.mosaic.identity.domain.matching.GenericIdentifiers.GenericValue> genericIdentifiers() {
        return List.of();
    }

    @Override
    public List<dev.mosaic.identity.domain.QueuedReview> reviewQueue(int limit) {
        return List.of();
    }

    @Override
    public void mergeByHand(ProfileId survivor, ProfileId absorbed, String steward) {
        // nothing is kept
    }

    @Override
    public ProfileId splitByHand(ProfileId profile, Set<SourceRecordKey> records, String steward) {
        return profile;
    }

    @Override
    public Optional<Erasure> erase(ProfileId id) {
        return Optional.empty();
    }

    @Override
    public Set<SourceRecordKey> erasedAmong(Collection<SourceRecordKey> keys) {
        return Set.of();
    }
}
