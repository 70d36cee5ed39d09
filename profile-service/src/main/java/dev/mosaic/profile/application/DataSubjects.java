package dev.mosaic.profile.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mosaic.identity.domain.IdentityGraph;
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
    private final ProfileProjection projection;
    private final UploadedFiles uploads;

    public DataSubjects(IdentityGraph graph, ProfileReadModel readModel, ProfileProjection projection,
                        UploadedFiles uploads) {
        this.graph = graph;
        this.readModel = readModel;
        this.projection = projection;
        this.uploads = uploads;
    }

    /** Everything held about the person: the graph's records and links, the projected profile, the timeline. */
    public record PersonalData(ResolvedProfile resolved, Optional<ProfileView> profile, List<Timeline.Entry> timeline) {
    }

    /**
     * What an erasure removed.
     *
     * @param searchable whether the read model may still hold the person's document: it did not answer, so the
     *                   document is removed in the background as soon as it does (or by erasing again)
     */
    public record Erased(String profileId, int records, int identifiers, int uploadedFiles, boolean searchable) {
    }

    public Optional<PersonalData> export(String profileId) {
        return graph.findProfile(new ProfileId(profileId)).map(resolved -> new PersonalData(resolved,
                readModel.findById(profileId), Timeline.of(resolved.records())));
    }

    /**
     * Erases the person from the graph (leaving tombstones), the read model and the uploaded files that hold their
     * records. The profile is marked due for projection first, so that its document is removed from the read model
     * even when the read model does not answer now: in the background, once it does. Erasing again a person whose
     * graph part is gone but whose document is still held finishes the job. Empty when there is no such profile
     * anywhere.
     */
    public Optional<Erased> erase(String profileId) {
        ProfileId id = new ProfileId(profileId);
        ProfileProjection.Pending pending = projection.expectChange(Set.of(id));
        Optional<IdentityGraph.Erasure> erased = graph.erase(id);
        if (erased.isEmpty()) {
            boolean held = readModel.findById(profileId).isPresent();
            // Unknown everywhere, or a repeated erasure: either way the due mark finds nothing to write.
            boolean searchable = !projection.project(pending) && held;
            return held ? Optional.of(new Erased(profileId, 0, 0, 0, searchable)) : Optional.empty();
        }
        boolean searchable = !projection.project(pending);
        IdentityGraph.Erasure erasure = erased.get();
        int files = uploads.deleteHolding(erasure.records());
        return Optional.of(new Erased(profileId, erasure.records().size(), erasure.identifiersRemoved(), files,
                searchable));
    }
}
