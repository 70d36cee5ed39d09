package dev.mosaic.profile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which product categories one person bought, and in which order: the per-person facts that co-purchase statistics
 * are counted from (docs/next-best-offer.md). Computed whenever the profile is projected, so the statistics over all
 * profiles are as current as the profiles.
 *
 * @param bought    categories with at least one purchase line that was not returned, sorted
 * @param returned  categories with at least one returned line, sorted
 * @param sequences ordered pairs "A then B" ({@link #sequence}): a kept line of B is later than the first kept line of
 *                  A (strictly later: what was bought in the same order is not "after"), A and B different, sorted
 */
public record CategoryHistory(List<String> bought, List<String> returned, List<String> sequences) {

    /** Between the two categories of a sequence key; a control character no category name holds. */
    public static final char SEPARATOR = '\u001F';

    public CategoryHistory {
        bought = bought == null ? List.of() : List.copyOf(bought);
        returned = returned == null ? List.of() : List.copyOf(returned);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
    }

    public static CategoryHistory none() {
        return new CategoryHistory(List.of(), List.of(), List.of());
    }

    /** "A then B" as kept in the index: {@code A + SEPARATOR + B}. */
    public static String sequence(String from, String to) {
        return from + SEPARATOR + to;
    }

    /** The two categories of a sequence key; empty for a text that is none. */
    public static Optional<Sequence> parse(String key) {
        int separator = key == null ? -1 : key.indexOf(SEPARATOR);
        if (separator <= 0 || separator == key.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Sequence(key.substring(0, separator), key.substring(separator + 1)));
    }

    /** A category bought after another. */
    public record Sequence(String from, String to) {
    }

    public static CategoryHistory of(List<PurchaseSummary.Line> lines) {
        TreeSet<String> bought = new TreeSet<>();
        TreeSet<String> returned = new TreeSet<>();
        Map<String, Instant> firstKept = new HashMap<>();
        Map<String, Instant> lastKept = new HashMap<>();
        for (PurchaseSummary.Line line : lines) {
            String category = category(line);
            if (category == null) {
                continue;
            }
            if (line.purchase().returned()) {
                returned.add(category);
                continue;
            }
            bought.add(category);
            if (line.at() != null) {
                firstKept.merge(category, line.at(), (a, b) -> a.isBefore(b) ? a : b);
                lastKept.merge(category, line.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        TreeSet<String> sequences = new TreeSet<>();
        firstKept.forEach((from, first) -> lastKept.forEach((to, last) -> {
            if (!from.equals(to) && last.isAfter(first)) {
                sequences.add(sequence(from, to));
            }
        }));
        return new CategoryHistory(new ArrayList<>(bought), new ArrayList<>(returned), new ArrayList<>(sequences));
    }

    /** The category as compared: stripped, null when blank or when it holds the separator. */
    private static String category(PurchaseSummary.Line line) {
        String category = line.purchase().category();
        if (category == null || category.isBlank() || category.indexOf(SEPARATOR) >= 0) {
            return null;
        }
        return category.strip();
    }

    public boolean isEmpty() {
        return bought.isEmpty() && returned.isEmpty();
    }
}
