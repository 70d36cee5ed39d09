package dev.mosaic.identity.adapter.out.neo4j;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.driver.Value;

import dev.mosaic.identity.domain.RecordKind;
import dev.mosaic.identity.domain.Touchpoint;

/**
 * A touchpoint's fields as properties of its record node, prefixed {@value #PREFIX}. Amounts are kept as decimal
 * strings: Neo4j has no decimal type and a double would round money.
 */
final class TouchpointProperties {

    static final String PREFIX = "tp_";

    private TouchpointProperties() {
    }

    static Map<String, Object> of(Touchpoint touchpoint) {
        Map<String, Object> properties = new LinkedHashMap<>();
        switch (touchpoint) {
            case null -> { }
            case Touchpoint.Purchase p -> {
                put(properties, "orderId", p.orderId());
                put(properties, "channel", p.channel());
                put(properties, "storeId", p.storeId());
                put(properties, "sku", p.sku());
                put(properties, "productName", p.productName());
                put(properties, "category", p.category());
                put(properties, "quantity", (long) p.quantity());
                put(properties, "unitPrice", decimal(p.unitPrice()));
                put(properties, "currency", p.currency());
                put(properties, "returned", p.returned());
            }
            case Touchpoint.SupportTicket t -> {
                put(properties, "openedAt", time(t.openedAt()));
                put(properties, "firstResponseAt", time(t.firstResponseAt()));
                put(properties, "resolvedAt", time(t.resolvedAt()));
                put(properties, "channel", t.channel());
                put(properties, "contacts", t.contacts() == null ? null : t.contacts().longValue());
                put(properties, "status", t.status());
                put(properties, "subject", t.subject());
                put(properties, "csat", t.csat() == null ? null : t.csat().longValue());
                put(properties, "ces", t.ces() == null ? null : t.ces().longValue());
            }
            case Touchpoint.CampaignResponse c -> {
                put(properties, "campaignId", c.campaignId());
                put(properties, "campaignName", c.campaignName());
                put(properties, "channel", c.channel());
                put(properties, "event", c.event());
                put(properties, "nps", c.nps() == null ? null : c.nps().longValue());
                put(properties, "revenue", decimal(c.revenue()));
            }
            case Touchpoint.SocialInteraction s -> {
                put(properties, "platform", s.platform());
                put(properties, "handle", s.handle());
                put(properties, "kind", s.kind());
                put(properties, "text", s.text());
                put(properties, "sentiment", decimal(s.sentiment()));
                put(properties, "rating", s.rating() == null ? null : s.rating().longValue());
            }
        }
        return properties;
    }

    static Touchpoint read(RecordKind kind, Value node) {
        return switch (kind) {
            case CUSTOMER -> null;
            case PURCHASE -> new Touchpoint.Purchase(text(node, "orderId"), text(node, "channel"), text(node, "storeId"),
                    text(node, "sku"), text(node, "productName"), text(node, "category"),
                    (int) node.get(PREFIX + "quantity").asLong(0), decimal(node, "unitPrice"), text(node, "currency"),
                    node.get(PREFIX + "returned").asBoolean(false));
            case TICKET -> new Touchpoint.SupportTicket(instant(node, "openedAt"), instant(node, "firstResponseAt"),
                    instant(node, "resolvedAt"), text(node, "channel"), integer(node, "contacts"), text(node, "status"),
                    text(node, "subject"), integer(node, "csat"), integer(node, "ces"));
            case CAMPAIGN_RESPONSE -> new Touchpoint.CampaignResponse(text(node, "campaignId"),
                    text(node, "campaignName"), text(node, "channel"), text(node, "event"), integer(node, "nps"),
                    decimal(node, "revenue"));
            case SOCIAL_INTERACTION -> new Touchpoint.SocialInteraction(text(node, "platform"), text(node, "handle"),
                    text(node, "kind"), text(node, "text"), decimal(node, "sentiment"), integer(node, "rating"));
        };
    }

    private static void put(Map<String, Object> properties, String name, Object value) {
        if (value != null) {
            properties.put(PREFIX + name, value);
        }
    }

    private static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static Object time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String text(Value node, String name) {
        Value value = node.get(PREFIX + name);
        return value.isNull() ? null : value.asString();
    }

    private static Integer integer(Value node, String name) {
        Value value = node.get(PREFIX + name);
        return value.isNull() ? null : (int) value.asLong();
    }

    private static BigDecimal decimal(Value node, String name) {
        String text = text(node, name);
        return text == null ? null : new BigDecimal(text);
    }

    private static Instant instant(Value node, String name) {
        Value value = node.get(PREFIX + name);
        return value.isNull() ? null : value.asOffsetDateTime().toInstant();
    }
}
