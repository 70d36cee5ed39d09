package dev.mosaic.profile.adapter.in.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileEvent;
import dev.mosaic.identity.domain.ProfileId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** A profile's merges and splits, from the identity graph's event records. */
@RestController
class ProfileHistoryController {

    /** A profile's events are few; a profile merged with hundreds of others shows its latest. */
    static final int MAX_EVENTS = 500;

    private final IdentityGraph graph;

    ProfileHistoryController(IdentityGraph graph) {
        this.graph = graph;
    }

    @Audited("profile.history")
    @GetMapping("/api/v1/profiles/{profileId}/history")
    @Operation(summary = "The merges and splits of a profile, newest first, each with its cause",
            description = "Every merge and split that involved this profile id: by incremental resolution during an "
                    + "import (cause import), by a full run (full_run, with runId), by a steward (steward, with the "
                    + "decision id and who took it), or when a value was found generic and the profile it held "
                    + "together was regrouped (generic_identifier, with the reason). Works for an id that no longer "
                    + "exists (merged away): its last event says where its records went. At most " + MAX_EVENTS
                    + " events; 404 when the id never existed.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProfileHistoryResponse.class),
            examples = @ExampleObject(name = "split by a steward, then merged back", value = OpenApiExamples.HISTORY)))
    ResponseEntity<ProfileHistoryResponse> history(@PathVariable String profileId) {
        ProfileId id = new ProfileId(profileId);
        List<ProfileEvent> events = graph.history(id, MAX_EVENTS);
        boolean exists = graph.profileExists(id);
        if (!exists && events.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(new ProfileHistoryResponse(profileId, exists,
                events.stream().map(event -> response(event, id)).toList()));
    }

    private static ProfileHistoryResponse.Event response(ProfileEvent event, ProfileId seenFrom) {
        return new ProfileHistoryResponse.Event(event.at(), code(event.kind()), event.survivor().value(),
                event.other().value(), code(event.cause()), event.runId(), event.decisionId(), event.steward(),
                event.reason(), summary(event, seenFrom));
    }

    private static String summary(ProfileEvent event, ProfileId seenFrom) {
        boolean survivor = event.survivor().equals(seenFrom);
        String what = switch (event.kind()) {
            case MERGED -> survivor ? "took in the records of " + event.other().value()
                    : "merged into " + event.survivor().value();
            case SPLIT -> survivor ? "records split off into " + event.other().value()
                    : "split off " + event.survivor().value();
        };
        String why = switch (event.cause()) {
            case IMPORT -> "by incremental resolution during an import";
            case FULL_RUN -> "by full run " + event.runId();
            case STEWARD -> "by steward " + (event.steward() == null ? "(unknown)" : event.steward());
            case GENERIC_IDENTIFIER -> "because " + (event.reason() == null ? "a value was found generic" : event.reason());
        };
        return what + " " + why;
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
