package dev.mosaic.imports.adapter.in.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneRegionsTest {

    @ParameterizedTest
    @CsvSource({
            "DE, DE", "de, DE", "DEU, DE", "Germany, DE", "Deutschland, DE", "DEUTSCHLAND, DE", "Allemagne, DE",
            "Germania, DE", "Alemania, DE", "Duitsland, DE",
            "Österreich, AT", "oesterreich, AT", "Osterreich, AT", "Austria, AT", "Autriche, AT", "Oostenrijk, AT",
            "Schweiz, CH", "Suisse, CH", "Svizzera, CH", "Switzerland, CH", "Zwitserland, CH",
            "United Kingdom, GB", "Vereinigtes Königreich, GB", "Royaume-Uni, GB", "UK, GB", "Großbritannien, GB",
            "España, ES", "espana, ES", "Spanien, ES", "Italien, IT", "Frankreich, FR", "Nederland, NL",
            "Niederlande, NL", "  the netherlands , NL", "Polska, PL", "Danemark, DK", "Dänemark, DK"})
    void readsACountryWrittenAsACodeOrANameInACommonEuropeanLanguage(String country, String region) {
        assertThat(PhoneRegions.of(country)).contains(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Atlantis", "XX", "Bundesland"})
    void namesNoRegionForWhatIsNoCountry(String country) {
        assertThat(PhoneRegions.of(country)).isEmpty();
    }
}
