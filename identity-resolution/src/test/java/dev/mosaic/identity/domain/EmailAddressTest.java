package dev.mosaic.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void normalisesCaseAndSurroundingSpace() {
        assertThat(new EmailAddress("  Anna.Schmidt@Example.DE ").value()).isEqualTo("anna.schmidt@example.de");
    }

    @Test
    void keepsAnAddressWithoutDomainButDoesNotMatchOnIt() {
        EmailAddress broken = new EmailAddress("anna.schmidt@");
        assertThat(broken.value()).isEqualTo("anna.schmidt@");
        assertThat(broken.isUsableForMatching()).isFalse();
    }

    @Test
    void acceptsAnOrdinaryAddressForMatching() {
        assertThat(new EmailAddress("j.doe+shop@mail.example.com").isUsableForMatching()).isTrue();
    }
}
