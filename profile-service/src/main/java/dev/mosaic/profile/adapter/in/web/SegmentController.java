package dev.mosaic.profile.adapter.in.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.mosaic.profile.domain.PhoneKey;
import dev.mosaic.profile.domain.ProfileSearch;
import dev.mosaic.profile.domain.ProfileView;
import dev.mosaic.profile.domain.segment.Condition;
import dev.mosaic.profile.domain.segment.ConditionParser;
import dev.mosaic.profile.domain.segment.Segment;
import dev.mosaic.profile.domain.segment.SegmentField;
import dev.mosaic.profile.domain.segment.Segments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.ObjectMapper;

/**
 * Segments: conditions over profiles, counted, saved, changed, deleted, listed, exported and summed up in CX statistics.
 */
@RestController
@RequestMapping("/api/v1/segments")
class SegmentController {

    private static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv; charset=UTF-8");
    private static final String EXAMPLE = """
            {"name": "Berlin promoters, bought lately",
             "condition": {"all": [
               {"field": "city", "eq": "Berlin"},
               {"field": "purchases.lastPurchase", "within": "90d"},
               {"any": [{"field": "cx.nps.category", "eq": "promoter"}, {"field": "cx.clv", "gte": 500}]},
               {"not": {"field": "cx.needsAttention", "eq": true}}]}}""";

    private final Segments segments;
    private final ProfileSearch search;
    private final ObjectMapper json;
    private final Clock clock;

    SegmentController(Segments segments, ProfileSearch search, ObjectMapper json, Clock clock) {
        this.segments = segments;
        this.search = search;
        this.json = json;
        this.clock = clock;
    }

    record CountResponse(long count) {
    }

    @NotAudited("a count")
    @PostMapping("/preview")
    @Operation(summary = "Count the profiles a condition selects, without saving it",
            description = "An invalid condition gets 400 with `path` naming where it is wrong, e.g. `$.condition.all[1].gte`.")
    CountResponse preview(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(value = EXAMPLE))) @RequestBody SegmentRequest request) {
        return new CountResponse(search.count(condition(request)));
    }

    @NotAudited("aggregates over the members")
    @PostMapping("/preview/stats")
    @Operation(summary = "CX statistics of the profiles a condition selects, without saving it",
            description = "As `GET /{id}/stats` for a saved segment (`segmentId` is null), validated like preview: "
                    + "what a segment builder shows while the condition is edited.")
    SegmentStatsResponse previewStats(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(value = EXAMPLE))) @RequestBody SegmentRequest request) {
        return SegmentStatsResponse.of(null, search.statistics(condition(request)));
    }

    @NotAudited("the condition schema")
    @GetMapping("/fields")
    @Operation(summary = "The fields a condition may name, with their types, operators and allowed values",
            description = "The schema the server validates conditions against, so a client never hard-codes it; "
                    + "also the limits of a condition (depth, comparisons, values, days).")
    SegmentSchemaResponse fields() {
        return SegmentSchemaResponse.current();
    }

    @Audited("segment.create")
    @PostMapping
    @Operation(summary = "Save a segment", description = "Validated like preview; kept in the identity graph (Neo4j), "
            + "which survives a rebuild of the search index. Answers 201 with the segment and its Location. "
            + "Audited as `segment.create`.")
    ResponseEntity<SegmentResponse> save(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject(value = EXAMPLE))) @RequestBody SegmentRequest request,
            HttpServletRequest http) {
        Definition definition = definition(request);
        var now = clock.instant();
        Segment segment = new Segment("seg-" + UUID.randomUUID().toString().substring(0, 13), definition.name(),
                definition.description(), definition.condition(), now, now);
        segments.save(segment);
        http.setAttribute(AuditedAccess.SEGMENT_ATTRIBUTE, segment.id());
        return ResponseEntity.created(URI.create("/api/v1/segments/" + segment.id())).body(SegmentResponse.of(segment));
    }

    @Audited("segment.update")
    @PutMapping("/{id}")
    @Operation(summary = "Change a saved segment's name, description and condition",
            description = "The whole definition, validated like save (400 naming the condition's path, e.g. "
                    + "`$.condition.all[0].eq`); the id and createdAt stay, updatedAt moves on. 404 for an unknown id. "
                    + "Audited as `segment.update`.")
    ResponseEntity<SegmentResponse> update(@PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = EXAMPLE))) @RequestBody SegmentRequest request) {
        Segment saved = segments.find(id).orElse(null);
        if (saved == null) {
            return ResponseEntity.notFound().build();
        }
        Definition definition = definition(request);
        Segment changed = saved.changedTo(definition.name(), definition.description(), definition.condition(),
                clock.instant());
        return segments.update(changed) ? ResponseEntity.ok(SegmentResponse.of(changed))
                : ResponseEntity.notFound().build();
    }

    @Audited("segment.delete")
    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a saved segment",
            description = "204; 404 for an unknown id. Only the definition goes: no profile changes. Files exported "
                    + "from it earlier are not reachable from Mosaic. Audited as `segment.delete`.")
    ResponseEntity<Void> delete(@PathVariable String id) {
        return segments.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    @NotAudited("segment definitions")
    @GetMapping
    @Operation(summary = "Every saved segment, newest first")
    List<SegmentResponse> all() {
        return segments.all().stream().map(SegmentResponse::of).toList();
    }

    @NotAudited("a segment definition")
    @GetMapping("/{id}")
    @Operation(summary = "A saved segment")
    ResponseEntity<SegmentResponse> byId(@PathVariable String id) {
        return ResponseEntity.of(segments.find(id).map(SegmentResponse::of));
    }

    record MembersResponse(String segmentId, long total, int page, int size, List<ProfileSummaryResponse> members) {
    }

    @Audited("segment.members")
    @GetMapping("/{id}/members")
    @Operation(summary = "The segment's members, paged, in profile id order")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MembersResponse.class),
            examples = @ExampleObject(name = "two members", value = OpenApiExamples.SEGMENT_MEMBERS)))
    ResponseEntity<MembersResponse> members(
            @PathVariable String id,
            @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "members per page, 1.." + ProfileSearchController.MAX_SIZE)
            @RequestParam(defaultValue = "20") int size) {
        ProfileSearchController.checkPage(page, size);
        return ResponseEntity.of(segments.find(id).map(segment -> {
            ProfileSearch.ProfilePage found = search.members(segment.condition(), page, size);
            return new MembersResponse(id, found.total(), page, size,
                    found.hits().stream().map(ProfileSummaryResponse::of).toList());
        }));
    }

    @NotAudited("aggregates over the members")
    @GetMapping("/{id}/stats")
    @Operation(summary = "CX statistics of the segment: NPS distribution, CSAT, CLV percentiles",
            description = "Computed by Elasticsearch aggregations over the members; formulas in docs/segments.md.")
    ResponseEntity<SegmentStatsResponse> stats(@PathVariable String id) {
        return ResponseEntity.of(segments.find(id)
                .map(segment -> SegmentStatsResponse.of(id, search.statistics(segment.condition()))));
    }

    /** Which consent an export is for, and so which members and contact columns it holds. */
    enum ExportConsent { EMAIL, SMS, NONE }

    @Audited("segment.export")
    @GetMapping("/{id}/export")
    @Operation(summary = "Stream the segment's members as CSV or JSON Lines, honouring consent",
            description = """
                    consent=email (the default) exports only members whose latest email consent is an opt-in, with \
                    their email; consent=sms only those with an SMS opt-in and a valid phone number, with it in \
                    E.164 (a number kept as typed because it is not valid is no address); consent=none every \
                    member without any contact column (for analysis). Columns: profileId, displayName, firstName, \
                    lastName, city, country, npsCategory, clv, then email or phone. In CSV a cell starting with \
                    = + - @ (or a tab or carriage return) gets a leading ' so a spreadsheet shows it instead of \
                    running it. Streamed in pages of 500 in profile id order.""")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String id,
            @Parameter(description = "csv or jsonl") @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "email, sms or none") @RequestParam(defaultValue = "email") String consent) {
        if (!format.equals("csv") && !format.equals("jsonl")) {
            throw new BadRequestException("format '" + format + "' is not one of: csv, jsonl");
        }
        ExportConsent purpose;
        try {
            purpose = ExportConsent.valueOf(consent.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("consent '" + consent + "' is not one of: email, sms, none");
        }
        Segment segment = segments.find(id).orElse(null);
        if (segment == null) {
            return ResponseEntity.notFound().build();
        }
        Condition members = switch (purpose) {
            case EMAIL -> new Condition.All(List.of(segment.condition(), new Condition.Equals(SegmentField.EMAIL_CONSENT, true)));
            case SMS -> new Condition.All(List.of(segment.condition(), new Condition.Equals(SegmentField.SMS_CONSENT, true)));
            case NONE -> segment.condition();
        };
        boolean csv = format.equals("csv");
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            boolean[] header = {csv};
            search.forEachMember(members, profile -> {
                Map<String, Object> row = row(profile, purpose);
                if (purpose == ExportConsent.SMS && row.get("phone") == null) {
                    // Agreed to texts, but no number holds that reaches them: nothing to send to.
                    return;
                }
                try {
                    if (header[0]) {
                        writer.write(SpreadsheetCells.row(row.keySet()));
                        header[0] = false;
                    }
                    if (csv) {
                        writer.write(SpreadsheetCells.row(row.values()));
                    } else {
                        writer.write(json.writeValueAsString(row));
                        writer.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (header[0]) {
                writer.write(SpreadsheetCells.row(row(null, purpose).keySet()));
            }
            writer.flush();
        };
        String file = id + "-" + purpose.name().toLowerCase(Locale.ROOT) + "." + format;
        return ResponseEntity.ok().contentType(csv ? CSV : JSON_LINES)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").body(body);
    }

    private static Map<String, Object> row(ProfileView profile, ExportConsent purpose) {
        Map<String, Object> row = new LinkedHashMap<>();
        boolean known = profile != null;
        var golden = known ? profile.golden() : null;
        row.put("profileId", known ? profile.profileId() : null);
        row.put("displayName", known ? profile.displayName() : null);
        row.put("firstName", golden == null ? null : golden.firstName().value());
        row.put("lastName", golden == null ? null : golden.lastName().value());
        row.put("city", golden == null || golden.address() == null ? null : golden.address().city());
        row.put("country", golden == null ? null : golden.country().value());
        row.put("npsCategory", known && profile.cx() != null && profile.cx().nps() != null
                ? profile.cx().nps().category().name() : null);
        row.put("clv", known && profile.cx() != null && profile.cx().clv() != null ? profile.cx().clv().value() : null);
        switch (purpose) {
            case EMAIL -> row.put("email", golden != null && golden.email().value() != null ? golden.email().value()
                    : known ? profile.emails().stream().findFirst().orElse(null) : null);
            // Only a number a text message reaches: the golden phone when valid, else any valid one of the records.
            case SMS -> row.put("phone", !known ? null : Stream.concat(
                            golden == null ? Stream.<String>empty() : Stream.ofNullable(golden.phone().value()),
                            profile.phones().stream())
                    .map(PhoneKey::dialable).flatMap(Optional::stream).findFirst().orElse(null));
            case NONE -> {
            }
        }
        return row;
    }

    private record Definition(String name, String description, Condition condition) {
    }

    /** A segment's definition to save: a name (1-200 characters), an optional description, a valid condition. */
    private static Definition definition(SegmentRequest request) {
        if (request == null || request.name() == null || request.name().isBlank()
                || request.name().strip().length() > 200) {
            throw new BadRequestException("name is required, at most 200 characters");
        }
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        if (description != null && description.length() > 2000) {
            throw new BadRequestException("description is at most 2000 characters");
        }
        return new Definition(request.name().strip(), description, condition(request));
    }

    private static Condition condition(SegmentRequest request) {
        if (request == null) {
            throw new BadRequestException("a JSON body with a condition is required");
        }
        return ConditionParser.parse(request.condition(), "$.condition");
    }
}
