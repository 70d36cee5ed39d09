package dev.mosaic.profile.adapter.out.elasticsearch;

import java.math.BigDecimal;
import java.util.List;

/**
 * A profile as indexed in Elasticsearch; identifiers are stored normalised so exact lookups are term queries. Times
 * are ISO-8601 text, amounts decimals.
 */
record ProfileDocument(
        String profileId,
        String displayName,
        List<String> emails,
        List<String> phones,
        List<String> phoneKeys,
        List<String> loyaltyIds,
        List<String> socialHandles,
        List<String> cities,
        List<String> recordKeys,
        List<String> nameTokens,
        List<String> namePrefixes,
        List<String> nameTypoKeys,
        List<String> cityKeys,
        GoldenRecordDocument golden,
        PurchasesDocument purchases,
        CxDocument cx,
        CategoryHistoryDocument categoryHistory,
        List<SourceRecordDocument> sourceRecords,
        List<LinkDocument> links,
        List<CxTouchpointDocument> cxTouchpoints,
        String updatedAt) {

    /** Stored, not indexed ({@code enabled: false}): documents written before a field existed simply lack it. */
    record SourceRecordDocument(String source, String recordId, String kind, String firstName, String lastName, String email,
                                String phone, String birthDate, String city, String country, String loyaltyId,
                                String socialHandle, String occurredAt, List<String> warnings) {
    }

    /** Categories bought and their order; {@code sequences} as "A\u001FB" (docs/next-best-offer.md). */
    record CategoryHistoryDocument(List<String> bought, List<String> returned, List<String> sequences) {
    }

    record LinkDocument(String from, String to, String rule, double score, String evidence) {
    }

    record GoldenRecordDocument(GoldenValueDocument firstName, GoldenValueDocument lastName, GoldenValueDocument email,
                                GoldenValueDocument phone, GoldenValueDocument birthDate, GoldenAddressDocument address,
                                GoldenValueDocument country, GoldenValueDocument loyaltyId, ConsentDocument emailConsent,
                                ConsentDocument smsConsent) {
    }

    record GoldenValueDocument(String value, String source, String recordId, String decidedBy,
                               List<CandidateValueDocument> values) {
    }

    record CandidateValueDocument(String value, List<String> records, String lastSeen, int occurrences) {
    }

    record GoldenAddressDocument(String street, String postalCode, String city, String source, String recordId,
                                 String decidedBy, List<CandidateAddressDocument> values) {
    }

    record CandidateAddressDocument(String street, String postalCode, String city, List<String> records,
                                    String lastSeen, int occurrences) {
    }

    record ConsentDocument(Boolean granted, String source, String recordId, String at, String statedBy) {
    }

    record PurchasesDocument(int orders, int lines, BigDecimal revenue, int returns, BigDecimal returnedValue,
                             BigDecimal averageOrderValue, String currency, String firstPurchase, String lastPurchase,
                             BigDecimal revenueLast12Months, List<CategoryDocument> topCategories,
                             List<UsageDocument> channels, List<UsageDocument> stores) {
    }

    record CategoryDocument(String category, int quantity, BigDecimal revenue) {
    }

    record UsageDocument(String name, int orders) {
    }

    record CxDocument(NpsDocument nps, ShareDocument csat, ShareDocument ces, MinutesDocument firstResponseTime,
                      MinutesDocument resolutionTime, ShareDocument firstContactResolution, ClvDocument clv,
                      SentimentDocument socialSentiment, ChurnRiskDocument churnRisk, HealthDocument health,
                      AttentionDocument needsAttention) {
    }

    record NpsDocument(int score, String category, String answeredAt, String source, String recordId,
                       String campaignId, String channel, String store) {
    }

    record CxTouchpointDocument(String kind, String at, String channel, String store, Integer nps, Integer csat,
                                Integer ces, Double firstResponseMinutes, Double resolutionMinutes,
                                Boolean firstContactResolved) {
    }

    record ShareDocument(double percent, int matching, int total) {
    }

    record MinutesDocument(double average, double median, int tickets) {
    }

    record ClvDocument(BigDecimal value, BigDecimal annualRevenue, double relationshipYears, String acquisitionChannel,
                       BigDecimal acquisitionCost) {
    }

    record SentimentDocument(double average, int interactions) {
    }

    record ChurnRiskDocument(Integer score, String level, double daysSinceLastOrder, Double averageDaysBetweenOrders,
                             Double ratio) {
    }

    record HealthDocument(int score, List<HealthPartDocument> parts) {
    }

    record HealthPartDocument(String name, double value, double weight) {
    }

    record AttentionDocument(boolean needed, List<String> reasons) {
    }
}
