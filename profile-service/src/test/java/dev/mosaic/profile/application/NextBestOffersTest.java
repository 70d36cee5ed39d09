package dev.mosaic.profile.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.mosaic.profile.domain.CoPurchaseCounts;
import dev.mosaic.profile.domain.CoPurchaseStatistics;
import dev.mosaic.profile.domain.OfferRules;

/** The statistics are counted on demand, reused until they are older than the max age, then counted again in the background. */
class NextBestOffersTest {

    @Test
    void countsAgainOnlyOnceTheStatisticsAreOlderThanTheMaxAgeAndMeanwhileServesThePreviousOnes() throws Exception {
        AtomicInteger counted = new AtomicInteger();
        AtomicLong now = new AtomicLong(0);
        CountDownLatch recountMayFinish = new CountDownLatch(1);
        CoPurchaseCounts counts = minCustomers -> {
            if (counted.incrementAndGet() > 1) {
                await(recountMayFinish);
            }
            return new CoPurchaseStatistics(counted.get(), Map.of(), Map.of(), Instant.EPOCH);
        };
        NextBestOffers offers = new NextBestOffers(counts, OfferRules.DEFAULT, Duration.ofSeconds(60), now::get);

        assertThat(offers.statistics().customers()).isEqualTo(1);
        now.set(Duration.ofSeconds(59).toNanos());
        assertThat(offers.statistics().customers()).isEqualTo(1);
        now.set(Duration.ofSeconds(60).toNanos());
        // Past the max age: the recount runs in the background, callers keep the previous statistics meanwhile.
        assertThat(offers.statistics().customers()).isEqualTo(1);
        assertThat(offers.statistics().customers()).isEqualTo(1);
        recountMayFinish.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> offers.statistics().customers() == 2);
        assertThat(counted).hasValue(2);
    }

    @Test
    void keepsThePreviousStatisticsWhenCountingAgainFails() {
        AtomicInteger counted = new AtomicInteger();
        AtomicLong now = new AtomicLong(0);
        NextBestOffers offers = new NextBestOffers(minCustomers -> {
            if (counted.incrementAndGet() > 1) {
                throw new IllegalStateException("Elasticsearch is away");
            }
            return new CoPurchaseStatistics(7, Map.of(), Map.of(), Instant.EPOCH);
        }, OfferRules.DEFAULT, Duration.ofSeconds(60), now::get);

        offers.statistics();
        now.set(Duration.ofSeconds(61).toNanos());
        offers.statistics();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> counted.get() == 2);

        assertThat(offers.statistics().customers()).isEqualTo(7);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
