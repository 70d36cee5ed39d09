package dev.mosaic.profile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.mosaic.profile.domain.OfferRules;

/**
 * When a co-purchase becomes an offer, and how long the statistics over all profiles are reused
 * ({@code mosaic.offers.*}, docs/next-best-offer.md).
 *
 * @param minCustomers     a rule A -> B needs this many customers who bought B after A
 * @param minConfidence    and this confidence (0..1)
 * @param minLift          and this lift
 * @param maxOffers        offers per person
 * @param statisticsMaxAge the statistics are counted again when older; 0 counts on every request
 */
@ConfigurationProperties("mosaic.offers")
record NextBestOfferProperties(@DefaultValue("3") int minCustomers, @DefaultValue("0.1") double minConfidence,
                               @DefaultValue("1.0") double minLift, @DefaultValue("3") int maxOffers,
                               @DefaultValue("60s") Duration statisticsMaxAge) {

    OfferRules rules() {
        return new OfferRules(minCustomers, minConfidence, minLift, maxOffers);
    }
}
