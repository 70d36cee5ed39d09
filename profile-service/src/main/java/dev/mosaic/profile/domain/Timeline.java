package dev.mosaic.profile.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;

/**
 * Every touchpoint of a person across sources, newest first (records of the same time in the order of their keys),
 * in pages.
 */
public final class Timeline {

    private Timeline() {
    }

    /** One touchpoint: when, from which record, what happened in a sentence, and the touchpoint itself. */
    public record Entry(Instant at, String source, String recordId, String kind, String summary, Touchpoint touchpoint) {
    }

    /**
     * @param page 0-based
     */
    public record Page(int page, int size, int totalEntries, int totalPages, List<Entry> entries) {

        public Page {
            entries = List.copyOf(entries);
        }
    }

    public static List<Entry> of(List<SourceRecord> records) {
        return records.stream().filter(record -> record.touchpoint() != null)
                .sorted(Comparator.comparing(SourceRecord::occurredAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(record -> record.key().toString()))
                .map(record -> new Entry(record.occurredAt(), record.key().source(), record.key().recordId(),
                        record.kind().code(), summary(record.touchpoint()), record.touchpoint()))
                .toList();
    }

    public static Page page(List<SourceRecord> records, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more");
        }
        List<Entry> all = of(records);
        int from = (int) Math.min((long) page * size, all.size());
        return new Page(page, size, all.size(), (all.size() + size - 1) / size,
                all.subList(from, Math.min(all.size(), from + size)));
    }

    static String summary(Touchpoint touchpoint) {
        return switch (touchpoint) {
            case Touchpoint.Purchase p -> (p.returned() ? "Returned " : "Bought ") + p.quantity() + " x "
                    + orUnknown(p.productName() != null ? p.productName() : p.sku())
                    + (p.category() == null ? "" : " (" + p.category() + ")")
                    + (p.unitPrice() == null ? "" : " at " + p.unitPrice().toPlainString()
                    + (p.currency() == null ? "" : " " + p.currency()))
                    + join(" via ", p.channel()) + join(" in store ", p.storeId()) + join(", order ", p.orderId());
            case Touchpoint.SupportTicket t -> "Ticket" + join(" by ", t.channel())
                    + (t.subject() == null ? "" : ": " + t.subject()) + join(" (", t.status(), ")")
                    + (t.csat() == null ? "" : ", CSAT " + t.csat()) + (t.ces() == null ? "" : ", CES " + t.ces());
            case Touchpoint.CampaignResponse c -> "Campaign " + orUnknown(c.campaignName() != null ? c.campaignName()
                    : c.campaignId()) + ": " + c.event() + join(" by ", c.channel())
                    + (c.nps() == null ? "" : ", NPS " + c.nps())
                    + (c.revenue() == null || c.revenue().signum() == 0 ? "" : ", revenue " + plain(c.revenue()));
            case Touchpoint.SocialInteraction s -> Stream.of(s.kind() == null ? "interaction" : s.kind(), "on",
                            s.platform()).collect(Collectors.joining(" ")) + join(" by @", s.handle())
                    + (s.text() == null ? "" : ": \"" + s.text() + "\"")
                    + (s.sentiment() == null ? "" : ", sentiment " + plain(s.sentiment()))
                    + (s.rating() == null ? "" : ", rating " + s.rating());
        };
    }

    private static String join(String before, String value) {
        return join(before, value, "");
    }

    private static String join(String before, String value, String after) {
        return value == null || value.isBlank() ? "" : before + value + after;
    }

    private static String orUnknown(String value) {
        return Objects.requireNonNullElse(value, "?");
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}
