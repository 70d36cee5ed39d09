package dev.mosaic.profile.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where unified profiles are served from; rebuilt from the identity graph whenever needed. */
public interface ProfileReadModel {

    /** Writes the profiles without a version, throwing when any is refused: fills a read model directly (tests). */
    void saveAll(Collection<ProfileView> profiles);

    /**
     * Writes the profiles and deletes the documents of profiles the graph no longer holds, as of {@code version}: a
     * stamp taken before the graph was read, rising with time. A document the read model already holds in a later
     * version stays, so a writer that read the graph earlier never overwrites what a later one wrote (nor brings back
     * an erased person). Throws when the read model does not answer at all.
     *
     * @return the profiles whose documents the read model refused, and why
     */
    Refusals saveAll(Collection<ProfileView> profiles, Collection<String> deletedProfileIds, long version);

    /**
     * What a write left undone.
     *
     * @param profileIds the profiles whose documents were refused (a later version already held is no refusal)
     * @param reason the kind of error, e.g. {@code mapper_parsing_exception}; never a document's values
     */
    record Refusals(Set<String> profileIds, String reason) {

        public Refusals {
            profileIds = Set.copyOf(profileIds);
        }

        public static Refusals none() {
            return new Refusals(Set.of(), null);
        }
    }

    Optional<ProfileView> findById(String profileId);

    Optional<ProfileView> findByIdentifier(LookupType type, String normalisedValue);

    /** Up to {@code limit} profiles holding any of the identifiers, in profile id order. */
    List<ProfileView> findByAnyIdentifier(LookupType type, Collection<String> normalisedValues, int limit);

    /** The profile holding the identifier, as a result list shows it: read without the rest of the profile. */
    Optional<ProfileSummary> findSummaryByIdentifier(LookupType type, String normalisedValue);

    long count();

    /**
     * True when the read model has a new layout that is being filled while the previous one still serves reads:
     * every profile must be projected again, then {@link #completeRebuild()} switches over.
     */
    boolean awaitsRebuild();

    /** After every profile was projected again: serve from what was written. Nothing to do when not rebuilding. */
    void completeRebuild();

    /**
     * Starts a rebuild of the current layout into a new, empty read model beside the serving one (unless a rebuild into
     * a new layout is under way already): every profile is projected again, into both, and {@link #completeRebuild()}
     * serves the new one, so documents of profiles the graph no longer holds do not survive a rebuild.
     */
    void beginRebuild();

    /** Gives up a rebuild that could not be finished; the serving read model stays as it is. */
    void abandonRebuild();
}
