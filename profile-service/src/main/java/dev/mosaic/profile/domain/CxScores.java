package dev.mosaic.profile.domain;

/**
 * The customer-experience scores of one person; a score is null when the person has no data for it.
 *
 * @param nps the latest NPS answer and its category
 * @param csat CSAT: ticket answers of 4 or 5 / all answers x 100
 * @param ces CES: ticket answers of 4 or 5 / all answers x 100
 */
public record CxScores(
        NetPromoterScore.Answer nps,
        Share csat,
        Share ces,
        TicketTimes.Minutes firstResponseTime,
        TicketTimes.Minutes resolutionTime,
        Share firstContactResolution,
        CustomerLifetimeValue clv,
        SocialSentiment socialSentiment,
        ChurnRisk churnRisk,
        CxHealth health,
        NeedsAttention needsAttention) {
}
