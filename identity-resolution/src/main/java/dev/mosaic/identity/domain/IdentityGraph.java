package dev.mosaic.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import dev.mosaic.identity.domain.matching.Constraints;
import dev.mosaic.identity.domain.matching.GenericIdentifiers;
import dev.mosaic.identity.domain.matching.IdentifierValue;
import dev.mosaic.identity.domain.matching.MatchModel;

/** The identity graph: records, their identifiers, the links between records and the profiles they form. */
public interface IdentityGraph {

    /**
     * Stores the records (keyed by source and record id), gathers the neighbourhood of the new and changed ones (the
     * records sharing a blocking key with them, and their profiles), and applies what {@code resolver} decides from
     * it: links, merges, then profile assignments. All of it happens together or not at all.
     */
    Resolution storeAndResolve(List<SourceRecord> records, IncrementalResolver resolver);

    /**
     * Stores a batch of records (creating or updating them by key) without resolving them: a new record belongs to no
     * profile until the next full run. Says what storing changed, one entry per record in the batch's order.
     */
    List<RecordChange> store(List<SourceRecord> records);

    /**
     * Every record as matching sees it (identity fields; no touchpoint or extra attributes) with the profile it
     * belongs to ({@code null} for a record no resolution has placed yet), one at a time, in key order: what a full run
     * reads. Returns how to write the run's outcome to the graph as it was read; a dry run drops it.
     */
    FullRunWriter forEachRecord(BiConsumer<SourceRecord, ProfileId> action);

    /** The model of the last full run, if there was one. */
    Optional<MatchModel> currentModel();

    /**
     * Writes a full run's outcome. It comes from the read, so the adapter can keep what it learnt there (where each
     * record is stored) for the writes, and drop it with the writer.
     */
    @FunctionalInterface
    interface FullRunWriter {

        /**
         * Applies a full run: links, memberships, merge and split events, generic identifiers, review queue, model.
         * Only links and review pairs that differ from the stored ones are written.
         */
        LinkChanges apply(FullResolution resolution);
    }

    /** Steward decisions (must-links from merges, sides of splits) every run honours. */
    Constraints constraints();

    GenericIdentifiers.Overrides identifierOverrides();

    /** Records a steward's verdict on an identifier value: generic (true), trusted (false), or no verdict (null). */
    void setIdentifierOverride(IdentifierValue value, Boolean generic, String steward);

    List<GenericIdentifiers.GenericValue> genericIdentifiers();

    /** The review queue, strongest first, one pair of records for two profiles. */
    List<QueuedReview> reviewQueue(int limit);

    /** Merges {@code absorbed} into {@code survivor} and keeps the decision as a must-link. */
    void mergeByHand(ProfileId survivor, ProfileId absorbed, String steward);

    /**
     * Moves {@code records} out of {@code profile} into a new profile and keeps the decision, so no later run joins
     * the two sides again. Returns the new profile's id.
     */
    ProfileId splitByHand(ProfileId profile, Set<SourceRecordKey> records, String steward);

    /** What storing a batch changed, one entry per record in the batch's order, and where its records went. */
    /**
     * @param separated profiles that lost members, and the profiles those members formed, because what held them
     *                  together turned out to be generic identifiers ({@link IncrementalResolver#regroup})
     */
    record Resolution(List<RecordChange> changes, ResolutionPlan plan, Set<ProfileId> separated) {

        public Resolution {
            separated = Set.copyOf(separated);
        }

        public Resolution(List<RecordChange> changes, ResolutionPlan plan) {
            this(changes, plan, Set.of());
        }
    }

    Optional<ProfileId> profileOf(SourceRecordKey record);

    Optional<ResolvedProfile> findProfile(ProfileId id);

    /** Whether a profile of this id exists, without reading its records. */
    boolean profileExists(ProfileId id);

    /** The profiles that exist among {@code ids}, each with its records and links. */
    List<ResolvedProfile> findProfiles(Collection<ProfileId> ids);

    /**
     * The merges and splits that involved this profile id, newest first (at most {@code limit}): also for an id that
     * no longer exists, whose last event says where its records went.
     */
    List<ProfileEvent> history(ProfileId id, int limit);

    Set<ProfileId> allProfileIds();

    long countProfiles();

    /** Every record's profile, one at a time, so the whole graph never has to fit in memory. */
    void forEachMembership(BiConsumer<ProfileId, SourceRecordKey> membership);

    /**
     * Erases a person: the profile, its records with their earlier versions and touchpoints, the links of those
     * records, and the identifiers no other record holds. Keeps a {@link Tombstone} of every record key and
     * identifier, so {@link #erasedAmong} recognises the records when they are imported again. Empty when there is
     * no such profile.
     */
    Optional<Erasure> erase(ProfileId id);

    /** The keys among {@code keys} whose records were erased. */
    Set<SourceRecordKey> erasedAmong(Collection<SourceRecordKey> keys);

    /** What an erasure removed: the records (by key) and how many identifiers went with them. */
    record Erasure(ProfileId profile, List<SourceRecordKey> records, int identifiersRemoved) {
    }
}
