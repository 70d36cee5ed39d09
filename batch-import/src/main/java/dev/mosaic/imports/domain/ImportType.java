package dev.mosaic.imports.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The canonical kinds of file Mosaic imports, with their columns and the ones a file must have. */
public enum ImportType {
    CUSTOMERS(List.of("source", "record_id", "first_name", "last_name", "email", "phone", "birth_date", "street",
            "postal_code", "city", "country", "loyalty_id", "social_handle", "created_at", "consent_email",
            "consent_sms")),
    PURCHASES(List.of("source", "record_id", "order_id", "occurred_at", "channel", "store_id", "email", "phone",
            "loyalty_id", "first_name", "last_name", "postal_code", "sku", "product_name", "category", "quantity",
            "unit_price", "currency", "returned"),
            "occurred_at", "quantity", "unit_price"),
    TICKETS(List.of("source", "record_id", "opened_at", "first_response_at", "resolved_at", "channel", "contacts",
            "status", "email", "phone", "name", "subject", "csat", "ces", "store_id"),
            "opened_at"),
    CAMPAIGN_RESPONSES(List.of("source", "record_id", "campaign_id", "campaign_name", "channel", "occurred_at", "event",
            "email", "phone", "nps", "revenue", "store_id"),
            "campaign_id", "occurred_at", "event"),
    SOCIAL_INTERACTIONS(List.of("source", "record_id", "platform", "handle", "display_name", "occurred_at", "kind",
            "text", "sentiment", "rating", "email", "phone"),
            "platform", "occurred_at");

    private final List<String> columns;
    private final List<String> requiredColumns;

    ImportType(List<String> columns, String... requiredBeyondKey) {
        this.columns = columns;
        this.requiredColumns = java.util.stream.Stream.concat(java.util.stream.Stream.of("source", "record_id"),
                Arrays.stream(requiredBeyondKey)).toList();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every canonical column, in the documented order. */
    public List<String> columns() {
        return columns;
    }

    /** The columns every row needs; a row lacking one is quarantined, a file without one refused. */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public static Optional<ImportType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
