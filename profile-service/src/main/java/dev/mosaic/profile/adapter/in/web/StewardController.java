package dev.mosaic.profile.adapter.in.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.IdentifierField;
import dev.mosaic.identity.domain.matching.IdentifierValue;
import io.swagger.v3.oas.annotations.Operation;

/**
 * What stewards decide: merging and splitting profiles by hand (kept as must-link and cannot-link constraints that
 * every later run honours, and audited), the review queue of grey-zone pairs, and the list of generic identifiers.
 */
@RestController
@RequestMapping("/api/v1")
class StewardController {

    record MergeRequest(String otherProfileId) {
    }

    record SplitRequest(List<RecordRef> records) {
    }

    record RecordRef(String source, String recordId) {
    }

    record SplitResponse(String profileId, String newProfileId) {
    }

    record ReviewPairResponse(RecordRef first, RecordRef second, double probability, String reason) {
    }

    record GenericIdentifierResponse(String type, String value, String reason, int records) {
    }

    record IdentifierVerdict(String type, String value, boolean generic) {
    }

    private final IdentityGraph graph;
    private final ProfileChangeListener projection;

    StewardController(IdentityGraph graph, ProfileChangeListener projection) {
        this.graph = graph;
        this.projection = projection;
    }

    @Audited("profile.merge")
    @PostMapping("/profiles/{profileId}/merge")
    @Operation(summary = "Merge another profile into this one by hand",
            description = "Kept as a must-link between the two profiles' records, honoured by every later run.")
    ResponseEntity<SplitResponse> merge(@PathVariable String profileId, @RequestBody MergeRequest request,
                                        Authentication who) {
        if (request == null || request.otherProfileId() == null || request.otherProfileId().isBlank()) {
            throw new BadRequestException("otherProfileId names the profile to merge into " + profileId);
        }
        graph.mergeByHand(new ProfileId(profileId), new ProfileId(request.otherProfileId()), who.getName());
        projection.profilesChanged(Set.of(new ProfileId(profileId)), Set.of(new ProfileId(request.otherProfileId())));
        return ResponseEntity.ok(new SplitResponse(profileId, null));
    }

    @Audited("profile.split")
    @PostMapping("/profiles/{profileId}/split")
    @Operation(summary = "Split records off a profile into a new profile by hand",
            description = "The records named move to a new profile; the two sides are kept as a cannot-link that "
                    + "every later run honours.")
    ResponseEntity<SplitResponse> split(@PathVariable String profileId, @RequestBody SplitRequest request,
                                        Authentication who) {
        if (request == null || request.records() == null || request.records().isEmpty()) {
            throw new BadRequestException("records lists the records (source, recordId) to split off " + profileId);
        }
        Set<SourceRecordKey> records = request.records().stream().map(ref -> {
            if (ref.source() == null || ref.recordId() == null) {
                throw new BadRequestException("each record needs source and recordId");
            }
            return new SourceRecordKey(ref.source(), ref.recordId());
        }).collect(Collectors.toSet());
        ProfileId created = graph.splitByHand(new ProfileId(profileId), records, who.getName());
        projection.profilesChanged(Set.of(new ProfileId(profileId), created), Set.of());
        return ResponseEntity.ok(new SplitResponse(profileId, created.value()));
    }

    @Audited("resolution.review")
    @GetMapping("/resolution/review")
    @Operation(summary = "Pairs held back from merging (grey zone, a guard's veto, a single weak bridge), strongest first")
    List<ReviewPairResponse> review(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new BadRequestException("limit must be between 1 and 10000");
        }
        return graph.reviewQueue(limit).stream().map(entry -> new ReviewPairResponse(
                new RecordRef(entry.first().source(), entry.first().recordId()),
                new RecordRef(entry.second().source(), entry.second().recordId()), entry.probability(),
                entry.reason())).toList();
    }

    @Audited("resolution.generic-identifiers")
    @GetMapping("/resolution/generic-identifiers")
    @Operation(summary = "Identifier values that do not prove identity (placeholders, shared by different people, listed)")
    List<GenericIdentifierResponse> generic() {
        return graph.genericIdentifiers().stream().map(value -> new GenericIdentifierResponse(
                value.identifier().field().code(), value.identifier().value(), value.reason(), value.records())).toList();
    }

    @Audited("resolution.identifier-verdict")
    @PutMapping("/resolution/generic-identifiers")
    @Operation(summary = "A steward's verdict on an identifier value: generic=true to distrust it, false to trust it")
    ResponseEntity<Void> setVerdict(@RequestBody IdentifierVerdict verdict, Authentication who) {
        graph.setIdentifierOverride(identifier(verdict.type(), verdict.value()), verdict.generic(), who.getName());
        return ResponseEntity.noContent().build();
    }

    @Audited("resolution.identifier-verdict")
    @DeleteMapping("/resolution/generic-identifiers")
    @Operation(summary = "Withdraw a steward's verdict on an identifier value; detection decides again")
    ResponseEntity<Void> clearVerdict(@RequestParam String type, @RequestParam String value, Authentication who) {
        graph.setIdentifierOverride(identifier(type, value), null, who.getName());
        return ResponseEntity.noContent().build();
    }

    private static IdentifierValue identifier(String type, String value) {
        if (type == null || value == null || value.isBlank()) {
            throw new BadRequestException("type (email|phone|loyalty_id|social_handle) and value are required");
        }
        try {
            return new IdentifierValue(IdentifierField.fromCode(type), value.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("type must be email, phone, loyalty_id or social_handle, not " + type);
        }
    }
}
