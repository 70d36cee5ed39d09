package dev.mosaic.profile.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.mosaic.identity.domain.SourceRecord;
import dev.mosaic.identity.domain.Touchpoint;

/**
 * What a person bought, from their purchase records (one record per order line).
 *
 * @param orders distinct order ids (a line without an order id is an order of its own), returned ones included
 * @param lines purchase lines
 * @param revenue sum of quantity x unit price over the lines not returned
 * @param returns returned lines
 * @param returnedValue sum of quantity x unit price over the returned lines
 * @param averageOrderValue revenue / orders, 2 decimals (half up)
 * @param currency the currency of most lines; amounts in other currencies are added as they are, not converted
 * @param revenueLast12Months revenue of the lines of the 12 months up to the time of calculation
 * @param topCategories up to three categories by quantity bought (not returned), then by revenue
 * @param channels channels used (store, web, app) with the orders placed through each, most used first
 * @param stores store ids with the orders placed there, most used first
 */
public record PurchaseSummary(
        int orders,
        int lines,
        BigDecimal revenue,
        int returns,
        BigDecimal returnedValue,
        BigDecimal averageOrderValue,
        String currency,
        Instant firstPurchase,
        Instant lastPurchase,
        BigDecimal revenueLast12Months,
        List<CategoryTotal> topCategories,
        List<Usage> channels,
        List<Usage> stores) {

    public PurchaseSummary {
        topCategories = List.copyOf(topCategories);
        channels = List.copyOf(channels);
        stores = List.copyOf(stores);
    }

    public record CategoryTotal(String category, int quantity, BigDecimal revenue) {
    }

    public record Usage(String name, int orders) {
    }

    static final int TOP_CATEGORIES = 3;

    public static PurchaseSummary none() {
        return new PurchaseSummary(0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null,
                BigDecimal.ZERO, List.of(), List.of(), List.of());
    }

    /** The purchase lines of a person's records with their times. */
    public record Line(String orderKey, Instant at, Touchpoint.Purchase purchase) {

        BigDecimal amount() {
            BigDecimal price = purchase.unitPrice() == null ? BigDecimal.ZERO : purchase.unitPrice();
            return price.multiply(BigDecimal.valueOf(purchase.quantity()));
        }
    }

    public static List<Line> lines(List<SourceRecord> records) {
        List<Line> lines = new ArrayList<>();
        for (SourceRecord record : records) {
            if (record.touchpoint() instanceof Touchpoint.Purchase purchase) {
                String order = purchase.orderId() == null || purchase.orderId().isBlank()
                        ? "line:" + record.key() : record.key().source() + "/" + purchase.orderId().strip();
                lines.add(new Line(order, record.occurredAt(), purchase));
            }
        }
        return lines;
    }

    /** @param now the time of calculation; "last 12 months" are the 12 calendar months (UTC) up to it */
    public static PurchaseSummary of(List<SourceRecord> records, Instant now) {
        List<Line> lines = lines(records);
        if (lines.isEmpty()) {
            return none();
        }
        Instant yearAgo = now.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
        Set<String> orders = new LinkedHashSet<>();
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal returnedValue = BigDecimal.ZERO;
        BigDecimal lastYear = BigDecimal.ZERO;
        int returns = 0;
        Map<String, Integer> currencies = new HashMap<>();
        Map<String, int[]> quantityByCategory = new TreeMap<>();
        Map<String, BigDecimal> revenueByCategory = new TreeMap<>();
        for (Line line : lines) {
            orders.add(line.orderKey());
            Touchpoint.Purchase purchase = line.purchase();
            if (purchase.currency() != null) {
                currencies.merge(purchase.currency(), 1, Integer::sum);
            }
            if (purchase.returned()) {
                returns++;
                returnedValue = returnedValue.add(line.amount());
                continue;
            }
            revenue = revenue.add(line.amount());
            if (line.at() != null && line.at().isAfter(yearAgo) && !line.at().isAfter(now)) {
                lastYear = lastYear.add(line.amount());
            }
            if (purchase.category() != null) {
                quantityByCategory.computeIfAbsent(purchase.category(), c -> new int[1])[0] += purchase.quantity();
                revenueByCategory.merge(purchase.category(), line.amount(), BigDecimal::add);
            }
        }
        List<CategoryTotal> categories = new ArrayList<>();
        quantityByCategory.forEach((category, quantity) ->
                categories.add(new CategoryTotal(category, quantity[0], revenueByCategory.get(category))));
        categories.sort(Comparator.comparingInt(CategoryTotal::quantity).reversed()
                .thenComparing(CategoryTotal::revenue, Comparator.reverseOrder())
                .thenComparing(CategoryTotal::category));
        return new PurchaseSummary(orders.size(), lines.size(), revenue, returns, returnedValue,
                revenue.divide(BigDecimal.valueOf(orders.size()), 2, RoundingMode.HALF_UP),
                currencies.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey)
                        .orElse(null),
                lines.stream().map(Line::at).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                lines.stream().map(Line::at).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null),
                lastYear,
                categories.subList(0, Math.min(TOP_CATEGORIES, categories.size())),
                usage(lines, line -> line.purchase().channel()),
                usage(lines, line -> line.purchase().storeId()));
    }

    /**
     * The first instant after {@code now} at which the revenue of the last 12 months differs without a new line: a
     * kept line dated in the future enters the window, or a line leaves it 12 calendar months (UTC) after its time.
     */
    public static Optional<Instant> changesAt(List<Line> lines, Instant now) {
        Instant next = null;
        for (Line line : lines) {
            if (line.purchase().returned() || line.at() == null) {
                continue;
            }
            Instant change = line.at().isAfter(now) ? line.at() : leavesLastTwelveMonthsAt(line.at());
            if (change.isAfter(now) && (next == null || change.isBefore(next))) {
                next = change;
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * The first instant whose "12 months before" is no longer before {@code at}, so a line of {@code at} has left
     * the window: {@code at} plus 12 months, or the next midnight where the month is shorter (29 February).
     */
    static Instant leavesLastTwelveMonthsAt(Instant at) {
        ZonedDateTime candidate = at.atZone(ZoneOffset.UTC).plusMonths(12);
        while (candidate.minusMonths(12).toInstant().isBefore(at)) {
            candidate = candidate.plusDays(1).truncatedTo(ChronoUnit.DAYS);
        }
        return candidate.toInstant();
    }

    private static List<Usage> usage(List<Line> lines, Function<Line, String> name) {
        Map<String, Set<String>> ordersByName = new TreeMap<>();
        for (Line line : lines) {
            String value = name.apply(line);
            if (value != null && !value.isBlank()) {
                ordersByName.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(line.orderKey());
            }
        }
        return ordersByName.entrySet().stream().map(entry -> new Usage(entry.getKey(), entry.getValue().size()))
                .sorted(Comparator.comparingInt(Usage::orders).reversed().thenComparing(Usage::name)).toList();
    }
}
