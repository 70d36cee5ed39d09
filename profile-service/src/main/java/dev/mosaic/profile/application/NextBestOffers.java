package dev.mosaic.profile.application;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import dev.mosaic.profile.domain.CoPurchaseCounts;
import dev.mosaic.profile.domain.CoPurchaseStatistics;
import dev.mosaic.profile.domain.NextBestOffer;
import dev.mosaic.profile.domain.OfferRules;
import dev.mosaic.profile.domain.ProfileView;

/**
 * The next best offers of a person, from co-purchase statistics over every profile (docs/next-best-offer.md).
 * <p>
 * Each profile's category history is recomputed whenever the profile is projected; the statistics over all profiles
 * are counted on demand, by one aggregation on the profile index, and reused for {@code maxAge}: an offer does not
 * need to know about the purchases of the last minute, and a counter serving many customers during a large import
 * should not aggregate the whole index for each of them. With a max age of zero every call counts afresh.
 */
public final class NextBestOffers {

    /** The offers and the statistics they were read from. */
    public record Offers(List<NextBestOffer> offers, CoPurchaseStatistics statistics) {
    }

    private final CoPurchaseCounts counts;
    private final OfferRules rules;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private volatile Counted current;

    private record Counted(CoPurchaseStatistics statistics, long atNanos) {
    }

    public NextBestOffers(CoPurchaseCounts counts, OfferRules rules, Duration maxAge) {
        this(counts, rules, maxAge, System::nanoTime);
    }

    NextBestOffers(CoPurchaseCounts counts, OfferRules rules, Duration maxAge, LongSupplier nanoTime) {
        this.counts = counts;
        this.rules = rules;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    public OfferRules rules() {
        return rules;
    }

    public Offers forProfile(ProfileView profile) {
        CoPurchaseStatistics statistics = statistics();
        return new Offers(statistics.offersFor(profile.categoryHistory(), rules), statistics);
    }

    /** The statistics, counted again when older than the max age. */
    public CoPurchaseStatistics statistics() {
        Counted counted = current;
        if (counted != null && nanoTime.getAsLong() - counted.atNanos() < maxAgeNanos) {
            return counted.statistics();
        }
        synchronized (this) {
            counted = current;
            if (counted == null || nanoTime.getAsLong() - counted.atNanos() >= maxAgeNanos) {
                long started = nanoTime.getAsLong();
                counted = new Counted(counts.count(rules.minCustomers()), started);
                current = counted;
            }
            return counted.statistics();
        }
    }
}
