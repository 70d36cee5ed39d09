package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.profile.domain.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/** The audit trail for an admin: who read or exported which profile or segment, when. */
@RestController
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Schema(name = "AuditEntry")
    record AuditEntryResponse(Instant at,
                              @Schema(description = "The API key's name, or the signed-in person's user name") String who,
                              @Schema(description = "What was done, e.g. profile.read, profile.lookup, profile.search, "
                                      + "profile.timeline, profile.offers, profile.explain, profile.history, profile.export, profile.erase, "
                                      + "profile.merge, profile.split, export.memberships, segment.export, segment.members, "
                                      + "segment.create, segment.update, segment.delete, cx.detractors, import.quarantine, "
                                      + "resolution.generic-identifiers, resolution.identifier-verdict, resolution.review, "
                                      + "resolution.run, admin.key.*, admin.user.*, audit.read, session.signin, "
                                      + "session.signin-failed, session.signin-locked, session.signout; a handler that "
                                      + "names none: its method and path (docs/security.md#audit-trail)") String action,
                              @Schema(description = "The request path, without its query") String path,
                              String profileId, String segmentId) {
    }

    @Audited("audit.read")
    @GetMapping("/api/v1/admin/audit")
    @Operation(summary = "Audited reads, exports, erasures and sign-ins, newest first")
    List<AuditEntryResponse> audit(
            @Parameter(description = "API key name or user name") @RequestParam(required = false) String who,
            @RequestParam(required = false) String profileId,
            @RequestParam(required = false) String action,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "1.." + MAX_LIMIT) @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be 1.." + MAX_LIMIT);
        }
        return trail.find(new AuditTrail.Criteria(who, profileId, action, instant("from", from), instant("to", to), limit))
                .stream().map(entry -> new AuditEntryResponse(entry.at(), entry.who(), entry.action(), entry.path(),
                        entry.profileId(), entry.segmentId())).toList();
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            throw new BadRequestException(name + " must be an instant of the years 1 to 9999");
        }
        return instant;
    }
}
