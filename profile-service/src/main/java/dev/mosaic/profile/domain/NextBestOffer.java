package dev.mosaic.profile.domain;

/**
 * A category to offer a person, and the co-purchase rule "customers who bought {@code because} went on to buy
 * {@code category}" behind it, with its counts over all profiles (docs/next-best-offer.md).
 *
 * @param category          what to offer
 * @param because           the category the person bought that leads to it (A of the rule A -> B)
 * @param customers         n(A -> B): customers who bought B after A
 * @param becauseCustomers  n(A): customers who bought A
 * @param categoryCustomers n(B): customers who bought B
 * @param allCustomers      N: customers with at least one kept purchase with a category
 * @param support           n(A -> B) / N, 4 decimals
 * @param confidence        n(A -> B) / n(A), 4 decimals
 * @param lift              confidence / (n(B) / N), 4 decimals
 */
public record NextBestOffer(String category, String because, long customers, long becauseCustomers,
                            long categoryCustomers, long allCustomers, double support, double confidence,
                            double lift) {
}
