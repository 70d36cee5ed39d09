package dev.mosaic.profile.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often categories follow each other over all customers: N (customers with a kept purchase with a category),
 * n(X) (customers who bought X) and n(A -> B) (customers who bought B after A, {@link CategoryHistory}). The next
 * best offers of a person are read from them (docs/next-best-offer.md):
 * <pre>
 *   support(A -> B)    = n(A -> B) / N
 *   confidence(A -> B) = n(A -> B) / n(A)          "of those who bought A, this share bought B later"
 *   lift(A -> B)       = confidence(A -> B) / (n(B) / N)
 * </pre>
 *
 * @param customers           N
 * @param customersByCategory n(X) per category
 * @param customersBySequence n(A -> B) per sequence
 * @param computedAt          when the counts were taken
 */
public record CoPurchaseStatistics(long customers, Map<String, Long> customersByCategory,
                                   Map<CategoryHistory.Sequence, Long> customersBySequence, Instant computedAt) {

    public CoPurchaseStatistics {
        customersByCategory = Map.copyOf(customersByCategory);
        customersBySequence = Map.copyOf(customersBySequence);
    }

    /** Counted directly from the category histories of every customer: what the index's aggregations must agree with. */
    public static CoPurchaseStatistics of(Collection<CategoryHistory> histories, Instant at) {
        long customers = 0;
        Map<String, Long> byCategory = new HashMap<>();
        Map<CategoryHistory.Sequence, Long> bySequence = new HashMap<>();
        for (CategoryHistory history : histories) {
            if (history.bought().isEmpty()) {
                continue;
            }
            customers++;
            history.bought().forEach(category -> byCategory.merge(category, 1L, Long::sum));
            history.sequences().forEach(key -> CategoryHistory.parse(key)
                    .ifPresent(sequence -> bySequence.merge(sequence, 1L, Long::sum)));
        }
        return new CoPurchaseStatistics(customers, byCategory, bySequence, at);
    }

    /**
     * The offers for one person: for every category B the person has not bought (nor returned), the best rule A -> B
     * from a category A the person bought and kept, by confidence, then lift, then n(A -> B), then A's name; kept when
     * n(A -> B), confidence and lift reach the rules' minimums. Best first, at most {@link OfferRules#maxOffers()}.
     */
    public List<NextBestOffer> offersFor(CategoryHistory person, OfferRules rules) {
        if (customers == 0 || person.bought().isEmpty()) {
            return List.of();
        }
        Set<String> owned = new HashSet<>(person.bought());
        owned.addAll(person.returned());
        Map<String, NextBestOffer> best = new HashMap<>();
        for (Map.Entry<CategoryHistory.Sequence, Long> entry : customersBySequence.entrySet()) {
            CategoryHistory.Sequence sequence = entry.getKey();
            if (!person.bought().contains(sequence.from()) || owned.contains(sequence.to())) {
                continue;
            }
            long together = entry.getValue();
            long antecedent = customersByCategory.getOrDefault(sequence.from(), 0L);
            long consequent = customersByCategory.getOrDefault(sequence.to(), 0L);
            if (together < rules.minCustomers() || antecedent == 0 || consequent == 0) {
                continue;
            }
            double confidence = (double) together / antecedent;
            double lift = confidence / ((double) consequent / customers);
            if (confidence < rules.minConfidence() || lift < rules.minLift()) {
                continue;
            }
            NextBestOffer offer = new NextBestOffer(sequence.to(), sequence.from(), together, antecedent, consequent,
                    customers, round4((double) together / customers), round4(confidence), round4(lift));
            best.merge(offer.category(), offer, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
        }
        List<NextBestOffer> offers = new ArrayList<>(best.values());
        offers.sort(ORDER.thenComparing(NextBestOffer::category));
        return List.copyOf(offers.subList(0, Math.min(rules.maxOffers(), offers.size())));
    }

    private static final Comparator<NextBestOffer> ORDER = Comparator
            .comparingDouble((NextBestOffer offer) -> (double) offer.customers() / offer.becauseCustomers()).reversed()
            .thenComparing(Comparator.comparingDouble(NextBestOffer::lift).reversed())
            .thenComparing(Comparator.comparingLong(NextBestOffer::customers).reversed())
            .thenComparing(NextBestOffer::because);

    static double round4(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
    }
}
