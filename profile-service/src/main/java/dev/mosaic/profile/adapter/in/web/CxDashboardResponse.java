package dev.mosaic.profile.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import dev.mosaic.profile.domain.dashboard.CxFigures;
import dev.mosaic.profile.domain.dashboard.CxReport;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "CxDashboard", description = "CX scores over time, by channel and by store (docs/cx-dashboard.md)")
record CxDashboardResponse(
        @Schema(description = "First day counted (UTC)", example = "2025-01-01") LocalDate from,
        @Schema(description = "Last day counted (UTC)", example = "2025-03-31") LocalDate to,
        @Schema(description = "week (Monday to Sunday) or month", example = "month") String interval,
        @Schema(description = "The channel filter; null for all", example = "email") String channel,
        @Schema(description = "The store filter; null for all", example = "BER-01") String store,
        @Schema(description = "Every period from `from` to `to`, oldest first, also those without data; the first "
                + "and last are cut to `from` and `to`") List<Period> periods,
        @Schema(description = "The whole time from `from` to `to`, with both filters") Figures total,
        @Schema(description = "Per channel over the whole time, most touchpoints first: with the store filter, not "
                + "the channel filter, so the chosen channel can be compared with the others; channel null (last) = "
                + "touchpoints that name none") List<Breakdown> byChannel,
        @Schema(description = "Per store over the whole time, most touchpoints first (at most 200): with the channel "
                + "filter, not the store filter; store null (last) = touchpoints that name no store") List<Breakdown> byStore) {

    @Schema(name = "CxDashboardPeriod")
    record Period(@Schema(description = "2025-03 for a month, 2025-W09 for an ISO week", example = "2025-03")
                  String period,
                  @Schema(example = "2025-03-01") LocalDate from,
                  @Schema(example = "2025-03-31") LocalDate to,
                  Figures figures) {
    }

    @Schema(name = "CxDashboardBreakdown")
    record Breakdown(@Schema(description = "The channel or store; null when the touchpoints name none",
                             example = "email") String key,
                     @Schema(description = "Tickets and NPS answers", example = "42") long touchpoints,
                     Figures figures) {
    }

    @Schema(name = "CxDashboardFigures", description = "Scores of a set of tickets and NPS answers; a score is null "
            + "without data, its counts 0")
    record Figures(
            @Schema(description = "Over every NPS answer given in the set (a person answering twice counts twice)")
            Nps nps,
            @Schema(description = "Ticket CSAT answers of 4 or 5 (1-5) / all answers x 100") Rate csat,
            @Schema(description = "Ticket CES answers of 4 or 5 (1-5, 5 = very easy) / all answers x 100") Rate ces,
            @Schema(description = "first_response_at - opened_at in minutes") Minutes firstResponseTime,
            @Schema(description = "resolved_at - opened_at in minutes") Minutes resolutionTime,
            @Schema(description = "Resolved tickets needing one contact / resolved tickets that say how many x 100")
            Rate firstContactResolution,
            @Schema(description = "Tickets opened", example = "12") long tickets) {

        static Figures of(CxFigures figures) {
            CxFigures.Nps nps = figures.nps();
            return new Figures(new Nps(nps.score(), nps.answers(), nps.promoters(), nps.passives(), nps.detractors()),
                    Rate.of(figures.csat()), Rate.of(figures.ces()), Minutes.of(figures.firstResponseTime()),
                    Minutes.of(figures.resolutionTime()), Rate.of(figures.firstContactResolution()), figures.tickets());
        }
    }

    @Schema(name = "CxDashboardNps")
    record Nps(@Schema(description = "% promoters (9-10) - % detractors (0-6), -100..100, 1 decimal",
                       example = "33.3") Double score,
               @Schema(example = "3") long answers, @Schema(example = "2") long promoters,
               @Schema(example = "0") long passives, @Schema(example = "1") long detractors) {
    }

    @Schema(name = "CxDashboardRate")
    record Rate(@Schema(description = "matching / total x 100, 1 decimal", example = "66.7") Double percent,
                @Schema(example = "2") long matching, @Schema(example = "3") long total) {

        static Rate of(CxFigures.Rate rate) {
            return new Rate(rate.percent(), rate.matching(), rate.total());
        }
    }

    @Schema(name = "CxDashboardMinutes")
    record Minutes(@Schema(example = "58.0") Double average,
                   @Schema(description = "Elasticsearch's t-digest estimate: exact for small sets, within about 1 % "
                           + "for large ones", example = "31.0") Double median,
                   @Schema(description = "Tickets measured", example = "4") long tickets) {

        static Minutes of(CxFigures.Minutes minutes) {
            return new Minutes(minutes.average(), minutes.median(), minutes.tickets());
        }
    }

    static CxDashboardResponse of(CxReport report) {
        var query = report.query();
        return new CxDashboardResponse(query.from(), query.to(), query.interval().code(), query.channel(),
                query.store(),
                report.periods().stream().map(period -> new Period(period.span().label(), period.span().from(),
                        period.span().to(), Figures.of(period.figures()))).toList(),
                Figures.of(report.total()),
                report.channels().stream().map(CxDashboardResponse::breakdown).toList(),
                report.stores().stream().map(CxDashboardResponse::breakdown).toList());
    }

    private static Breakdown breakdown(CxReport.Breakdown breakdown) {
        return new Breakdown(breakdown.key(), breakdown.touchpoints(), Figures.of(breakdown.figures()));
    }
}
