package dev.mosaic.profile.adapter.out.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import dev.mosaic.profile.domain.SearchQuery;
import dev.mosaic.profile.domain.segment.ConditionParser;
import jakarta.json.stream.JsonGenerator;

class SegmentQueryTranslatorTest {

    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode translate(String condition) throws Exception {
        return render(SegmentQueryTranslator.toQuery(ConditionParser.parse(json.readValue(condition, Object.class)), NOW));
    }

    private JsonNode render(Query query) throws Exception {
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            query.serialize(generator, mapper);
        }
        return json.readTree(out.toString());
    }

    @Test
    void translatesAllAnyAndNotIntoBoolFilterShouldAndMustNot() throws Exception {
        JsonNode query = translate("""
                {"all": [{"field": "city", "eq": "Köln"},
                         {"any": [{"field": "cx.nps.category", "eq": "promoter"}, {"field": "cx.clv", "gte": 500}]},
                         {"not": {"field": "consent.email", "eq": false}}]}""");

        assertThat(query.at("/bool/filter/0/term/cityKeys/value").asText()).isEqualTo("koeln");
        assertThat(query.at("/bool/filter/1/bool/should/0/term/cx.nps.category/value").asText()).isEqualTo("PROMOTER");
        assertThat(query.at("/bool/filter/1/bool/should/1/range/cx.clv.value/gte").asDouble()).isEqualTo(500.0);
        assertThat(query.at("/bool/filter/1/bool/minimum_should_match").asText()).isEqualTo("1");
        assertThat(query.at("/bool/filter/2/bool/must_not/0/term/golden.emailConsent.granted/value").asBoolean()).isFalse();
    }

    @Test
    void countsARecencyWindowBackFromNow() throws Exception {
        JsonNode query = translate("{\"field\": \"purchases.lastPurchase\", \"within\": \"90d\"}");

        assertThat(query.at("/range/purchases.lastPurchase/gte").asText()).isEqualTo("2024-12-01T00:00:00Z");
    }

    @Test
    void translatesDatesSetsAndExistence() throws Exception {
        JsonNode query = translate("""
                {"all": [{"field": "purchases.firstPurchase", "after": "2024-01-01", "before": "2025-01-01"},
                         {"field": "purchases.store", "in": ["BER-01", "HAM-02"]},
                         {"field": "cx.nps.score", "exists": true}, {"field": "purchases.orders", "eq": 3}]}""");

        assertThat(query.at("/bool/filter/0/bool/filter/0/range/purchases.firstPurchase/gte").asText())
                .isEqualTo("2024-01-01T00:00:00Z");
        assertThat(query.at("/bool/filter/0/bool/filter/1/range/purchases.firstPurchase/lt").asText())
                .isEqualTo("2025-01-01T00:00:00Z");
        assertThat(query.at("/bool/filter/1/terms/purchases.stores.name").toString()).isEqualTo("[\"BER-01\",\"HAM-02\"]");
        assertThat(query.at("/bool/filter/2/exists/field").asText()).isEqualTo("cx.nps.score");
        assertThat(query.at("/bool/filter/3/range/purchases.orders/gte").asDouble()).isEqualTo(3.0);
        assertThat(query.at("/bool/filter/3/range/purchases.orders/lte").asDouble()).isEqualTo(3.0);
    }

    @Test
    void searchesEveryTypedNameTokenByExactTermsOfItsKeysAndIdentifiersExactly() throws Exception {
        JsonNode query = render(ElasticsearchProfileSearch.textQuery(SearchQuery.of("Anna Shmidt", null, null, "DE"), false));

        JsonNode tokens = query.at("/bool/should/0/bool/must");
        assertThat(tokens).hasSize(2);
        JsonNode ways = tokens.at("/1/dis_max/queries");
        assertThat(ways).hasSize(3);
        assertThat(ways.at("/0/constant_score/filter/term/nameTokens/value").asText()).isEqualTo("shmidt");
        assertThat(ways.at("/0/constant_score/boost").asDouble()).isEqualTo(3.0);
        assertThat(ways.at("/1/constant_score/filter/term/namePrefixes/value").asText()).isEqualTo("shmidt");
        assertThat(ways.at("/2/constant_score/filter/bool/should/1/terms/nameTypoKeys").toString())
                .contains("\"shmidt\"", "\"sh_idt\"");
        assertThat(query.toString()).doesNotContain("fuzzy");
        assertThat(query.at("/bool/should/1/term/loyaltyIds/value").asText()).isEqualTo("Anna Shmidt");

        JsonNode phone = render(ElasticsearchProfileSearch.textQuery(SearchQuery.of("0151-2345678", null, null, "DE"), false));
        assertThat(phone.findValuesAsText("value")).contains("+491512345678");
        assertThat(ElasticsearchProfileSearch.textQuery(SearchQuery.of("  ", null, null, "DE"), false)).isNull();
        assertThat(Optional.ofNullable(SearchQuery.of("Anna@Example.de", null, null, "DE").email())).contains("anna@example.de");
    }

    @Test
    void allowsTwoTypingErrorsOnlyInTheFallbackAndOnlyInTokensOfSixLettersOrMore() throws Exception {
        SearchQuery typed = SearchQuery.of("Ana Schmitdt", null, null, "DE");
        JsonNode fallback = render(ElasticsearchProfileSearch.textQuery(typed, true));

        JsonNode tokens = fallback.at("/bool/should/0/bool/must");
        assertThat(tokens.at("/0/dis_max/queries").toString()).doesNotContain("fuzzy");
        JsonNode fuzzy = tokens.at("/1/dis_max/queries/3/constant_score/filter/fuzzy/nameTokens");
        assertThat(fuzzy.at("/value").asText()).isEqualTo("schmitdt");
        assertThat(fuzzy.at("/fuzziness").asText()).isEqualTo("2");
        assertThat(fuzzy.at("/prefix_length").asInt()).isEqualTo(1);
        assertThat(ElasticsearchProfileSearch.mayHaveTwoTypos(typed)).isTrue();
        assertThat(ElasticsearchProfileSearch.mayHaveTwoTypos(SearchQuery.of("Ana Smith", null, null, "DE"))).isFalse();
    }
}
