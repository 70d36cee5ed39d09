package dev.mosaic.profile.domain;

import java.util.Collection;
import java.util.Optional;

/** Where unified profiles are served from; rebuilt from the identity graph whenever needed. */
public interface ProfileReadModel {

    void saveAll(Collection<ProfileView> profiles);

    void deleteAll(Collection<String> profileIds);

    Optional<ProfileView> findById(String profileId);

    Optional<ProfileView> findByIdentifier(LookupType type, String normalisedValue);

    long count();
}
