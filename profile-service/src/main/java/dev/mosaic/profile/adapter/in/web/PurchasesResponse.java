package dev.mosaic.profile.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Purchase aggregates over the profile's purchase records (one record per order line)")
record PurchasesResponse(
        @Schema(description = "Distinct order ids (a line without one is an order of its own), returned orders included")
        int orders,
        @Schema(description = "Purchase lines") int lines,
        @Schema(description = "Sum of quantity x unit price of the lines not returned") BigDecimal revenue,
        @Schema(description = "Returned lines") int returns,
        @Schema(description = "Sum of quantity x unit price of the returned lines") BigDecimal returnedValue,
        @Schema(description = "revenue / orders, 2 decimals") BigDecimal averageOrderValue,
        @Schema(description = "Currency of most lines; amounts are not converted") String currency,
        Instant firstPurchase,
        Instant lastPurchase,
        @Schema(description = "Revenue of the lines in the 12 months up to updatedAt") BigDecimal revenueLast12Months,
        @Schema(description = "Up to 3 categories by quantity bought (not returned), then revenue")
        List<Category> topCategories,
        @Schema(description = "Channels (store, web, app) with the orders placed through each, most used first")
        List<Usage> channels,
        @Schema(description = "Store ids with the orders placed there, most used first") List<Usage> stores) {

    @Schema(name = "PurchaseCategory")
    record Category(String category, int quantity, BigDecimal revenue) {
    }

    @Schema(name = "PurchaseUsage")
    record Usage(String name, int orders) {
    }
}
