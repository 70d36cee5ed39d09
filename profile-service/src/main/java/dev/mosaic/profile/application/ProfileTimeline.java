package dev.mosaic.profile.application;

import java.util.Optional;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.RecordKind;
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
        return page(profileId, null, page, size);
    }

    /**
     * @param kind only touchpoints of this kind ({@link RecordKind#code()}: purchase, ticket, campaign_response,
     *             social_interaction); null for all. Empty when there is no such profile.
     */
    public Optional<Timeline.Page> page(String profileId, RecordKind kind, int page, int size) {
        return graph.findProfile(new ProfileId(profileId)).map(profile -> Timeline.page(kind == null
                ? profile.records()
                : profile.records().stream().filter(record -> record.kind() == kind).toList(), page, size));
    }
}
