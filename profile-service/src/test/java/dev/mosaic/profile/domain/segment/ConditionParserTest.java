package dev.mosaic.profile.domain.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ConditionParserTest {

    private final ObjectMapper json = new ObjectMapper();

    private Condition parse(String text) throws Exception {
        return ConditionParser.parse(json.readValue(text, Object.class));
    }

    private InvalidConditionException refusal(String text) {
        return (InvalidConditionException) org.assertj.core.api.Assertions.catchThrowable(() -> parse(text));
    }

    @Test
    void readsCombinationsComparisonsAndRecencyWindows() throws Exception {
        Condition condition = parse("""
                {"all": [
                  {"field": "city", "eq": "Köln"},
                  {"field": "purchases.lastPurchase", "within": "90d"},
                  {"any": [{"field": "cx.nps.category", "in": ["promoter", "Passive"]}, {"field": "cx.clv", "gte": 500}]},
                  {"not": {"field": "cx.needsAttention", "eq": true}},
                  {"field": "purchases.orders", "gte": 2, "lt": 10},
                  {"field": "purchases.firstPurchase", "after": "2024-01-01"},
                  {"field": "consent.email", "exists": false}]}""");

        assertThat(condition).isEqualTo(new Condition.All(List.of(
                new Condition.Equals(SegmentField.CITY, "koeln"),
                new Condition.Within(SegmentField.LAST_PURCHASE, 90),
                new Condition.Any(List.of(
                        new Condition.OneOf(SegmentField.NPS_CATEGORY, List.of("PROMOTER", "PASSIVE")),
                        new Condition.Compare(SegmentField.CLV, Condition.Comparison.GTE, 500))),
                new Condition.Not(new Condition.Equals(SegmentField.NEEDS_ATTENTION, true)),
                new Condition.All(List.of(new Condition.Compare(SegmentField.ORDERS, Condition.Comparison.GTE, 2),
                        new Condition.Compare(SegmentField.ORDERS, Condition.Comparison.LT, 10))),
                new Condition.OnOrAfter(SegmentField.FIRST_PURCHASE, LocalDate.of(2024, 1, 1)),
                new Condition.Not(new Condition.Exists(SegmentField.EMAIL_CONSENT)))));
    }

    @Test
    void writesAConditionBackAsATreeItReadsAgainUnchanged() throws Exception {
        Condition condition = parse("""
                {"any": [{"field": "city", "in": ["Berlin", "München"]}, {"not": {"field": "cx.csat", "lt": 50}},
                         {"field": "cx.nps.answeredAt", "before": "2025-01-01"}, {"field": "store", "exists": true}]}"""
                .replace("\"store\"", "\"purchases.store\""));

        Object tree = ConditionTree.of(condition);

        assertThat(ConditionParser.parse(json.readValue(json.writeValueAsString(tree), Object.class))).isEqualTo(condition);
        assertThat(json.writeValueAsString(tree)).contains("{\"field\":\"city\",\"in\":[\"berlin\",\"muenchen\"]}");
    }

    @Test
    void namesTheUnknownFieldAndListsTheKnownOnes() {
        InvalidConditionException e = refusal("""
                {"all": [{"field": "city", "eq": "Berlin"}, {"field": "shoeSize", "gte": 42}]}""");

        assertThat(e.path()).isEqualTo("$.all[1].field");
        assertThat(e.getMessage()).contains("unknown field 'shoeSize'").contains("purchases.orders");
    }

    @Test
    void refusesAWrongValueTypeAtItsPath() {
        assertThat(refusal("""
                {"all": [{"field": "purchases.orders", "gte": "ten"}]}""").getMessage())
                .isEqualTo("$.all[0].gte: expected a number, got \"ten\"");
        assertThat(refusal("""
                {"not": {"field": "consent.email", "eq": "yes"}}""").getMessage())
                .isEqualTo("$.not.eq: expected true or false, got \"yes\"");
        assertThat(refusal("""
                {"field": "purchases.lastPurchase", "within": "3 months"}""").path()).isEqualTo("$.within");
        assertThat(refusal("""
                {"field": "purchases.firstPurchase", "after": "2024-02-30"}""").getMessage())
                .contains("expected a date as YYYY-MM-DD");
    }

    @Test
    void refusesAnOperatorTheFieldsTypeDoesNotTake() {
        InvalidConditionException e = refusal("""
                {"any": [{"field": "city", "gte": 3}]}""");

        assertThat(e.path()).isEqualTo("$.any[0].gte");
        assertThat(e.getMessage()).contains("takes eq, in, exists, not 'gte'");
    }

    @Test
    void refusesValuesOutsideAnEnumeratedField() {
        assertThat(refusal("""
                {"field": "cx.nps.category", "eq": "fan"}""").getMessage())
                .isEqualTo("$.eq: 'fan' is not one of PROMOTER, PASSIVE, DETRACTOR");
    }

    @Test
    void refusesEmptyOrMalformedCombinations() {
        assertThat(refusal("{\"all\": []}").getMessage()).isEqualTo("$.all: expected at least one condition");
        assertThat(refusal("{\"any\": {\"field\": \"city\"}}").getMessage()).contains("$.any: expected a list");
        assertThat(refusal("{\"all\": [{\"field\": \"city\", \"eq\": \"Ulm\"}], \"name\": \"x\"}").getMessage())
                .contains("'all' stands alone").contains("'name'");
        assertThat(refusal("{\"where\": 1}").getMessage()).contains("unknown key(s) 'where'");
        assertThat(refusal("{}").path()).isEqualTo("$");
        assertThat(refusal("[1]").getMessage()).contains("expected a condition object");
        assertThat(refusal("{\"field\": \"city\"}").getMessage()).contains("needs an operator");
    }

    @Test
    void namesThePathInsideTheRequestWhenGivenARoot() {
        assertThatThrownBy(() -> ConditionParser.parse(Map.of("all", List.of(Map.of("field", 7))), "$.condition"))
                .isInstanceOf(InvalidConditionException.class)
                .hasMessage("$.condition.all[0].field: expected a field name, got the number 7");
        assertThatThrownBy(() -> ConditionParser.parse(null, "$.condition"))
                .hasMessageContaining("$.condition: expected a condition object");
    }

    @Test
    void capsNestingAndSize() {
        Object deep = Map.of("field", "city", "eq", "Ulm");
        for (int i = 0; i < ConditionParser.MAX_DEPTH; i++) {
            deep = Map.of("not", deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> ConditionParser.parse(tooDeep)).hasMessageContaining("nest at most");

        List<Object> many = new ArrayList<>();
        for (int i = 0; i <= ConditionParser.MAX_COMPARISONS; i++) {
            many.add(Map.of("field", "purchases.orders", "gte", i));
        }
        assertThatThrownBy(() -> ConditionParser.parse(Map.of("any", many))).hasMessageContaining("at most 100 comparisons");
    }
}
