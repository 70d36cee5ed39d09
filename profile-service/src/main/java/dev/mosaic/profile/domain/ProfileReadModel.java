package dev.mosaic.profile.domain;

import java.util.Collection;
import java.util.Optional;

/** Where unified profiles are served from; rebuilt from the identity graph whenever needed. */
public interface ProfileReadModel {

    void saveAll(Collection<ProfileView> profiles);

    void deleteAll(Collection<String> profileIds);

    Optional<ProfileView> findById(String profileId);

    Optional<ProfileView> findByIdentifier(LookupType type, String normalisedValue);

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
}
