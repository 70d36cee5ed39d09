package dev.mosaic.profile.adapter.in.web;

import java.time.Duration;
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

import dev.mosaic.identity.application.RecordIngestion;
import dev.mosaic.identity.domain.IdentityGraph;
import dev.mosaic.identity.domain.ProfileChangeListener;
import dev.mosaic.identity.domain.ProfileId;
import dev.mosaic.identity.domain.SourceRecordKey;
import dev.mosaic.identity.domain.matching.IdentifierField;
import dev.mosaic.identity.domain.matching.IdentifierValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

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

    /** The profile that stays, and the one merged into it (its id now answers with its history only). */
    record MergeResponse(String profileId, String mergedProfileId) {
    }

    /** One side of a review pair: the record, and the profile it is in now (the one a steward would merge). */
    record ReviewSide(String source, String recordId, String profileId) {
    }

    record ReviewPairResponse(ReviewSide first, ReviewSide second, double probability, String reason) {
    }

    record GenericIdentifierResponse(String type, String value, String reason, int records) {
    }

    record IdentifierVerdict(String type, String value, boolean generic) {
    }

    /** The answers a steward's merge and split share. */
    private static final String RUN_BEING_APPLIED = "A full resolution run is being applied; nothing was changed, "
            + "send it again after Retry-After seconds.";
    private static final String IMPOSSIBLE_DECISION = "The decision is impossible (a profile merged with itself, a "
            + "split of all or none of the profile's records, records of another profile); the detail says why.";

    /** Import chunks take a second or two; a full run being applied takes minutes, and the steward hears so. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final IdentityGraph graph;
    private final ProfileChangeListener projection;
    private final RecordIngestion ingestion;

    StewardController(IdentityGraph graph, ProfileChangeListener projection, RecordIngestion ingestion) {
        this.graph = graph;
        this.projection = projection;
        this.ingestion = ingestion;
    }

    @Audited("profile.merge")
    @PostMapping("/profiles/{profileId}/merge")
    @ApiResponse(responseCode = "200", description = "Done", content = @Content(
            schema = @Schema(implementation = MergeResponse.class)))
    @ApiResponse(responseCode = "409", description = RUN_BEING_APPLIED, headers = @Header(name = "Retry-After",
            schema = @Schema(type = "integer")))
    @ApiResponse(responseCode = "422", description = IMPOSSIBLE_DECISION)
    @Operation(summary = "Merge another profile into this one by hand",
            description = "Kept as a must-link between the two profiles' records, honoured by every later run. "
                    + "Waits for import chunks being resolved; while a full run is being applied, 409 with "
                    + "Retry-After after 20 s, and nothing changed.")
    ResponseEntity<MergeResponse> merge(@PathVariable String profileId, @RequestBody MergeRequest request,
                                        Authentication who) {
        if (request == null || request.otherProfileId() == null || request.otherProfileId().isBlank()) {
            throw new BadRequestException("otherProfileId names the profile to merge into " + profileId);
        }
        ingestion.exclusively(() -> {
            graph.mergeByHand(new ProfileId(profileId), new ProfileId(request.otherProfileId()), who.getName());
            return null;
        }, PATIENCE);
        projection.profilesChanged(Set.of(new ProfileId(profileId)), Set.of(new ProfileId(request.otherProfileId())));
        return ResponseEntity.ok(new MergeResponse(profileId, request.otherProfileId()));
    }

    @Audited("profile.split")
    @PostMapping("/profiles/{profileId}/split")
    @ApiResponse(responseCode = "200", description = "Done", content = @Content(
            schema = @Schema(implementation = SplitResponse.class)))
    @ApiResponse(responseCode = "409", description = RUN_BEING_APPLIED, headers = @Header(name = "Retry-After",
            schema = @Schema(type = "integer")))
    @ApiResponse(responseCode = "422", description = IMPOSSIBLE_DECISION)
    @Operation(summary = "Split records off a profile into a new profile by hand",
            description = "The records named move to a new profile; the two sides are kept as a cannot-link that "
                    + "every later run honours. Waits for import chunks being resolved; while a full run is being "
                    + "applied, 409 with Retry-After after 20 s, and nothing changed.")
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
        ProfileId created = ingestion.exclusively(() -> graph.splitByHand(new ProfileId(profileId), records,
                who.getName()), PATIENCE);
        projection.profilesChanged(Set.of(new ProfileId(profileId), created), Set.of());
        return ResponseEntity.ok(new SplitResponse(profileId, created.value()));
    }

    @Audited("resolution.review")
    @GetMapping("/resolution/review")
    @Operation(summary = "Pairs held back from merging (grey zone, a guard's veto, a single weak bridge), strongest first",
            description = "One pair of records for two profiles (the strongest), each side with the profile it is in now;"
                    + " pairs whose records have come into one profile since are left out.")
    List<ReviewPairResponse> review(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new BadRequestException("limit must be between 1 and 10000");
        }
        return graph.reviewQueue(limit).stream().map(queued -> new ReviewPairResponse(
                new ReviewSide(queued.pair().first().source(), queued.pair().first().recordId(),
                        queued.firstProfile().value()),
                new ReviewSide(queued.pair().second().source(), queued.pair().second().recordId(),
                        queued.secondProfile().value()),
                queued.pair().probability(), queued.pair().reason())).toList();
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
