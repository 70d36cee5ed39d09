package dev.mosaic.profile.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.mosaic.profile.domain.CoPurchaseCounts;
import dev.mosaic.profile.domain.CoPurchaseStatistics;
import dev.mosaic.profile.domain.OfferRules;

/** The statistics are counted on demand and reused until they are older than the max age. */
class NextBestOffersTest {

    @Test
    void countsAgainOnlyOnceTheStatisticsAreOlderThanTheMaxAge() {
        AtomicInteger counted = new AtomicInteger();
        AtomicLong now = new AtomicLong(0);
        CoPurchaseCounts counts = minCustomers -> {
            counted.incrementAndGet();
            return new CoPurchaseStatistics(counted.get(), Map.of(), Map.of(), Instant.EPOCH);
        };
        NextBestOffers offers = new NextBestOffers(counts, OfferRules.DEFAULT, Duration.ofSeconds(60), now::get);

        assertThat(offers.statistics().customers()).isEqualTo(1);
        now.set(Duration.ofSeconds(59).toNanos());
        assertThat(offers.statistics().customers()).isEqualTo(1);
        now.set(Duration.ofSeconds(60).toNanos());
        assertThat(offers.statistics().customers()).isEqualTo(2);
        assertThat(counted).hasValue(2);
    }

    @Test
    void withAMaxAgeOfZeroCountsOnEveryCall() {
        AtomicInteger counted = new AtomicInteger();
        NextBestOffers offers = new NextBestOffers(minCustomers -> {
            counted.incrementAndGet();
            return new CoPurchaseStatistics(0, Map.of(), Map.of(), Instant.EPOCH);
        }, OfferRules.DEFAULT, Duration.ZERO, () -> 5L);

        List.of(1, 2, 3).forEach(i -> offers.statistics());

        assertThat(counted).hasValue(3);
    }
}
