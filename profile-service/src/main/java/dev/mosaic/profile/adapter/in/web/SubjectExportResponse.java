package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Everything Mosaic holds about a person (a data subject's access request): the unified "
        + "profile with golden record and consents, every source record as stored (all fields and attributes), the "
        + "links between them with rule and evidence, and the whole timeline")
record SubjectExportResponse(
        String profileId,
        Instant exportedAt,
        @Schema(description = "The unified profile, with the golden record and email/SMS consent; null when the "
                + "read model has not projected it yet") ProfileResponse profile,
        List<Record> records,
        List<Link> links,
        List<TimelineResponse.Entry> timeline) {

    @Schema(name = "ExportedRecord")
    record Record(String source, String recordId, String kind, String firstName, String lastName, String email,
                  @Schema(description = "As given") String phone, LocalDate birthDate, String city, String postalCode,
                  String country, String loyaltyId, String socialHandle, Instant occurredAt,
                  @Schema(description = "Every further column of the row") Map<String, String> attributes,
                  List<String> warnings) {
    }

    @Schema(name = "ExportedLink")
    record Link(String from, String to, String rule, double score, String evidence) {
    }
}
