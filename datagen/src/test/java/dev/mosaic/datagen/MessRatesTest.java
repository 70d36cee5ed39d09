package dev.mosaic.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessRatesTest {

    @Test
    void defaultsAreSensibleProbabilities() {
        MessRates defaults = MessRates.defaults();
        assertThat(java.util.Arrays.stream(defaults.values()).max().orElseThrow()).isLessThanOrEqualTo(0.5);
        assertThat(java.util.Arrays.stream(defaults.values()).min().orElseThrow()).isPositive();
        assertThat(defaults.household()).isEqualTo(0.10);
        assertThat(MessRates.names()).hasSize(defaults.values().length).startsWith("nameTypo")
                .endsWith("duplicateRecord");
    }

    @Test
    void noneIsClean() {
        assertThat(MessRates.none().values()).containsOnly(0.0);
    }

    @Test
    void oneRateCanBeChangedByName() {
        MessRates changed = MessRates.defaults().with("nameTypo", 0.2);
        assertThat(changed.nameTypo()).isEqualTo(0.2);
        assertThat(changed.with("nameTypo", 0.03)).isEqualTo(MessRates.defaults());
        assertThatThrownBy(() -> MessRates.defaults().with("typo", 0.1)).hasMessageContaining("unknown rate 'typo'");
        assertThatThrownBy(() -> MessRates.defaults().with("nameTypo", 1.5)).hasMessageContaining("nameTypo");
    }

    @Test
    void scalingCapsAtOne() {
        MessRates doubled = MessRates.defaults().scaled(2);
        assertThat(doubled.nameTypo()).isEqualTo(0.06);
        assertThat(java.util.Arrays.stream(MessRates.defaults().scaled(100).values()).max().orElseThrow())
                .isLessThanOrEqualTo(1);
        assertThatThrownBy(() -> MessRates.defaults().scaled(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
