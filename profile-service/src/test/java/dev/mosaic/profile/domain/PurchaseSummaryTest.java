package dev.mosaic.profile.domain;

import static dev.mosaic.profile.domain.Records.at;
import static dev.mosaic.profile.domain.Records.customer;
import static dev.mosaic.profile.domain.Records.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.SourceRecord;

class PurchaseSummaryTest {

    /** Four orders, five lines, one line returned; computed by hand below. */
    static final List<SourceRecord> RECORDS = List.of(
            customer("crm/C-1", "2021-03-01T10:00:00Z", "Anna", "Schmidt", "anna@example.de"),
            purchase("webshop/WO-1-1", "2024-01-10T10:00:00Z", "WO-1", "web", null, "printers", 1, "189.00", false),
            purchase("webshop/WO-1-2", "2024-01-10T10:00:00Z", "WO-1", "web", null, "ink", 2, "39.90", false),
            purchase("pos/R-1-1", "2024-06-15T12:00:00Z", "R-1", "store", "BER-01", "ink", 1, "39.90", false),
            purchase("pos/R-2-1", "2025-01-03T16:00:00Z", "R-2", "store", "MUC-02", "phones", 1, "699.00", true),
            purchase("webshop/WO-2-1", "2025-02-01T09:00:00Z", "WO-2", "web", null, "ink", 3, "20.00", false));

    static final String NOW = "2025-03-01T00:00:00Z";

    @Test
    void addsUpOrdersRevenueReturnsAndAverageOrderValue() {
        PurchaseSummary summary = PurchaseSummary.of(RECORDS, at(NOW));

        assertThat(summary.orders()).isEqualTo(4);
        assertThat(summary.lines()).isEqualTo(5);
        // 189.00 + 2 x 39.90 + 39.90 + 3 x 20.00; the returned phone is not revenue
        assertThat(summary.revenue()).isEqualByComparingTo("368.70");
        assertThat(summary.returns()).isEqualTo(1);
        assertThat(summary.returnedValue()).isEqualByComparingTo("699.00");
        // 368.70 / 4 = 92.175
        assertThat(summary.averageOrderValue()).isEqualByComparingTo("92.18");
        assertThat(summary.currency()).isEqualTo("EUR");
        assertThat(summary.firstPurchase()).isEqualTo(at("2024-01-10T10:00:00Z"));
        assertThat(summary.lastPurchase()).isEqualTo(at("2025-02-01T09:00:00Z"));
    }

    @Test
    void countsRevenueOfTheTwelveMonthsBeforeNowOnly() {
        // since 2024-03-01: 39.90 (June) + 60.00 (February); the January 2024 order is older, the return is no revenue
        assertThat(PurchaseSummary.of(RECORDS, at(NOW)).revenueLast12Months()).isEqualByComparingTo("99.90");
    }

    @Test
    void ranksCategoriesByQuantityAndListsChannelsAndStoresByOrders() {
        PurchaseSummary summary = PurchaseSummary.of(RECORDS, at(NOW));

        assertThat(summary.topCategories()).containsExactly(
                new PurchaseSummary.CategoryTotal("ink", 6, new BigDecimal("179.70")),
                new PurchaseSummary.CategoryTotal("printers", 1, new BigDecimal("189.00")));
        assertThat(summary.channels()).containsExactly(new PurchaseSummary.Usage("store", 2),
                new PurchaseSummary.Usage("web", 2));
        assertThat(summary.stores()).containsExactly(new PurchaseSummary.Usage("BER-01", 1),
                new PurchaseSummary.Usage("MUC-02", 1));
    }

    @Test
    void countsALineWithoutOrderIdAsAnOrderOfItsOwn() {
        PurchaseSummary summary = PurchaseSummary.of(List.of(
                purchase("pos/1", "2025-01-01T10:00:00Z", null, "store", "BER-01", "ink", 1, "10.00", false),
                purchase("pos/2", "2025-01-01T10:00:00Z", null, "store", "BER-01", "ink", 1, "20.00", false)),
                at(NOW));

        assertThat(summary.orders()).isEqualTo(2);
        assertThat(summary.averageOrderValue()).isEqualByComparingTo("15.00");
    }

    @Test
    void isEmptyWithoutPurchases() {
        PurchaseSummary summary = PurchaseSummary.of(List.of(RECORDS.getFirst()), at(NOW));

        assertThat(summary.orders()).isZero();
        assertThat(summary.revenue()).isEqualByComparingTo("0");
        assertThat(summary.firstPurchase()).isNull();
    }
}
