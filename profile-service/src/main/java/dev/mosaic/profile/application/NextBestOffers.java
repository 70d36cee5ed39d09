package dev.mosaic.profile.application;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(NextBestOffers.class);

    /** The offers and the statistics they were read from. */
    public record Offers(List<NextBestOffer> offers, CoPurchaseStatistics statistics) {
    }

    private final CoPurchaseCounts counts;
    private final OfferRules rules;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private volatile Counted current;
    private final AtomicBoolean recounting = new AtomicBoolean();

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

    /**
     * The statistics. Once they are older than the max age, the first caller starts counting them again in the
     * background and every caller keeps getting the previous ones until the new count is in: counting aggregates the
     * whole index (about a second at 1,000,000 profiles), and making every lookup of that second wait for it put a
     * stall into the latency of the profile service once a minute. Only the very first count (nothing to serve yet)
     * and a max age of zero (always fresh, as tests want it) count in the caller's thread.
     */
    public CoPurchaseStatistics statistics() {
        Counted counted = current;
        if (counted == null || maxAgeNanos == 0) {
            return countNow();
        }
        if (nanoTime.getAsLong() - counted.atNanos() >= maxAgeNanos && recounting.compareAndSet(false, true)) {
            Thread.ofVirtual().name("offer-statistics").start(() -> {
                try {
                    countNow();
                } catch (RuntimeException e) {
                    // The previous statistics stay in use; the next call past the max age tries again.
                    log.warn("Could not count the co-purchase statistics again: {}", e.getMessage());
                } finally {
                    recounting.set(false);
                }
            });
        }
        return counted.statistics();
    }

    private synchronized CoPurchaseStatistics countNow() {
        Counted counted = current;
        if (counted != null && maxAgeNanos > 0 && nanoTime.getAsLong() - counted.atNanos() < maxAgeNanos) {
            return counted.statistics();
        }
        long started = nanoTime.getAsLong();
        counted = new Counted(counts.count(rules.minCustomers()), started);
        current = counted;
        return counted.statistics();
    }
}
