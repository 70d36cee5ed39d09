package dev.mosaic.profile.adapter.out.elasticsearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.mosaic.profile.domain.segment.Condition;
import dev.mosaic.profile.domain.segment.SegmentField;

/**
 * A segment condition as an Elasticsearch query, built with the client's typed query builders: values are never
 * spliced into query text. Comparisons go into filter context (no scoring, cacheable).
 */
final class SegmentQueryTranslator {

    private SegmentQueryTranslator() {
    }

    /** @param now the time "within the last n days" counts back from */
    static Query toQuery(Condition condition, Instant now) {
        return switch (condition) {
            case Condition.All all -> Query.of(q -> q.bool(b -> b.filter(translate(all.conditions(), now))));
            case Condition.Any any -> Query.of(q -> q.bool(b -> b.should(translate(any.conditions(), now))
                    .minimumShouldMatch("1")));
            case Condition.Not not -> Query.of(q -> q.bool(b -> b.mustNot(toQuery(not.condition(), now))));
            case Condition.Equals equals -> equalsQuery(equals);
            // Categories are kept as imported ("Printers", "printers"): compared without regard to case.
            case Condition.OneOf oneOf when oneOf.field() == SegmentField.CATEGORY -> Query.of(q -> q.bool(b -> b
                    .should(oneOf.values().stream().map(value -> caseInsensitiveTerm(oneOf.field(), value)).toList())
                    .minimumShouldMatch("1")));
            case Condition.OneOf oneOf -> Query.of(q -> q.terms(t -> t.field(path(oneOf.field()))
                    .terms(values -> values.value(oneOf.values().stream().map(FieldValue::of).toList()))));
            case Condition.Compare compare -> Query.of(q -> q.range(r -> r.number(n -> {
                n.field(path(compare.field()));
                return switch (compare.comparison()) {
                    case GT -> n.gt(compare.value());
                    case GTE -> n.gte(compare.value());
                    case LT -> n.lt(compare.value());
                    case LTE -> n.lte(compare.value());
                };
            })));
            case Condition.Within within -> Query.of(q -> q.range(r -> r.date(d -> d.field(path(within.field()))
                    .gte(now.minus(within.days(), ChronoUnit.DAYS).toString()))));
            case Condition.OnOrAfter after -> Query.of(q -> q.range(r -> r.date(d -> d.field(path(after.field()))
                    .gte(after.date().atStartOfDay().toInstant(ZoneOffset.UTC).toString()))));
            case Condition.Before before -> Query.of(q -> q.range(r -> r.date(d -> d.field(path(before.field()))
                    .lt(before.date().atStartOfDay().toInstant(ZoneOffset.UTC).toString()))));
            case Condition.Exists exists -> Query.of(q -> q.exists(e -> e.field(path(exists.field()))));
        };
    }

    private static List<Query> translate(List<Condition> conditions, Instant now) {
        return conditions.stream().map(condition -> toQuery(condition, now)).toList();
    }

    private static Query caseInsensitiveTerm(SegmentField field, String value) {
        return Query.of(q -> q.term(t -> t.field(path(field)).value(value).caseInsensitive(true)));
    }

    private static Query equalsQuery(Condition.Equals equals) {
        String field = path(equals.field());
        if (equals.field() == SegmentField.CATEGORY) {
            return caseInsensitiveTerm(equals.field(), String.valueOf(equals.value()));
        }
        return switch (equals.value()) {
            case Boolean bool -> Query.of(q -> q.term(t -> t.field(field).value(bool)));
            case Double number -> Query.of(q -> q.range(r -> r.number(n -> n.field(field).gte(number).lte(number))));
            default -> Query.of(q -> q.term(t -> t.field(field).value(String.valueOf(equals.value()))));
        };
    }

    /** Where each field of the condition language lives in the profile index. */
    static String path(SegmentField field) {
        return switch (field) {
            case CITY -> "cityKeys";
            case COUNTRY -> "golden.country.value";
            case STORE -> "purchases.stores.name";
            case CHANNEL -> "purchases.channels.name";
            // Every category bought, not only the top three the profile shows.
            case CATEGORY -> "categoryHistory.bought";
            case ORDERS -> "purchases.orders";
            case REVENUE -> "purchases.revenue";
            case AVERAGE_ORDER_VALUE -> "purchases.averageOrderValue";
            case REVENUE_LAST_12_MONTHS -> "purchases.revenueLast12Months";
            case RETURNS -> "purchases.returns";
            case FIRST_PURCHASE -> "purchases.firstPurchase";
            case LAST_PURCHASE -> "purchases.lastPurchase";
            case NPS_SCORE -> "cx.nps.score";
            case NPS_CATEGORY -> "cx.nps.category";
            case NPS_ANSWERED_AT -> "cx.nps.answeredAt";
            case CSAT -> "cx.csat.percent";
            case CES -> "cx.ces.percent";
            case CLV -> "cx.clv.value";
            case CX_HEALTH -> "cx.health.score";
            case CHURN_RISK -> "cx.churnRisk.score";
            case CHURN_RISK_LEVEL -> "cx.churnRisk.level";
            case SOCIAL_SENTIMENT -> "cx.socialSentiment.average";
            case NEEDS_ATTENTION -> "cx.needsAttention.needed";
            case EMAIL_CONSENT -> "golden.emailConsent.granted";
            case SMS_CONSENT -> "golden.smsConsent.granted";
        };
    }
}
