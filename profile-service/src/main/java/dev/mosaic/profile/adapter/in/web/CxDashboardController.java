package dev.mosaic.profile.adapter.in.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mosaic.profile.domain.dashboard.CxDashboard;
import dev.mosaic.profile.domain.dashboard.DashboardQuery;
import dev.mosaic.profile.domain.dashboard.Detractor;
import dev.mosaic.profile.domain.dashboard.Interval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The CX dashboard for marketers: NPS, CSAT, CES and ticket times over time, by channel and store; detractors. */
@RestController
@RequestMapping("/api/v1/cx")
class CxDashboardController {

    private static final String DASHBOARD_EXAMPLE = """
            {"from": "2025-01-01", "to": "2025-02-28", "interval": "month", "channel": null, "store": null,
             "periods": [
               {"period": "2025-01", "from": "2025-01-01", "to": "2025-01-31", "figures": {
                 "nps": {"score": 33.3, "answers": 3, "promoters": 2, "passives": 0, "detractors": 1},
                 "csat": {"percent": 50.0, "matching": 1, "total": 2},
                 "ces": {"percent": 100.0, "matching": 2, "total": 2},
                 "firstResponseTime": {"average": 45.0, "median": 45.0, "tickets": 2},
                 "resolutionTime": {"average": 120.0, "median": 120.0, "tickets": 2},
                 "firstContactResolution": {"percent": 50.0, "matching": 1, "total": 2}, "tickets": 2}},
               {"period": "2025-02", "from": "2025-02-01", "to": "2025-02-28", "figures": {
                 "nps": {"score": null, "answers": 0, "promoters": 0, "passives": 0, "detractors": 0},
                 "csat": {"percent": null, "matching": 0, "total": 0},
                 "ces": {"percent": null, "matching": 0, "total": 0},
                 "firstResponseTime": {"average": null, "median": null, "tickets": 0},
                 "resolutionTime": {"average": null, "median": null, "tickets": 0},
                 "firstContactResolution": {"percent": null, "matching": 0, "total": 0}, "tickets": 0}}],
             "total": {"nps": {"score": 33.3, "answers": 3, "promoters": 2, "passives": 0, "detractors": 1},
               "csat": {"percent": 50.0, "matching": 1, "total": 2}, "ces": {"percent": 100.0, "matching": 2, "total": 2},
               "firstResponseTime": {"average": 45.0, "median": 45.0, "tickets": 2},
               "resolutionTime": {"average": 120.0, "median": 120.0, "tickets": 2},
               "firstContactResolution": {"percent": 50.0, "matching": 1, "total": 2}, "tickets": 2},
             "byChannel": [{"key": "email", "touchpoints": 4, "figures": {"...": "as in total"}},
                           {"key": "chat", "touchpoints": 1, "figures": {"...": "as in total"}}],
             "byStore": [{"key": "BER-01", "touchpoints": 3, "figures": {"...": "as in total"}},
                         {"key": null, "touchpoints": 2, "figures": {"...": "as in total"}}]}""";
    private static final String DETRACTORS_EXAMPLE = """
            {"from": "2025-01-01", "to": "2025-03-31", "channel": null, "store": null, "total": 1, "page": 0,
             "size": 20, "detractors": [
               {"profileId": "p-3f9a2c1e", "displayName": "Jürgen Müller", "score": 3,
                "answeredAt": "2025-02-15T10:00:00Z", "campaignId": "NPS-Q1", "channel": "email", "store": "HAM-02",
                "emailConsent": false, "needsAttention": true}]}""";

    private final CxDashboard dashboard;
    private final Clock clock;

    CxDashboardController(CxDashboard dashboard, Clock clock) {
        this.dashboard = dashboard;
        this.clock = clock;
    }

    @NotAudited("aggregates over every profile's tickets and NPS answers")
    @GetMapping("/dashboard")
    @Operation(summary = "CX scores over time, by channel and by store",
            description = """
                    NPS (over every answer in a period), CSAT, CES, first response and resolution time (average and \
                    median minutes) and first-contact resolution, per week or month, over the whole time, and per \
                    channel and per store. A ticket counts in the period it was opened, an NPS answer in the one it \
                    was given. Computed by Elasticsearch aggregations over every profile's tickets and NPS answers; \
                    formulas and limits in docs/cx-dashboard.md. Days are UTC; without `from`, the current period and \
                    the 11 before it; without `to`, today.""",
            responses = @ApiResponse(responseCode = "200", content = @Content(
                    schema = @Schema(implementation = CxDashboardResponse.class),
                    examples = @ExampleObject(value = DASHBOARD_EXAMPLE))))
    CxDashboardResponse dashboard(
            @Parameter(description = "first day, ISO date (UTC)", example = "2025-01-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "last day, included, ISO date (UTC)", example = "2025-03-31")
            @RequestParam(required = false) String to,
            @Parameter(description = "week or month") @RequestParam(defaultValue = "month") String interval,
            @Parameter(description = "only this ticket or survey channel: email, phone, chat, social, store, sms, push")
            @RequestParam(required = false) String channel,
            @Parameter(description = "only this store id (store_id of the tickets and campaign responses)")
            @RequestParam(required = false) String store) {
        return CxDashboardResponse.of(dashboard.report(query(from, to, interval, channel, store)));
    }

    @Schema(name = "CxDetractors", description = "People whose latest NPS answer is 0-6, answered within the days")
    record DetractorsResponse(LocalDate from, LocalDate to, String channel, String store,
                              @Schema(example = "1") long total, int page, int size,
                              List<DetractorResponse> detractors) {
    }

    @Schema(name = "CxDetractor", description = "What a marketer needs to follow up; no contact data")
    record DetractorResponse(
            @Schema(example = "p-3f9a2c1e") String profileId,
            @Schema(example = "Jürgen Müller") String displayName,
            @Schema(description = "The latest NPS answer, 0-6", example = "3") int score,
            Instant answeredAt,
            @Schema(example = "NPS-Q1") String campaignId,
            @Schema(description = "The survey's channel; null when not known", example = "email") String channel,
            @Schema(description = "The store the answer is about; null when not known", example = "HAM-02") String store,
            @Schema(description = "The latest email consent: true, false, or null when never stated; an email to the "
                    + "person needs true") Boolean emailConsent,
            @Schema(description = "Whether the profile needs attention (docs/cx-scores.md)") boolean needsAttention) {

        static DetractorResponse of(Detractor detractor) {
            return new DetractorResponse(detractor.profileId(), detractor.displayName(), detractor.score(),
                    detractor.answeredAt(), detractor.campaignId(), detractor.channel(), detractor.store(),
                    detractor.emailConsent(), detractor.needsAttention());
        }
    }

    @Audited("cx.detractors")
    @GetMapping("/detractors")
    @Operation(summary = "Detractors to follow up: people whose latest NPS answer is 0-6",
            description = """
                    Newest answer first (then by profile id), paged. Only people whose latest answer is a detractor \
                    and was given from `from` to `to` (defaults as for the dashboard), through `channel` and about \
                    `store` when given. No email or phone: a segment export (cx.nps.category = detractor) honours \
                    consent. Each read is recorded in the audit trail as cx.detractors.""",
            responses = @ApiResponse(responseCode = "200", content = @Content(
                    schema = @Schema(implementation = DetractorsResponse.class),
                    examples = @ExampleObject(value = DETRACTORS_EXAMPLE))))
    DetractorsResponse detractors(
            @Parameter(description = "first day, ISO date (UTC)", example = "2025-01-01")
            @RequestParam(required = false) String from,
            @Parameter(description = "last day, included, ISO date (UTC)", example = "2025-03-31")
            @RequestParam(required = false) String to,
            @Parameter(description = "only answers through this survey channel: email, sms, push, social")
            @RequestParam(required = false) String channel,
            @Parameter(description = "only answers about this store id") @RequestParam(required = false) String store,
            @Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "detractors per page, 1.." + ProfileSearchController.MAX_SIZE)
            @RequestParam(defaultValue = "20") int size) {
        ProfileSearchController.checkPage(page, size);
        DashboardQuery query = query(from, to, "month", channel, store);
        CxDashboard.DetractorPage found = dashboard.detractors(query, page, size);
        return new DetractorsResponse(query.from(), query.to(), query.channel(), query.store(), found.total(), page,
                size, found.detractors().stream().map(DetractorResponse::of).toList());
    }

    private DashboardQuery query(String from, String to, String interval, String channel, String store) {
        Interval chosen = Interval.fromCode(interval)
                .orElseThrow(() -> new BadRequestException("interval '" + interval + "' is not one of: week, month"));
        return DashboardQuery.of(date("from", from), date("to", to), chosen, channel, store,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " '" + value + "' is not a date like 2025-03-31");
        }
        // Java reads years up to 999999999; the store and the calendar arithmetic around it stop at 9999.
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new BadRequestException(name + " '" + value + "' is outside the years 1 to 9999");
        }
        return date;
    }
}
