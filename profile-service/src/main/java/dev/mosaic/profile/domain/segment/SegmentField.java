package dev.mosaic.profile.domain.segment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.mosaic.identity.domain.NameKey;

/**
 * The fields a segment condition may name: the schema of the condition language. Each has a type, which decides the
 * operators it takes, and for text fields how a value is normalised before it is compared (as the profile indexes it).
 */
public enum SegmentField {

    CITY("city", Type.TEXT, "A city of the profile's records; case, umlauts and accents do not matter", List.of(),
            NameKey::fold),
    COUNTRY("country", Type.TEXT, "The golden country code, e.g. DE", List.of(), value -> value.toUpperCase(Locale.ROOT)),
    STORE("purchases.store", Type.TEXT, "A store id the profile bought in", List.of(), UnaryOperator.identity()),
    CHANNEL("purchases.channel", Type.TEXT, "A channel the profile bought through", List.of("store", "web", "app"),
            value -> value.toLowerCase(Locale.ROOT)),
    CATEGORY("purchases.category", Type.TEXT, "A category the profile bought (a line not returned); case does not "
            + "matter", List.of(), UnaryOperator.identity()),
    ORDERS("purchases.orders", Type.NUMBER, "Orders placed, returned ones included"),
    REVENUE("purchases.revenue", Type.NUMBER, "Revenue of the lines not returned"),
    AVERAGE_ORDER_VALUE("purchases.averageOrderValue", Type.NUMBER, "Revenue / orders"),
    REVENUE_LAST_12_MONTHS("purchases.revenueLast12Months", Type.NUMBER, "Revenue of the last 12 months"),
    RETURNS("purchases.returns", Type.NUMBER, "Returned lines"),
    FIRST_PURCHASE("purchases.firstPurchase", Type.DATE, "Time of the first purchase"),
    LAST_PURCHASE("purchases.lastPurchase", Type.DATE, "Time of the last purchase"),
    NPS_SCORE("cx.nps.score", Type.NUMBER, "The latest NPS answer, 0-10"),
    NPS_CATEGORY("cx.nps.category", Type.TEXT, "Category of the latest NPS answer",
            List.of("PROMOTER", "PASSIVE", "DETRACTOR"), value -> value.toUpperCase(Locale.ROOT)),
    NPS_ANSWERED_AT("cx.nps.answeredAt", Type.DATE, "When the latest NPS answer was given"),
    CSAT("cx.csat", Type.NUMBER, "CSAT percent, 0-100"),
    CES("cx.ces", Type.NUMBER, "CES percent, 0-100"),
    CLV("cx.clv", Type.NUMBER, "Customer lifetime value"),
    CX_HEALTH("cx.health", Type.NUMBER, "CX health, 0-100"),
    CHURN_RISK("cx.churnRisk", Type.NUMBER, "Churn risk score, 0-100"),
    CHURN_RISK_LEVEL("cx.churnRisk.level", Type.TEXT, "Churn risk level",
            List.of("LOW", "MEDIUM", "HIGH", "UNKNOWN"), value -> value.toUpperCase(Locale.ROOT)),
    SOCIAL_SENTIMENT("cx.socialSentiment", Type.NUMBER, "Average sentiment of social interactions, -1..1"),
    NEEDS_ATTENTION("cx.needsAttention", Type.BOOLEAN, "Whether staff should follow up"),
    EMAIL_CONSENT("consent.email", Type.BOOLEAN, "The latest email consent is an opt-in"),
    SMS_CONSENT("consent.sms", Type.BOOLEAN, "The latest SMS consent is an opt-in");

    /** What a field holds, which decides its operators. */
    public enum Type {
        /** eq, in, exists */
        TEXT(List.of("eq", "in", "exists")),
        /** eq, gt, gte, lt, lte, exists */
        NUMBER(List.of("eq", "gt", "gte", "lt", "lte", "exists")),
        /** eq, exists */
        BOOLEAN(List.of("eq", "exists")),
        /** within ("90d": the last 90 days), after (on or after a date), before (before a date), exists */
        DATE(List.of("within", "after", "before", "exists"));

        private final List<String> operators;

        Type(List<String> operators) {
            this.operators = operators;
        }

        public List<String> operators() {
            return operators;
        }
    }

    private final String code;
    private final Type type;
    private final String description;
    private final List<String> allowedValues;
    private final UnaryOperator<String> normaliser;

    SegmentField(String code, Type type, String description) {
        this(code, type, description, List.of(), UnaryOperator.identity());
    }

    SegmentField(String code, Type type, String description, List<String> allowedValues,
                 UnaryOperator<String> normaliser) {
        this.code = code;
        this.type = type;
        this.description = description;
        this.allowedValues = allowedValues;
        this.normaliser = normaliser;
    }

    public String code() {
        return code;
    }

    public Type type() {
        return type;
    }

    public String description() {
        return description;
    }

    /** The only values a text field takes (as normalised); empty when any value goes. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** A text value as the index holds it; null when nothing is left of it. */
    public String normalise(String value) {
        return normaliser.apply(value.strip());
    }

    public static Optional<SegmentField> fromCode(String code) {
        return Arrays.stream(values()).filter(field -> field.code.equals(code)).findFirst();
    }
}
