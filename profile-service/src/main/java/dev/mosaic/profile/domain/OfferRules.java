package dev.mosaic.profile.domain;

/**
 * When a co-purchase becomes an offer (docs/next-best-offer.md).
 *
 * @param minCustomers  a rule A -> B needs at least this many customers who bought B after A
 * @param minConfidence and at least this confidence (0..1)
 * @param minLift       and at least this lift: 1 means B follows A no more often than B is bought at all
 * @param maxOffers     offers per person, best first
 */
public record OfferRules(int minCustomers, double minConfidence, double minLift, int maxOffers) {

    public static final OfferRules DEFAULT = new OfferRules(3, 0.1, 1.0, 3);

    public OfferRules {
        if (minCustomers < 1 || minConfidence < 0 || minConfidence > 1 || minLift < 0 || maxOffers < 1) {
            throw new IllegalArgumentException("offer rules: min-customers >= 1, 0 <= min-confidence <= 1, "
                    + "min-lift >= 0 and max-offers >= 1");
        }
    }
}
