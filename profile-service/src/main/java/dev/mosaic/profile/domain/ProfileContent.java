package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;

/**
 * What a profile says about its person, computed from the person's records at one point in time: the golden record,
 * the purchase aggregates and the CX scores. Time-relative values (revenue of the last 12 months, churn risk, CLV,
 * needs attention) hold as of {@code calculatedAt}.
 */
public record ProfileContent(GoldenRecord golden, PurchaseSummary purchases, CxScores cx, Instant calculatedAt) {

    public static ProfileContent of(List<SourceRecord> records, ProfileRules rules, Instant now) {
        GoldenRecord golden = new Survivorship(rules.sourcePriority()).goldenRecord(records);
        PurchaseSummary purchases = PurchaseSummary.of(records, now);
        return new ProfileContent(golden, purchases, cx(records, purchases, rules, now), now);
    }

    private static CxScores cx(List<SourceRecord> records, PurchaseSummary purchases, ProfileRules rules, Instant now) {
        List<Touchpoint.SupportTicket> tickets = records.stream()
                .filter(record -> record.touchpoint() instanceof Touchpoint.SupportTicket)
                .map(record -> (Touchpoint.SupportTicket) record.touchpoint()).toList();
        Optional<NetPromoterScore.Answer> nps = NetPromoterScore.latest(records);
        Optional<Share> csat = Share.topTwoBoxes(tickets.stream().map(Touchpoint.SupportTicket::csat)
                .filter(Objects::nonNull).toList());
        Optional<Share> ces = Share.topTwoBoxes(tickets.stream().map(Touchpoint.SupportTicket::ces)
                .filter(Objects::nonNull).toList());
        Optional<Share> fcr = TicketTimes.firstContactResolution(tickets);
        Optional<SocialSentiment> sentiment = SocialSentiment.of(records.stream()
                .filter(record -> record.touchpoint() instanceof Touchpoint.SocialInteraction interaction
                        && interaction.sentiment() != null)
                .map(record -> ((Touchpoint.SocialInteraction) record.touchpoint()).sentiment()).toList());

        List<PurchaseSummary.Line> lines = PurchaseSummary.lines(records);
        Map<String, Instant> orderTimes = lines.stream().filter(line -> line.at() != null)
                .collect(Collectors.toMap(PurchaseSummary.Line::orderKey, PurchaseSummary.Line::at,
                        (a, b) -> a.isBefore(b) ? a : b));
        Optional<ChurnRisk> churn = ChurnRisk.of(orderTimes.values(), now);
        String acquisitionChannel = lines.stream().filter(line -> line.at() != null)
                .min(Comparator.comparing(PurchaseSummary.Line::at).thenComparing(PurchaseSummary.Line::orderKey))
                .map(line -> line.purchase().channel()).orElse(null);
        Optional<CustomerLifetimeValue> clv = CustomerLifetimeValue.of(purchases.revenueLast12Months(),
                purchases.firstPurchase(), acquisitionChannel, now, rules.acquisitionCostByChannel());

        Optional<CxHealth> health = CxHealth.of(nps.map(NetPromoterScore.Answer::score).orElse(null),
                csat.map(Share::percent).orElse(null), ces.map(Share::percent).orElse(null),
                fcr.map(Share::percent).orElse(null), sentiment.map(SocialSentiment::average).orElse(null),
                churn.map(ChurnRisk::score).orElse(null));
        List<NeedsAttention.OpenTicket> openTickets = records.stream()
                .filter(record -> record.touchpoint() instanceof Touchpoint.SupportTicket ticket
                        && !TicketTimes.isResolved(ticket) && ticket.openedAt() != null)
                .map(record -> new NeedsAttention.OpenTicket(record.key().toString(),
                        ((Touchpoint.SupportTicket) record.touchpoint()).openedAt()))
                .sorted(Comparator.comparing(NeedsAttention.OpenTicket::openedAt))
                .toList();
        NeedsAttention attention = NeedsAttention.of(nps, csat, openTickets, rules.attention(), now);

        return new CxScores(nps.orElse(null), csat.orElse(null), ces.orElse(null),
                TicketTimes.firstResponse(tickets).orElse(null), TicketTimes.resolution(tickets).orElse(null),
                fcr.orElse(null), clv.orElse(null), sentiment.orElse(null), churn.orElse(null), health.orElse(null),
                attention);
    }

}
