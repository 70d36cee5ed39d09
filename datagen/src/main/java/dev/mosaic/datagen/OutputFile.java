package dev.mosaic.datagen;

import java.util.List;

/** The files the generator writes, with their canonical columns in order. */
public enum OutputFile {

    CUSTOMERS("customers", List.of("source", "record_id", "first_name", "last_name", "email", "phone", "birth_date",
            "street", "postal_code", "city", "country", "loyalty_id", "social_handle", "created_at", "consent_email",
            "consent_sms")),
    PURCHASES("purchases", List.of("source", "record_id", "order_id", "occurred_at", "channel", "store_id", "email",
            "phone", "loyalty_id", "first_name", "last_name", "postal_code", "sku", "product_name", "category",
            "quantity", "unit_price", "currency", "returned")),
    TICKETS("tickets", List.of("source", "record_id", "opened_at", "first_response_at", "resolved_at", "channel",
            "contacts", "status", "email", "phone", "name", "subject", "csat", "ces")),
    CAMPAIGN_RESPONSES("campaign_responses", List.of("source", "record_id", "campaign_id", "campaign_name", "channel",
            "occurred_at", "event", "email", "phone", "nps", "revenue")),
    SOCIAL_INTERACTIONS("social_interactions", List.of("source", "record_id", "platform", "handle", "display_name",
            "occurred_at", "kind", "text", "sentiment", "rating", "email", "phone")),
    /** Which person each record of the other files belongs to. */
    GROUND_TRUTH("ground_truth", List.of("source", "record_id", "person_id"));

    private final String baseName;
    private final List<String> columns;

    OutputFile(String baseName, List<String> columns) {
        this.baseName = baseName;
        this.columns = columns;
    }

    /** {@code customers.csv}, or {@code customers.csv.gz} when gzipped. */
    public String fileName(boolean gzip) {
        return baseName + (gzip ? ".csv.gz" : ".csv");
    }

    public List<String> columns() {
        return columns;
    }

    /** Whether this file holds records (all but the ground truth). */
    public boolean holdsRecords() {
        return this != GROUND_TRUTH;
    }
}
