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

    @Test
    void aNationalNumberHasAKeyInEachCountryWhereItIsPossibleAndNoneBeyondItsOwnWithACountryCode() {
        // Vienna's 01 234 5678 typed as on an Austrian card; a German record would have it as +4912345678.
        assertThat(PhoneKey.inEveryRegion("01 2345678")).contains("+4312345678", "+4912345678");
        assertThat(PhoneKey.inEveryRegion("+43 1 2345678")).isEmpty();
        assertThat(PhoneKey.inEveryRegion("0043 1 2345678")).isEmpty();
        assertThat(PhoneKey.inEveryRegion("not-a-number")).isEmpty();
    }

    @Test
    void onlyAValidNumberInE164IsOneToSendATextTo() {
        assertThat(PhoneKey.dialable("+4915123456789")).contains("+4915123456789");
        assertThat(PhoneKey.dialable("+49 151 2345678")).as("a digit short, kept as typed").isEmpty();
        assertThat(PhoneKey.dialable("0151-23456789")).as("no country: kept as typed").isEmpty();
        assertThat(PhoneKey.dialable(null)).isEmpty();
    }
}
