package dev.mosaic.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneTest {

    private final Phone german = new Phone(Country.DE, "151", "2345678");

    @Test
    void writesAGermanMobileInTheUsualWays() {
        assertThat(german.format(Phone.Format.INTERNATIONAL)).isEqualTo("+49 151 2345678");
        assertThat(german.format(Phone.Format.E164)).isEqualTo("+491512345678");
        assertThat(german.format(Phone.Format.DASH)).isEqualTo("0151-2345678");
        assertThat(german.format(Phone.Format.DOUBLE_ZERO)).isEqualTo("0049 151 2345678");
        assertThat(german.format(Phone.Format.BRACKETS)).isEqualTo("(0151) 2345678");
        assertThat(german.format(Phone.Format.ODD_SPLIT)).isEqualTo("015123456 78");
        assertThat(german.format(Phone.Format.NATIONAL)).isEqualTo("0151 2345678");
        assertThat(german.format(Phone.Format.SLASH)).isEqualTo("0151/2345678");
        assertThat(german.format(Phone.Format.INTERNATIONAL_TRUNK)).isEqualTo("+49 (0)151 2345678");
        assertThat(german.format(Phone.Format.GROUPED)).isEqualTo("0151 234 5678");
    }

    @Test
    void followsNationalHabits() {
        assertThat(new Phone(Country.FR, "6", "12345678").format(Phone.Format.GROUPED)).isEqualTo("06 12 34 56 78");
        assertThat(new Phone(Country.CH, "79", "1234567").format(Phone.Format.GROUPED)).isEqualTo("079 123 45 67");
        assertThat(new Phone(Country.GB, "7700", "900123").format(Phone.Format.GROUPED)).isEqualTo("07700 900123");
        // Spain has no trunk prefix
        assertThat(new Phone(Country.ES, "612", "345678").format(Phone.Format.NATIONAL)).isEqualTo("612 345678");
        assertThat(new Phone(Country.ES, "612", "345678").format(Phone.Format.GROUPED)).isEqualTo("612 345 678");
    }

    @Test
    void everyCountryMakesNumbersOfItsLength() {
        Rng rng = new Rng(3);
        for (Country country : Country.values()) {
            for (int i = 0; i < 50; i++) {
                Phone mobile = country.mobile(rng);
                Phone landline = country.landline(rng, country.city(rng));
                int expected = switch (country) {
                    case DE, AT, GB -> 10;
                    case CH, FR, ES -> 9;
                };
                assertThat(mobile.nationalNumber()).as(country + " mobile").hasSize(expected);
                assertThat(landline.nationalNumber().length()).as(country + " landline")
                        .isBetween(expected - 1, expected + 1);
                assertThat(mobile.e164()).startsWith("+" + country.callingCode()).matches("\\+\\d+");
            }
        }
    }
}
