package dev.mosaic.profile.application;

import java.util.Optional;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.profile.domain.Timeline;

/**
 * A profile's timeline, read from the identity graph: it holds every touchpoint with all its details and is current
 * the moment an import chunk commits, while the search index keeps only what is searched and summarised.
 */
public final class ProfileTimeline {

    private final IdentityGraph graph;

    public ProfileTimeline(IdentityGraph graph) {
        this.graph = graph;
    }

    /** Empty when there is no such profile. */
    public Optional<Timeline.Page> page(String profileId, int page, int size) {
        return graph.findProfile(new ProfileId(profileId)).map(profile -> Timeline.page(profile.records(), page, size));
    }
}
