package dev.mosaic.profile.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.ResolvedProfile;
import dev.mosaic.profile.domain.ProfileReadModel;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.profile.domain.Timeline;
import dev.mosaic.profile.domain.UploadedFiles;

/** What a person may ask of the data about them: all of it (export), or that it is erased everywhere. */
public final class DataSubjects {

    private final IdentityGraph graph;
    private final ProfileReadModel readModel;
    private final ProfileChangeListener projection;
    private final UploadedFiles uploads;

    public DataSubjects(IdentityGraph graph, ProfileReadModel readModel, ProfileChangeListener projection,
                        UploadedFiles uploads) {
        this.graph = graph;
        this.readModel = readModel;
        this.projection = projection;
        this.uploads = uploads;
    }

    /** Everything held about the person: the graph's records and links, the projected profile, the timeline. */
    public record PersonalData(ResolvedProfile resolved, Optional<ProfileView> profile, List<Timeline.Entry> timeline) {
    }

    /** What an erasure removed. */
    public record Erased(String profileId, int records, int identifiers, int uploadedFiles) {
    }

    public Optional<PersonalData> export(String profileId) {
        return graph.findProfile(new ProfileId(profileId)).map(resolved -> new PersonalData(resolved,
                readModel.findById(profileId), Timeline.of(resolved.records())));
    }

    /**
     * Erases the person from the graph (leaving tombstones), the read model and the uploaded files that hold their
     * records. Empty when there is no such profile.
     */
    public Optional<Erased> erase(String profileId) {
        ProfileId id = new ProfileId(profileId);
        return graph.erase(id).map(erasure -> {
            projection.profilesChanged(Set.of(), Set.of(id));
            int files = uploads.deleteHolding(erasure.records());
            return new Erased(profileId, erasure.records().size(), erasure.identifiersRemoved(), files);
        });
    }
}
