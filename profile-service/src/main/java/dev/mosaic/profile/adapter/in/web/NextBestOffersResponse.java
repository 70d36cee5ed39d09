package dev.mosaic.profile.adapter.in.web;

import java.time.Instant;
import java.util.List;

import dev.mosaic.profile.application.NextBestOffers;
import dev.mosaic.profile.domain.NextBestOffer;
import dev.mosaic.profile.domain.OfferRules;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "NextBestOffers", description = """
        Categories to offer the person, best first: categories that customers who bought what this person bought \
        went on to buy later, counted over every profile (docs/next-best-offer.md). For a rule A -> B: \
        n(A -> B) = customers with a kept purchase of B later than their first kept purchase of A; \
        support = n(A -> B) / N; confidence = n(A -> B) / n(A); lift = confidence / (n(B) / N), where n(X) counts \
        customers who bought X and N customers with any kept purchase with a category. Categories the person bought \
        or returned are never offered; a rule needs mosaic.offers.min-customers, min-confidence and min-lift.""")
record NextBestOffersResponse(
        String profileId,
        @Schema(description = "When the statistics were counted (they are reused for mosaic.offers.statistics-max-age)")
        Instant statisticsAsOf,
        @Schema(description = "N: customers with a kept purchase with a category, over all profiles") long customers,
        Rules rules,
        List<Offer> offers) {

    @Schema(name = "NextBestOffer", description = "One category to offer and the rule A -> B behind it")
    record Offer(
            @Schema(description = "B: the category to offer", example = "printer_supplies") String category,
            @Schema(description = "A: the category the person bought that leads to it", example = "printers")
            String because,
            @Schema(description = "n(A -> B): customers who bought B after A", example = "3") long customers,
            @Schema(description = "n(A): customers who bought A", example = "4") long becauseCustomers,
            @Schema(description = "n(B): customers who bought B", example = "4") long categoryCustomers,
            @Schema(description = "n(A -> B) / N, 4 decimals") double support,
            @Schema(description = "n(A -> B) / n(A), 4 decimals", example = "0.75") double confidence,
            @Schema(description = "confidence / (n(B) / N), 4 decimals; above 1: B follows A more often than B is "
                    + "bought at all") double lift) {

        static Offer of(NextBestOffer offer) {
            return new Offer(offer.category(), offer.because(), offer.customers(), offer.becauseCustomers(),
                    offer.categoryCustomers(), offer.support(), offer.confidence(), offer.lift());
        }
    }

    @Schema(name = "NextBestOfferRules", description = "mosaic.offers.*: when a rule becomes an offer")
    record Rules(int minCustomers, double minConfidence, double minLift, int maxOffers) {

        static Rules of(OfferRules rules) {
            return new Rules(rules.minCustomers(), rules.minConfidence(), rules.minLift(), rules.maxOffers());
        }
    }

    static NextBestOffersResponse of(String profileId, NextBestOffers.Offers offers, OfferRules rules) {
        return new NextBestOffersResponse(profileId, offers.statistics().computedAt(), offers.statistics().customers(),
                Rules.of(rules), offers.offers().stream().map(Offer::of).toList());
    }
}
