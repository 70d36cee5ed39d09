package dev.mosaic.profile.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Customer-experience scores of one person (docs/cx-scores.md); a score is null without data")
record CxScoresResponse(
        @Schema(description = "The latest NPS answer (0-10) of the person's campaign responses and its category: "
                + "PROMOTER 9-10, PASSIVE 7-8, DETRACTOR 0-6. For a set of people NPS = % promoters - % detractors.")
        Nps nps,
        @Schema(description = "CSAT = ticket answers of 4 or 5 (1-5 scale) / all answers x 100, 1 decimal")
        Share csat,
        @Schema(description = "CES = ticket answers of 4 or 5 (1-5 scale, 5 = very easy) / all answers x 100, 1 decimal")
        Share ces,
        @Schema(description = "first_response_at - opened_at in minutes over tickets with both: average and median")
        Minutes firstResponseTime,
        @Schema(description = "resolved_at - opened_at in minutes over tickets with both: average and median")
        Minutes resolutionTime,
        @Schema(description = "First-contact resolution = resolved tickets (status resolved or closed, or a resolution "
                + "time) needing one contact / resolved tickets x 100; tickets without a contact count are left out")
        Share firstContactResolution,
        @Schema(description = "CLV = annual revenue x relationship years - acquisition cost, with its inputs")
        Clv clv,
        @Schema(description = "Average sentiment (-1..1, 2 decimals) of the person's social interactions")
        Sentiment socialSentiment,
        @Schema(description = "Recency against the person's own purchase rhythm: rhythm = days between first and last "
                + "order / (orders - 1); ratio = days since last order / rhythm; score = (ratio - 1) / 2 x 100 within "
                + "0..100; level LOW below ratio 1.5, MEDIUM below 3, HIGH from 3; UNKNOWN (no score) with one order")
        ChurnRisk churnRisk,
        @Schema(description = "CX health 0-100: weighted average of the parts the person has data for (nps: latest "
                + "answer x 10, weight 0.25; csat 0.20; ces 0.10; firstContactResolution 0.10; socialSentiment: "
                + "(average + 1) x 50, 0.15; retention: 100 - churn risk score, 0.20), weights of missing parts "
                + "left out, rounded to a whole number")
        Health health,
        @Schema(description = "Whether staff should follow up: an NPS detractor answer within "
                + "mosaic.profile.attention.detractor-within (90 days), a CSAT below csat-below-percent (50), or a "
                + "ticket not resolved after open-ticket-older-than (48 hours); one reason per rule that applies")
        Attention needsAttention) {

    @Schema(name = "CxNps")
    record Nps(int score, @Schema(description = "PROMOTER, PASSIVE or DETRACTOR") String category, Instant answeredAt,
               String source, String recordId, String campaignId,
               @Schema(description = "The survey's channel (email, sms, push, social); null when not known",
                       example = "email") String channel,
               @Schema(description = "The store the answer is about (the response's store_id); null when not known",
                       example = "BER-01") String store) {
    }

    @Schema(name = "CxShare")
    record Share(@Schema(description = "matching / total x 100, 1 decimal") double percent, int matching, int total) {
    }

    @Schema(name = "CxMinutes")
    record Minutes(double average, double median, @Schema(description = "Tickets measured") int tickets) {
    }

    @Schema(name = "CxClv")
    record Clv(
            @Schema(description = "annualRevenue x relationshipYears - acquisitionCost, 2 decimals") BigDecimal value,
            @Schema(description = "Revenue of the last 12 months") BigDecimal annualRevenue,
            @Schema(description = "Years since the first purchase (days / 365.25, 2 decimals), at least 1")
            double relationshipYears,
            @Schema(description = "Channel of the first purchase") String acquisitionChannel,
            @Schema(description = "mosaic.profile.acquisition-cost.<channel>, 0 when not configured")
            BigDecimal acquisitionCost) {
    }

    @Schema(name = "CxSentiment")
    record Sentiment(double average, int interactions) {
    }

    @Schema(name = "CxChurnRisk")
    record ChurnRisk(Integer score, String level, double daysSinceLastOrder, Double averageDaysBetweenOrders,
                     Double ratio) {
    }

    @Schema(name = "CxHealth")
    record Health(int score, List<HealthPart> parts) {
    }

    @Schema(name = "CxHealthPart")
    record HealthPart(String name, @Schema(description = "0..100") double value, double weight) {
    }

    @Schema(name = "CxNeedsAttention")
    record Attention(boolean needed, List<String> reasons) {
    }
}
