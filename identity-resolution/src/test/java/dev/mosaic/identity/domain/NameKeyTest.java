package dev.mosaic.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void foldsUmlautsAndTheirSpelledOutFormsAlike() {
        assertThat(NameKey.fold("Müller")).isEqualTo(NameKey.fold("MUELLER")).isEqualTo("mueller");
        assertThat(NameKey.fold("Weiß")).isEqualTo(NameKey.fold("Weiss"));
        assertThat(NameKey.fold("Jürgen")).isEqualTo("juergen");
    }

    @Test
    void dropsOtherAccentsAndPunctuation() {
        assertThat(NameKey.fold("García")).isEqualTo("garcia");
        assertThat(NameKey.fold(" Jean-Luc  O'Neil ")).isEqualTo("jean luc o neil");
    }

    @Test
    void hasNoKeyForAnEmptyName() {
        assertThat(NameKey.fold("  ")).isNull();
        assertThat(NameKey.fold("--")).isNull();
        assertThat(NameKey.fold(null)).isNull();
    }
}
