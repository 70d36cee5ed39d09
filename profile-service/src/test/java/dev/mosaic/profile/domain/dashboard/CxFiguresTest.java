package dev.mosaic.profile.domain.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CxFiguresTest {

    @Test
    void npsOfASetIsPromotersMinusDetractorsInPercentAndNullWithoutAnswers() {
        assertThat(CxFigures.Nps.of(2, 0, 1)).isEqualTo(new CxFigures.Nps(33.3, 3, 2, 0, 1));
        assertThat(CxFigures.Nps.of(1, 1, 2)).isEqualTo(new CxFigures.Nps(-25.0, 4, 1, 1, 2));
        assertThat(CxFigures.Nps.of(0, 0, 0).score()).isNull();
    }

    @Test
    void ratesAndMinutesRoundToOneDecimalAndAreNullWithoutData() {
        assertThat(CxFigures.Rate.of(2, 3)).isEqualTo(new CxFigures.Rate(66.7, 2, 3));
        assertThat(CxFigures.Rate.of(0, 0)).isEqualTo(new CxFigures.Rate(null, 0, 0));
        assertThat(CxFigures.Minutes.of(3, 1273.333, 370.0)).isEqualTo(new CxFigures.Minutes(1273.3, 370.0, 3));
        assertThat(CxFigures.Minutes.of(0, null, null)).isEqualTo(new CxFigures.Minutes(null, null, 0));
    }
}
