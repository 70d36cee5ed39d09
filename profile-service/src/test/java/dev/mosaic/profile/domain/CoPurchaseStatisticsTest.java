package dev.mosaic.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.SourceRecord;

/** The co-purchase statistic and the offers read from it, on the hand-computed customers of {@link CoPurchaseExample}. */
class CoPurchaseStatisticsTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Map<String, CategoryHistory> HISTORIES = CoPurchaseExample.customers().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> history(entry.getValue())));
    private static final CoPurchaseStatistics STATISTICS = CoPurchaseStatistics.of(HISTORIES.values(), NOW);

    @Test
    void aCustomersHistoryHoldsWhatWasBoughtAndKeptAndWhatCameStrictlyAfterWhat() {
        CategoryHistory c3 = HISTORIES.get("c3");
        assertThat(c3.bought()).containsExactly("ink", "paper", "printers");
        assertThat(c3.sequences()).containsExactly(CategoryHistory.sequence("ink", "paper"),
                CategoryHistory.sequence("printers", "ink"), CategoryHistory.sequence("printers", "paper"));
        assertThat(HISTORIES.get("c5").sequences()).containsExactly(CategoryHistory.sequence("ink", "printers"));
        assertThat(HISTORIES.get("c6").sequences()).as("one order: nothing after anything").isEmpty();
        assertThat(HISTORIES.get("c12").bought()).containsExactly("printers");
        assertThat(HISTORIES.get("c12").returned()).containsExactly("ink");
        assertThat(HISTORIES.get("c12").sequences()).as("a returned line leads nowhere").isEmpty();
        assertThat(HISTORIES.get("c11").isEmpty()).isTrue();
        assertThat(CategoryHistory.parse(CategoryHistory.sequence("printers", "ink")))
                .hasValue(new CategoryHistory.Sequence("printers", "ink"));
        assertThat(CategoryHistory.parse("printers")).isEmpty();
    }

    @Test
    void countsCustomersPerCategoryAndPerSequenceOverAllCustomersWithAKeptPurchase() {
        assertThat(STATISTICS.customers()).isEqualTo(11);
        assertThat(STATISTICS.customersByCategory()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "printers", 7L, "ink", 4L, "laptops", 4L, "mouse", 3L, "paper", 1L, "coffee", 1L));
        assertThat(STATISTICS.customersBySequence()).containsExactlyInAnyOrderEntriesOf(Map.of(
                seq("printers", "ink"), 3L, seq("laptops", "mouse"), 3L, seq("printers", "paper"), 1L,
                seq("ink", "paper"), 1L, seq("ink", "printers"), 1L));
    }

    @Test
    void aNewPrinterBuyerIsOfferedInkWithTheConfidenceSupportAndLiftWorkedOutByHand() {
        List<NextBestOffer> offers = STATISTICS.offersFor(HISTORIES.get("c4"), OfferRules.DEFAULT);

        // printers -> ink: 3 of the 7 printer buyers bought ink later; 4 of all 11 customers bought ink.
        // printers -> paper has 1 customer only: below min-customers 3.
        assertThat(offers).containsExactly(new NextBestOffer("ink", "printers", 3, 7, 4, 11, 0.2727, 0.4286, 1.1786));
    }

    @Test
    void ranksOffersByConfidenceAndNeverOffersWhatWasBoughtOrReturned() {
        // c6 bought laptops and printers: mouse follows laptops for 3 of 4 (lift 2.75), ink follows printers for 3 of 7.
        assertThat(STATISTICS.offersFor(HISTORIES.get("c6"), OfferRules.DEFAULT))
                .extracting(NextBestOffer::category, NextBestOffer::because, NextBestOffer::confidence,
                        NextBestOffer::lift)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mouse", "laptops", 0.75, 2.75),
                        org.assertj.core.groups.Tuple.tuple("ink", "printers", 0.4286, 1.1786));
        assertThat(STATISTICS.offersFor(HISTORIES.get("c12"), OfferRules.DEFAULT)).as("ink was returned").isEmpty();
        assertThat(STATISTICS.offersFor(HISTORIES.get("c1"), OfferRules.DEFAULT)).as("has ink already").isEmpty();
        assertThat(STATISTICS.offersFor(HISTORIES.get("c11"), OfferRules.DEFAULT)).as("bought nothing").isEmpty();
        assertThat(STATISTICS.offersFor(HISTORIES.get("c6"), new OfferRules(3, 0.1, 1.0, 1)))
                .extracting(NextBestOffer::category).containsExactly("mouse");
    }

    @Test
    void leavesOutRulesBelowTheMinimumCustomersConfidenceOrLift() {
        CategoryHistory c4 = HISTORIES.get("c4");
        assertThat(STATISTICS.offersFor(c4, new OfferRules(4, 0.1, 1.0, 3))).isEmpty();
        assertThat(STATISTICS.offersFor(c4, new OfferRules(3, 0.43, 1.0, 3))).isEmpty();
        assertThat(STATISTICS.offersFor(c4, new OfferRules(3, 0.1, 1.2, 3))).isEmpty();
        assertThat(STATISTICS.offersFor(c4, new OfferRules(1, 0.0, 0.0, 3))).extracting(NextBestOffer::category)
                .containsExactly("ink", "paper"); // paper: 1 of 7, lift (1/7) / (1/11) = 1.5714
    }

    @Test
    void offersNothingWithoutStatistics() {
        assertThat(CoPurchaseStatistics.of(List.of(), NOW).offersFor(HISTORIES.get("c4"), OfferRules.DEFAULT)).isEmpty();
    }

    private static CategoryHistory history(List<SourceRecord> records) {
        return CategoryHistory.of(PurchaseSummary.lines(records));
    }

    private static CategoryHistory.Sequence seq(String from, String to) {
        return new CategoryHistory.Sequence(from, to);
    }
}
