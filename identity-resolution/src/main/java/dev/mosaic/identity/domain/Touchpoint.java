package dev.mosaic.identity.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** What a person did at one point of contact; the payload of every record that is not a contact record. */
public sealed interface Touchpoint {

    record Purchase(String orderId, String channel, String storeId, String sku, String productName, String category,
                    int quantity, BigDecimal unitPrice, String currency, boolean returned) implements Touchpoint {
    }

    record SupportTicket(Instant openedAt, Instant firstResponseAt, Instant resolvedAt, String channel,
                         Integer contacts, String status, String subject, Integer csat, Integer ces)
            implements Touchpoint {
    }

    record CampaignResponse(String campaignId, String campaignName, String channel, String event, Integer nps,
                            BigDecimal revenue) implements Touchpoint {
    }

    record SocialInteraction(String platform, String handle, String kind, String text, BigDecimal sentiment,
                             Integer rating) implements Touchpoint {
    }
}
