package dev.mosaic.profile.adapter.in.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.ResolvedProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Explains a profile from the identity graph itself, the source of truth, not from the search index. */
@RestController
class ExplanationController {

    private final IdentityGraph graph;

    ExplanationController(IdentityGraph graph) {
        this.graph = graph;
    }

    @Audited("profile.explain")
    @GetMapping("/api/v1/profiles/{profileId}/explain")
    @Operation(summary = "Why each record belongs to the profile: the links with rule, score and evidence")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExplanationResponse.class),
            examples = @ExampleObject(name = "three records, two links", value = OpenApiExamples.EXPLANATION)))
    ResponseEntity<ExplanationResponse> explain(@PathVariable String profileId) {
        return ResponseEntity.of(graph.findProfile(new ProfileId(profileId)).map(ExplanationController::explanation));
    }

    private static ExplanationResponse explanation(ResolvedProfile profile) {
        Map<String, Long> linksByRule = profile.links().stream()
                .collect(Collectors.groupingBy(link -> link.rule(), TreeMap::new, Collectors.counting()));
        String summary = profile.records().size() + " record(s)"
                + (profile.links().isEmpty() ? ", no links: a profile of one record"
                : " joined by " + profile.links().size() + " link(s): " + linksByRule.entrySet().stream()
                        .map(entry -> entry.getValue() + " by " + entry.getKey()).collect(Collectors.joining(", ")));
        return new ExplanationResponse(profile.id().value(), summary,
                profile.records().stream().map(record -> new ExplanationResponse.Member(record.key().source(),
                        record.key().recordId(), record.kind().code(), record.matchingIdentifiers().stream()
                        .map(identifier -> identifier.type().code() + ":" + identifier.value()).toList(),
                        record.warnings())).toList(),
                profile.links().stream().map(link -> new ExplanationResponse.Link(link.from().toString(),
                        link.to().toString(), link.rule(), link.score(), link.evidence(),
                        link.contributions().stream().map(field -> new ExplanationResponse.FieldEvidence(field.field(),
                                field.level(), Math.round(field.weight() * 100) / 100.0)).toList())).toList());
    }
}
