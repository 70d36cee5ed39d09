package dev.mosaic.profile.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;

/**
 * What a profile says about its person, computed from the person's records at one point in time: the golden record,
 * the purchase aggregates and the CX scores. Time-relative values (revenue of the last 12 months, churn risk, CLV,
 * needs attention) hold as of {@code calculatedAt}.
 *
 * @param changesAt the first instant after {@code calculatedAt} at which a time-relative value differs although no
 *                  record changed (a ticket becomes too old, a detractor answer stops being recent, the churn risk
 *                  level rises, a purchase leaves the last 12 months, or a drifting value is due again); null when
 *                  nothing changes without new data
 */
public record ProfileContent(GoldenRecord golden, PurchaseSummary purchases, CxScores cx, Instant calculatedAt,
                             Instant changesAt) {

    public static ProfileContent of(List<SourceRecord> records, ProfileRules rules, Instant now) {
        GoldenRecord golden = new Survivorship(rules.sourcePriority()).goldenRecord(records);
        PurchaseSummary purchases = PurchaseSummary.of(records, now);
        TimeRelative timeRelative = TimeRelative.of(records, now);
        return new ProfileContent(golden, purchases, cx(timeRelative, purchases, rules, now), now,
                timeRelative.changesAt(purchases, rules).orElse(null));
    }

    /** What the time-relative values are computed from. */
    private record TimeRelative(List<SourceRecord> records, Instant now, List<PurchaseSummary.Line> lines,
                                Map<String, Instant> orderTimes, Optional<NetPromoterScore.Answer> nps,
                                List<NeedsAttention.OpenTicket> openTickets) {

        static TimeRelative of(List<SourceRecord> records, Instant now) {
            List<PurchaseSummary.Line> lines = PurchaseSummary.lines(records);
            return new TimeRelative(records, now, lines, orderTimes(lines), NetPromoterScore.latest(records),
                    openTickets(records));
        }

        Optional<Instant> changesAt(PurchaseSummary purchases, ProfileRules rules) {
            return Stream.<Supplier<Optional<Instant>>>of(
                            () -> PurchaseSummary.changesAt(lines, now),
                            () -> ChurnRisk.changesAt(orderTimes.values(), now, rules.drifting()),
                            () -> CustomerLifetimeValue.changesAt(purchases.revenueLast12Months(),
                                    purchases.firstPurchase(), now, rules.drifting()),
                            () -> NeedsAttention.changesAt(nps, openTickets, rules.attention(), now))
                    .flatMap(change -> withinTime(change).stream()).min(Instant::compareTo);
        }

        /** Records may carry dates at the end of time (year 999999999); what lies beyond it never comes. */
        private static Optional<Instant> withinTime(Supplier<Optional<Instant>> change) {
            try {
                return change.get();
            } catch (ArithmeticException | DateTimeException beyondTime) {
                return Optional.empty();
            }
        }

        /** The time of each order: its earliest line. */
        private static Map<String, Instant> orderTimes(List<PurchaseSummary.Line> lines) {
            return lines.stream().filter(line -> line.at() != null)
                    .collect(Collectors.toMap(PurchaseSummary.Line::orderKey, PurchaseSummary.Line::at,
                            (a, b) -> a.isBefore(b) ? a : b));
        }

        private static List<NeedsAttention.OpenTicket> openTickets(List<SourceRecord> records) {
            return records.stream()
                    .filter(record -> record.touchpoint() instanceof Touchpoint.SupportTicket ticket
                            && !TicketTimes.isResolved(ticket) && ticket.openedAt() != null)
                    .map(record -> new NeedsAttention.OpenTicket(record.key().toString(),
                            ((Touchpoint.SupportTicket) record.touchpoint()).openedAt()))
                    .sorted(Comparator.comparing(NeedsAttention.OpenTicket::openedAt))
                    .toList();
        }
    }

    private static CxScores cx(TimeRelative timeRelative, PurchaseSummary purchases, ProfileRules rules, Instant now) {
        List<SourceRecord> records = timeRelative.records();
        List<Touchpoint.SupportTicket> tickets = records.stream()
                .filter(record -> record.touchpoint() instanceof Touchpoint.SupportTicket)
                .map(record -> (Touchpoint.SupportTicket) record.touchpoint()).toList();
        Optional<NetPromoterScore.Answer> nps = timeRelative.nps();
        Optional<Share> csat = Share.topTwoBoxes(tickets.stream().map(Touchpoint.SupportTicket::csat)
                .filter(Objects::nonNull).toList());
        Optional<Share> ces = Share.topTwoBoxes(tickets.stream().map(Touchpoint.SupportTicket::ces)
                .filter(Objects::nonNull).toList());
        Optional<Share> fcr = TicketTimes.firstContactResolution(tickets);
        Optional<SocialSentiment> sentiment = SocialSentiment.of(records.stream()
                .filter(record -> record.touchpoint() instanceof Touchpoint.SocialInteraction interaction
                        && interaction.sentiment() != null)
                .map(record -> ((Touchpoint.SocialInteraction) record.touchpoint()).sentiment()).toList());

        List<PurchaseSummary.Line> lines = timeRelative.lines();
        Optional<ChurnRisk> churn = ChurnRisk.of(timeRelative.orderTimes().values(), now);
        String acquisitionChannel = lines.stream().filter(line -> line.at() != null)
                .min(Comparator.comparing(PurchaseSummary.Line::at).thenComparing(PurchaseSummary.Line::orderKey))
                .map(line -> line.purchase().channel()).orElse(null);
        Optional<CustomerLifetimeValue> clv = CustomerLifetimeValue.of(purchases.revenueLast12Months(),
                purchases.firstPurchase(), acquisitionChannel, now, rules.acquisitionCostByChannel());

        Optional<CxHealth> health = CxHealth.of(nps.map(NetPromoterScore.Answer::score).orElse(null),
                csat.map(Share::percent).orElse(null), ces.map(Share::percent).orElse(null),
                fcr.map(Share::percent).orElse(null), sentiment.map(SocialSentiment::average).orElse(null),
                churn.map(ChurnRisk::score).orElse(null));
        NeedsAttention attention = NeedsAttention.of(nps, csat, timeRelative.openTickets(), rules.attention(), now);

        return new CxScores(nps.orElse(null), csat.orElse(null), ces.orElse(null),
                TicketTimes.firstResponse(tickets).orElse(null), TicketTimes.resolution(tickets).orElse(null),
                fcr.orElse(null), clv.orElse(null), sentiment.orElse(null), churn.orElse(null), health.orElse(null),
                attention);
    }

}
