package dev.mosaic.identity.domain;

import java.util.Set;

/** Told when profiles were formed, changed or merged away, so read models can follow. */
public interface ProfileChangeListener {

    void profilesChanged(Set<ProfileId> changed, Set<ProfileId> removed);
}
