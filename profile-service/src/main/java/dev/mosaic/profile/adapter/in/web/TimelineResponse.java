package dev.mosaic.profile.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.mosaic.identity.domain.Touchpoint;
import dev.mosaic.profile.domain.Timeline;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "Every touchpoint of a profile across sources, newest first, one page of it")
record TimelineResponse(
        String profileId,
        @Schema(description = "0-based page number") int page,
        int size,
        int totalEntries,
        int totalPages,
        List<Entry> entries) {

    @Schema(name = "TimelineEntry", description = "One touchpoint; exactly one of purchase, ticket, campaignResponse, socialInteraction is set")
    record Entry(Instant at, String source, String recordId,
                 @Schema(description = "purchase, ticket, campaign_response or social_interaction") String kind,
                 @Schema(description = "What happened, in a sentence") String summary,
                 Purchase purchase, Ticket ticket, CampaignResponse campaignResponse,
                 SocialInteraction socialInteraction) {
    }

    @Schema(name = "TimelinePurchase")
    record Purchase(String orderId, String channel, String storeId, String sku, String productName, String category,
                    int quantity, BigDecimal unitPrice, String currency, boolean returned) {
    }

    @Schema(name = "TimelineTicket")
    record Ticket(Instant openedAt, Instant firstResponseAt, Instant resolvedAt, String channel, Integer contacts,
                  String status, String subject, Integer csat, Integer ces) {
    }

    @Schema(name = "TimelineCampaignResponse")
    record CampaignResponse(String campaignId, String campaignName, String channel, String event, Integer nps,
                            BigDecimal revenue) {
    }

    @Schema(name = "TimelineSocialInteraction")
    record SocialInteraction(String platform, String handle, String kind, String text, BigDecimal sentiment,
                             Integer rating) {
    }

    static TimelineResponse of(String profileId, Timeline.Page page) {
        return new TimelineResponse(profileId, page.page(), page.size(), page.totalEntries(), page.totalPages(),
                page.entries().stream().map(TimelineResponse::entry).toList());
    }

    static Entry entry(Timeline.Entry entry) {
        Purchase purchase = null;
        Ticket ticket = null;
        CampaignResponse campaignResponse = null;
        SocialInteraction socialInteraction = null;
        switch (entry.touchpoint()) {
            case Touchpoint.Purchase p -> purchase = new Purchase(p.orderId(), p.channel(), p.storeId(), p.sku(),
                    p.productName(), p.category(), p.quantity(), p.unitPrice(), p.currency(), p.returned());
            case Touchpoint.SupportTicket t -> ticket = new Ticket(t.openedAt(), t.firstResponseAt(), t.resolvedAt(),
                    t.channel(), t.contacts(), t.status(), t.subject(), t.csat(), t.ces());
            case Touchpoint.CampaignResponse c -> campaignResponse = new CampaignResponse(c.campaignId(),
                    c.campaignName(), c.channel(), c.event(), c.nps(), c.revenue());
            case Touchpoint.SocialInteraction s -> socialInteraction = new SocialInteraction(s.platform(), s.handle(),
                    s.kind(), s.text(), s.sentiment(), s.rating());
        }
        return new Entry(entry.at(), entry.source(), entry.recordId(), entry.kind(), entry.summary(), purchase, ticket,
                campaignResponse, socialInteraction);
    }
}
