package dev.mosaic.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

    @Test
    void foldsUmlautsAccentsAndCaseSoSpellingsMeet() {
        assertThat(SearchKeys.tokens("Jürgen Müller-Lüdenscheidt")).containsExactly("juergen", "mueller", "luedenscheidt");
        assertThat(SearchKeys.tokens("MUELLER")).containsExactly("mueller");
        assertThat(SearchKeys.tokens("José García")).containsExactly("jose", "garcia");
        assertThat(SearchKeys.tokens("  ")).isEmpty();
    }

    @Test
    void readsTheSearchTextAsNameEmailPhoneAndFilters() {
        SearchQuery query = SearchQuery.of(" Ann Sch ", "Köln", " BER-01 ", "DE");

        assertThat(query.nameTokens()).containsExactly("ann", "sch");
        assertThat(query.email()).isNull();
        assertThat(query.phoneKey()).isNull();
        assertThat(query.cityKey()).isEqualTo("koeln");
        assertThat(query.store()).isEqualTo("BER-01");
        assertThat(SearchQuery.of("+49 151 23456781", null, null, "DE").phoneKey()).isEqualTo("+4915123456781");
    }
}
