package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether staff should follow up with a person, and why: a recent detractor, a low CSAT, or a ticket open too long.
 *
 * @param reasons one sentence per rule that applies; empty when none does
 */
public record NeedsAttention(boolean needed, List<String> reasons) {

    public NeedsAttention {
        reasons = List.copyOf(reasons);
    }

    /** An open ticket as the rule needs it. */
    public record OpenTicket(String record, Instant openedAt) {
    }

    public static NeedsAttention of(Optional<NetPromoterScore.Answer> latestNps, Optional<Share> csat,
                                    List<OpenTicket> openTickets, AttentionRules rules, Instant now) {
        List<String> reasons = new ArrayList<>();
        latestNps.filter(answer -> answer.category() == NetPromoterScore.Category.DETRACTOR)
                .filter(answer -> answer.answeredAt() != null
                        && !answer.answeredAt().isBefore(now.minus(rules.detractorWithin())))
                .ifPresent(answer -> reasons.add("recent detractor: answered NPS " + answer.score() + " on "
                        + answer.answeredAt() + (answer.campaignId() == null ? "" : " (" + answer.campaignId() + ")")));
        csat.filter(share -> share.percent() < rules.csatBelowPercent())
                .ifPresent(share -> reasons.add("low CSAT: " + share.percent() + "% (" + share.matching() + " of "
                        + share.total() + " answers 4 or 5), below " + rules.csatBelowPercent() + "%"));
        for (OpenTicket ticket : openTickets) {
            if (ticket.openedAt().isBefore(now.minus(rules.openTicketOlderThan()))) {
                reasons.add("ticket " + ticket.record() + " open since " + ticket.openedAt() + ", longer than "
                        + rules.openTicketOlderThan().toHours() + " hours");
            }
        }
        return new NeedsAttention(!reasons.isEmpty(), reasons);
    }

    /**
     * The first instant after {@code now} at which a rule's answer changes with time alone: a detractor answer stops
     * being recent, or an open ticket becomes older than the rule allows (a second after each limit, as the rules
     * compare strictly). The CSAT rule does not depend on time. Empty when nothing will change without new data.
     */
    public static Optional<Instant> changesAt(Optional<NetPromoterScore.Answer> latestNps, List<OpenTicket> openTickets,
                                              AttentionRules rules, Instant now) {
        List<Instant> changes = new ArrayList<>();
        latestNps.filter(answer -> answer.category() == NetPromoterScore.Category.DETRACTOR)
                .map(NetPromoterScore.Answer::answeredAt).filter(Objects::nonNull)
                .ifPresent(answeredAt -> changes.add(answeredAt.plus(rules.detractorWithin()).plusSeconds(1)));
        openTickets.forEach(ticket -> changes.add(ticket.openedAt().plus(rules.openTicketOlderThan()).plusSeconds(1)));
        return changes.stream().filter(at -> at.isAfter(now)).min(Instant::compareTo);
    }
}
