package dev.mosaic.profile.domain.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the CX dashboard shows: the days from {@code from} to {@code to} (both included, UTC) in periods of one
 * interval, optionally only one channel and one store.
 *
 * @param channel a ticket channel (email, phone, chat, social, store) or survey channel (email, sms, push, social);
 *                null for all
 * @param store a store id as imported ({@code store_id}); null for all, including touchpoints of no known store
 */
public record DashboardQuery(LocalDate from, LocalDate to, Interval interval, String channel, String store) {

    /** Enough for ten years by month or two years by week, and a chart that stays readable. */
    public static final int MAX_PERIODS = 120;
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    /** Periods shown when no {@code from} is given: the current one and the 11 before it. */
    public static final int DEFAULT_PERIODS = 12;

    public DashboardQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        if (to.isBefore(from)) {
            throw new InvalidDashboardQueryException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        channel = blankToNull(channel);
        store = blankToNull(store);
        long periods = interval.periodsBetween(from, to);
        if (periods > MAX_PERIODS) {
            throw new InvalidDashboardQueryException("from " + from + " to " + to + " are " + periods + " "
                    + interval.code() + "s; at most " + MAX_PERIODS + " are shown at once");
        }
    }

    /**
     * Fills in what the caller left out: {@code to} is today, {@code from} the first day of the period
     * {@link #DEFAULT_PERIODS} - 1 periods before the one {@code to} falls in.
     */
    public static DashboardQuery of(LocalDate from, LocalDate to, Interval interval, String channel, String store,
                                    LocalDate today) {
        Interval chosen = interval == null ? Interval.MONTH : interval;
        LocalDate end = to == null ? today : to;
        LocalDate start = from;
        if (start == null) {
            start = chosen.startOf(end);
            for (int i = 1; i < DEFAULT_PERIODS && start.isAfter(FIRST_DAY); i++) {
                start = chosen.startOf(start.minusDays(1));
            }
            // Counting back from the first months of year 1 would reach year 0, which no store reads.
            start = start.isBefore(FIRST_DAY) ? FIRST_DAY : start;
        }
        return new DashboardQuery(start, end, chosen, channel, store);
    }

    /** The first instant counted. */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant no longer counted: midnight after {@code to}. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The periods in order; the first and last are cut to {@code from} and {@code to}. */
    public List<Span> periods() {
        List<Span> periods = new ArrayList<>();
        for (LocalDate start = interval.startOf(from); !start.isAfter(to); start = interval.next(start)) {
            LocalDate last = interval.next(start).minusDays(1);
            periods.add(new Span(interval.label(start), start, start.isBefore(from) ? from : start,
                    last.isAfter(to) ? to : last));
        }
        return periods;
    }

    /**
     * One period of the dashboard.
     *
     * @param key the first day of the whole period (what the period is grouped by)
     * @param from the first day counted, {@code key} or the query's {@code from}
     * @param to the last day counted, the period's last day or the query's {@code to}
     */
    public record Span(String label, LocalDate key, LocalDate from, LocalDate to) {
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
