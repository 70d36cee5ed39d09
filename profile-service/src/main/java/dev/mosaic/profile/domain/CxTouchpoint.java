package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;

/**
 * One moment that feeds the CX scores over time: a support ticket or an NPS answer, with when, through which
 * channel and in which store it happened. The profile keeps one per ticket and per NPS answer, so the CX dashboard
 * can count them by period, channel and store without reading the source records again.
 *
 * @param at a ticket's {@code opened_at}, an answer's {@code occurred_at}
 * @param store the record's {@code store_id}; null when the source did not say
 * @param nps the answer 0-10 (answers only)
 * @param csat the ticket's CSAT answer 1-5, null without one
 * @param ces the ticket's CES answer 1-5, null without one
 * @param firstResponseMinutes {@code first_response_at - opened_at}, null without a first response
 * @param resolutionMinutes {@code resolved_at - opened_at}, null without a resolution time
 * @param firstContactResolved for a resolved ticket that says how many contacts it needed: whether it was one;
 *                             null for every other ticket (they count in neither part of first-contact resolution)
 */
public record CxTouchpoint(Kind kind, Instant at, String channel, String store, Integer nps, Integer csat, Integer ces,
                           Double firstResponseMinutes, Double resolutionMinutes, Boolean firstContactResolved) {

    public enum Kind { TICKET, NPS_ANSWER }

    public CxTouchpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    /** The tickets and NPS answers among the records, oldest first; records without a time are left out. */
    public static List<CxTouchpoint> of(List<SourceRecord> records) {
        return records.stream()
                .map(CxTouchpoint::of)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(CxTouchpoint::at))
                .toList();
    }

    private static CxTouchpoint of(SourceRecord record) {
        return switch (record.touchpoint()) {
            case Touchpoint.SupportTicket ticket when ticket.openedAt() != null -> new CxTouchpoint(Kind.TICKET,
                    ticket.openedAt(), ticket.channel(), storeOf(record), null, ticket.csat(), ticket.ces(),
                    ticket.firstResponseAt() == null ? null
                            : TicketTimes.between(ticket.openedAt(), ticket.firstResponseAt()),
                    ticket.resolvedAt() == null ? null : TicketTimes.between(ticket.openedAt(), ticket.resolvedAt()),
                    TicketTimes.isResolved(ticket) && ticket.contacts() != null ? ticket.contacts() == 1 : null);
            case Touchpoint.CampaignResponse response when response.nps() != null && record.occurredAt() != null ->
                    new CxTouchpoint(Kind.NPS_ANSWER, record.occurredAt(), response.channel(), storeOf(record),
                            response.nps(), null, null, null, null, null);
            case null, default -> null;
        };
    }

    /**
     * The store a ticket or campaign response names in its {@code store_id} column (kept among the record's
     * attributes, as the touchpoint itself has no store); null when it names none.
     */
    static String storeOf(SourceRecord record) {
        String store = record.attributes().get("store_id");
        return store == null || store.isBlank() ? null : store.strip();
    }
}
