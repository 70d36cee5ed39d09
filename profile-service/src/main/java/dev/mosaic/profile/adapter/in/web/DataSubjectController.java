package dev.mosaic.profile.adapter.in.web;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.profile.application.DataSubjects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** A data subject's rights: a full export of what is held about them, and erasure everywhere. */
@RestController
class DataSubjectController {

    private final DataSubjects subjects;
    private final Clock clock;
    private final boolean reimportErased;
    private final ProfileResponseMapper mapper = new ProfileResponseMapperImpl();

    DataSubjectController(DataSubjects subjects, Clock clock,
                          @Value("${mosaic.privacy.reimport-erased:false}") boolean reimportErased) {
        this.subjects = subjects;
        this.clock = clock;
        this.reimportErased = reimportErased;
    }

    @Schema(name = "Erasure")
    record ErasureResponse(String profileId,
                           @Schema(description = "Source records removed from the graph") int records,
                           @Schema(description = "Identifiers removed (those no other record holds)") int identifiers,
                           @Schema(description = "Uploaded files deleted because they held one of the records")
                           int uploadedFiles,
                           @Schema(description = "Whether a re-import of the same records brings them back "
                                   + "(mosaic.privacy.reimport-erased)") boolean reimportBringsBack,
                           @Schema(description = "removed: the person is no longer in the search index. pending: "
                                   + "Elasticsearch did not answer; the document is removed in the background as soon "
                                   + "as it does (answered with 202), and erasing again removes it too",
                                   allowableValues = {"removed", "pending"}) String searchIndex) {
    }

    @Audited("profile.export")
    @GetMapping("/api/v1/profiles/{profileId}/export")
    @Operation(summary = "Everything held about the person: profile, golden record, consents, every source record, "
            + "links, timeline (audited)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubjectExportResponse.class),
            examples = @ExampleObject(name = "everything about Anna", value = OpenApiExamples.SUBJECT_EXPORT)))
    ResponseEntity<SubjectExportResponse> export(@PathVariable String profileId) {
        return ResponseEntity.of(subjects.export(profileId).map(data -> new SubjectExportResponse(profileId,
                clock.instant(), data.profile().map(mapper::toResponse).orElse(null),
                data.resolved().records().stream().map(DataSubjectController::record).toList(),
                data.resolved().links().stream().map(link -> new SubjectExportResponse.Link(link.from().toString(),
                        link.to().toString(), link.rule(), link.score(), link.evidence())).toList(),
                data.timeline().stream().map(TimelineResponse::entry).toList())));
    }

    @Audited("profile.erase")
    @DeleteMapping("/api/v1/profiles/{profileId}")
    @Operation(summary = "Erases the person everywhere (ADMIN): graph records, identifiers, links and profile, the "
            + "search index, uploaded files holding their records; keeps hashed tombstones so a re-import skips them")
    @ApiResponse(responseCode = "200", description = "Erased, and no longer in the search index",
            content = @Content(schema = @Schema(implementation = ErasureResponse.class),
                    examples = @ExampleObject(name = "erased", value = OpenApiExamples.ERASURE)))
    @ApiResponse(responseCode = "202", description = "Erased from the graph; Elasticsearch did not answer, so the search "
            + "index document is removed in the background as soon as it does (erasing again also removes it)",
            content = @Content(schema = @Schema(implementation = ErasureResponse.class),
                    examples = @ExampleObject(name = "index pending", value = OpenApiExamples.ERASURE_PENDING)))
    ResponseEntity<ErasureResponse> erase(@PathVariable String profileId) {
        return subjects.erase(profileId).map(erased -> ResponseEntity.status(erased.searchable() ? 202 : 200)
                        .body(new ErasureResponse(erased.profileId(), erased.records(), erased.identifiers(),
                                erased.uploadedFiles(), reimportErased, erased.searchable() ? "pending" : "removed")))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static SubjectExportResponse.Record record(SourceRecord record) {
        return new SubjectExportResponse.Record(record.key().source(), record.key().recordId(), record.kind().code(),
                record.firstName(), record.lastName(), record.email() == null ? null : record.email().value(),
                record.phone() == null ? null : record.phone().raw(), record.birthDate(), record.city(),
                record.postalCode(), record.country(), record.loyaltyId(), record.socialHandle(), record.occurredAt(),
                record.attributes(), record.warnings());
    }
}
