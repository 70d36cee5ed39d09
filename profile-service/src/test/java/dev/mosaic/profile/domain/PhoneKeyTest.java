package dev.mosaic.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mosaic.identity.domain.PhoneNumber;

class PhoneKeyTest {

    @Test
    void findsAValidNumberTypedInAnyFormat() {
        assertThat(PhoneKey.of("0151-23456789", "DE")).contains("+4915123456789");
        assertThat(PhoneKey.of("+49 (151) 234 567 89", "FR")).contains("+4915123456789");
        assertThat(PhoneKey.of(PhoneNumber.parse("+49 151 23456789", "DE"), "DE")).contains("+4915123456789");
    }

    @Test
    void findsANumberKeptAsTypedBecauseItIsADigitShortByTheSameDigits() {
        PhoneNumber stored = PhoneNumber.parse("+49 151 2345678", "DE");

        assertThat(stored.isUsableForMatching()).as("not valid, so not used for matching").isFalse();
        assertThat(PhoneKey.of(stored, "DE")).contains("+491512345678");
        assertThat(PhoneKey.of("0151-2345678", "DE")).contains("+491512345678");
    }

    @Test
    void hasNoKeyForWhatIsNoPhoneNumber() {
        assertThat(PhoneKey.of("not-a-number", "DE")).isEmpty();
        assertThat(PhoneKey.of("12", "DE")).isEmpty();
        assertThat(PhoneKey.of(" ", "DE")).isEmpty();
    }
}
