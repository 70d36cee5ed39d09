package dev.mosaic.profile.adapter.out.elasticsearch;

/**
 * The strict mapping of {@link ProfileDocument}. Identifiers, golden values, aggregates and scores are indexed for
 * lookups and segments; the detail behind them (every candidate value, the source records, links, health parts)
 * is kept in the source only. {@code nameTokens} and {@code cityKeys} hold names and cities folded in Java
 * ({@link dev.mosaic.profile.domain.SearchKeys}) for search and segments: the core node has no folding analyzers.
 * {@code namePrefixes} and {@code nameTypoKeys} are search keys (the names' beginnings and one-typing-error keys, about
 * 30 per name; {@link dev.mosaic.profile.domain.SearchKeys}). They stay in the stored source: leaving them out with
 * {@code _source.excludes} makes Elasticsearch rewrite every document's source, which turns amounts such as 150.00
 * into 150.0.
 * {@code cxTouchpoints} are nested documents, one per ticket and NPS answer, so the CX dashboard aggregates them by
 * time, channel and store with each touchpoint's values kept together. Changing the mapping means a new index version
 * ({@link ElasticsearchProfileReadModel#VERSION}).
 */
final class ProfileIndexMapping {

    private ProfileIndexMapping() {
    }

    private static final String KEYWORD = "{\"type\": \"keyword\"}";
    /**
     * Amounts are indexed as double for range queries and aggregations; the document source keeps the exact decimal.
     * (scaled_float would fit better, but it lives in the mapper-extras module, which the core node lacks.)
     */
    private static final String MONEY = "{\"type\": \"double\"}";
    private static final String STORED_ONLY = "{\"type\": \"object\", \"enabled\": false}";

    private static String goldenValue(String valueType) {
        return """
                {"properties": {"value": %s, "source": %s, "recordId": %s, "decidedBy": %s, "values": %s}}"""
                .formatted(valueType, KEYWORD, KEYWORD, KEYWORD, STORED_ONLY);
    }

    private static final String CONSENT = """
            {"properties": {"granted": {"type": "boolean"}, "source": %1$s, "recordId": %1$s, "at": {"type": "date"},
                            "statedBy": {"type": "keyword", "index": false}}}""".formatted(KEYWORD);
    private static final String SHARE = """
            {"properties": {"percent": {"type": "double"}, "matching": {"type": "integer"}, "total": {"type": "integer"}}}""";
    private static final String MINUTES = """
            {"properties": {"average": {"type": "double"}, "median": {"type": "double"}, "tickets": {"type": "integer"}}}""";
    private static final String USAGE = """
            {"properties": {"name": %s, "orders": {"type": "integer"}}}""".formatted(KEYWORD);

    static final String MAPPING = """
            {
              "dynamic": "strict",
              "properties": {
                "profileId":   {"type": "keyword"},
                "displayName": {"type": "text", "fields": {"keyword": {"type": "keyword", "normalizer": "lowercase"}}},
                "emails":      {"type": "keyword"},
                "phones":      {"type": "keyword"},
                "phoneKeys":   {"type": "keyword"},
                "loyaltyIds":  {"type": "keyword"},
                "socialHandles": {"type": "keyword"},
                "cities":      {"type": "keyword", "normalizer": "lowercase"},
                "recordKeys":  {"type": "keyword"},
                "nameTokens":  {"type": "keyword"},
                "namePrefixes": {"type": "keyword", "doc_values": false},
                "nameTypoKeys": {"type": "keyword", "doc_values": false},
                "cityKeys":    {"type": "keyword"},
                "golden": {"properties": {
                  "firstName": %1$s, "lastName": %1$s, "email": %2$s, "phone": %2$s, "birthDate": %3$s,
                  "address": {"properties": {"street": %4$s, "postalCode": %5$s, "city": %4$s, "source": %5$s,
                              "recordId": %5$s, "decidedBy": %5$s, "values": %6$s}},
                  "country": %2$s, "loyaltyId": %2$s,
                  "emailConsent": %7$s, "smsConsent": %7$s}},
                "purchases": {"properties": {
                  "orders": {"type": "integer"}, "lines": {"type": "integer"}, "revenue": %8$s,
                  "returns": {"type": "integer"}, "returnedValue": %8$s, "averageOrderValue": %8$s,
                  "currency": %5$s, "firstPurchase": {"type": "date"}, "lastPurchase": {"type": "date"},
                  "revenueLast12Months": %8$s,
                  "topCategories": {"properties": {"category": %5$s, "quantity": {"type": "integer"}, "revenue": %8$s}},
                  "channels": %9$s, "stores": %9$s}},
                "cx": {"properties": {
                  "nps": {"properties": {"score": {"type": "integer"}, "category": %5$s, "answeredAt": {"type": "date"},
                          "source": %5$s, "recordId": %5$s, "campaignId": %5$s, "channel": %5$s, "store": %5$s}},
                  "csat": %10$s, "ces": %10$s, "firstContactResolution": %10$s,
                  "firstResponseTime": %11$s, "resolutionTime": %11$s,
                  "clv": {"properties": {"value": %8$s, "annualRevenue": %8$s, "relationshipYears": {"type": "double"},
                          "acquisitionChannel": %5$s, "acquisitionCost": %8$s}},
                  "socialSentiment": {"properties": {"average": {"type": "double"}, "interactions": {"type": "integer"}}},
                  "churnRisk": {"properties": {"score": {"type": "integer"}, "level": %5$s,
                                "daysSinceLastOrder": {"type": "double"}, "averageDaysBetweenOrders": {"type": "double"},
                                "ratio": {"type": "double"}}},
                  "health": {"properties": {"score": {"type": "integer"}, "parts": %6$s}},
                  "needsAttention": {"properties": {"needed": {"type": "boolean"},
                                     "reasons": {"type": "keyword", "index": false}}}}},
                "categoryHistory": {"properties": {"bought": %5$s, "returned": %5$s, "sequences": %5$s}},
                "sourceRecords": {"type": "object", "enabled": false},
                "links":       {"type": "object", "enabled": false},
                "cxTouchpoints": {"type": "nested", "properties": {
                  "kind": %5$s, "at": {"type": "date"}, "channel": %5$s, "store": %5$s,
                  "nps": {"type": "integer"}, "csat": {"type": "integer"}, "ces": {"type": "integer"},
                  "firstResponseMinutes": {"type": "double"}, "resolutionMinutes": {"type": "double"},
                  "firstContactResolved": {"type": "boolean"}}},
                "updatedAt":   {"type": "date"}
              }
            }""".formatted(
            goldenValue("{\"type\": \"keyword\", \"normalizer\": \"lowercase\"}"),
            goldenValue(KEYWORD),
            goldenValue("{\"type\": \"date\"}"),
            "{\"type\": \"keyword\", \"normalizer\": \"lowercase\"}",
            KEYWORD,
            STORED_ONLY,
            CONSENT,
            MONEY,
            USAGE,
            SHARE,
            MINUTES);

    static final String SETTINGS = """
            {"number_of_shards": 1, "number_of_replicas": 0,
             "analysis": {"normalizer": {"lowercase": {"type": "custom", "filter": ["lowercase"]}}}}""";
}
