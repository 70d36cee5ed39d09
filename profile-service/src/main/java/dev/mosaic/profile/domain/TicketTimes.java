package dev.mosaic.profile.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mosaic.identity.domain.Touchpoint.SupportTicket;

/** How fast and how well support tickets were handled. */
public final class TicketTimes {

    private static final Set<String> DONE = Set.of("resolved", "closed");

    private TicketTimes() {
    }

    /** Average and median in minutes (1 decimal), over the tickets that have both times. */
    public record Minutes(double average, double median, int tickets) {
    }

    /** first_response_at - opened_at, over tickets with a first response. */
    public static Optional<Minutes> firstResponse(List<SupportTicket> tickets) {
        return minutes(tickets.stream().filter(ticket -> ticket.openedAt() != null && ticket.firstResponseAt() != null)
                .map(ticket -> between(ticket.openedAt(), ticket.firstResponseAt())).toList());
    }

    /** resolved_at - opened_at, over tickets with a resolution time. */
    public static Optional<Minutes> resolution(List<SupportTicket> tickets) {
        return minutes(tickets.stream().filter(ticket -> ticket.openedAt() != null && ticket.resolvedAt() != null)
                .map(ticket -> between(ticket.openedAt(), ticket.resolvedAt())).toList());
    }

    /**
     * Resolved tickets needing one contact / resolved tickets x 100. Resolved: status resolved or closed, or a
     * resolution time; tickets that do not say how many contacts they needed are left out of both counts.
     */
    public static Optional<Share> firstContactResolution(List<SupportTicket> tickets) {
        List<SupportTicket> resolved = tickets.stream().filter(TicketTimes::isResolved)
                .filter(ticket -> ticket.contacts() != null).toList();
        int oneContact = (int) resolved.stream().filter(ticket -> ticket.contacts() == 1).count();
        return Share.of(oneContact, resolved.size());
    }

    public static boolean isResolved(SupportTicket ticket) {
        return ticket.resolvedAt() != null || (ticket.status() != null && DONE.contains(ticket.status()));
    }

    private static Optional<Minutes> minutes(List<Double> minutes) {
        if (minutes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Minutes(Scores.round1(Scores.average(minutes)), Scores.round1(Scores.median(minutes)),
                minutes.size()));
    }

    static double between(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 60.0;
    }
}
