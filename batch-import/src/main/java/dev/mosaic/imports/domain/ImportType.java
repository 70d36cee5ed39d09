package dev.mosaic.imports.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The canonical kinds of file Mosaic imports, with their columns and the columns each one must have. */
public enum ImportType {
    CUSTOMERS(List.of("source", "record_id"), true,
            List.of("source", "record_id", "first_name", "last_name", "email", "phone", "birth_date", "street",
                    "postal_code", "city", "country", "loyalty_id", "social_handle", "created_at", "consent_email",
                    "consent_sms")),
    PURCHASES(List.of("source", "record_id"), false,
            List.of("source", "record_id", "order_id", "occurred_at", "channel", "store_id", "email", "phone",
                    "loyalty_id", "first_name", "last_name", "postal_code", "sku", "product_name", "category",
                    "quantity", "unit_price", "currency", "returned")),
    TICKETS(List.of("source", "record_id"), false,
            List.of("source", "record_id", "opened_at", "first_response_at", "resolved_at", "channel", "contacts",
                    "status", "email", "phone", "name", "subject", "csat", "ces")),
    CAMPAIGN_RESPONSES(List.of("source", "record_id"), false,
            List.of("source", "record_id", "campaign_id", "campaign_name", "channel", "occurred_at", "event", "email",
                    "phone", "nps", "revenue")),
    SOCIAL_INTERACTIONS(List.of("source", "record_id"), false,
            List.of("source", "record_id", "platform", "handle", "display_name", "occurred_at", "kind", "text",
                    "sentiment", "rating", "email", "phone"));

    private final List<String> requiredColumns;
    private final boolean supported;
    private final List<String> columns;

    ImportType(List<String> requiredColumns, boolean supported, List<String> columns) {
        this.requiredColumns = requiredColumns;
        this.supported = supported;
        this.columns = columns;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** Every canonical column of the type, in the documented order; other columns of a file become attributes. */
    public List<String> columns() {
        return columns;
    }

    /** Whether this build can import the type yet (the walking skeleton imports customers only). */
    public boolean isSupported() {
        return supported;
    }

    public static Optional<ImportType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }
}
