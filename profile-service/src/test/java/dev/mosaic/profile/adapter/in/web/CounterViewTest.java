package dev.mosaic.profile.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class CounterViewTest {

    @Test
    void keepsTheFirstLetterAndTheDomainOfAnEmail() {
        assertThat(CounterView.maskEmail("anna.schmidt@example.de")).isEqualTo("a***@example.de");
        assertThat(CounterView.maskEmail("not-an-email")).isEqualTo("***");
    }

    @Test
    void keepsTheLastThreeDigitsOfAPhone() {
        assertThat(CounterView.maskPhone("+49 151 23456789")).isEqualTo("***789");
        assertThat(CounterView.maskPhone("12")).isEqualTo("***");
    }

    @Test
    void appliesToStaffOnlyKeysAndNotToKeysThatAlsoHoldAFullViewRole() {
        assertThat(CounterView.applies(caller("ROLE_STAFF"))).isTrue();
        assertThat(CounterView.applies(caller("ROLE_STAFF", "ROLE_STEWARD"))).isFalse();
        assertThat(CounterView.applies(caller("ROLE_ADMIN"))).isFalse();
        assertThat(CounterView.applies(caller("ROLE_SYSTEM"))).isFalse();
    }

    @Test
    void leavesOutBirthDateAndStreetAndMasksContactDataOfTheSourceRecords() {
        ProfileResponse full = new ProfileResponse("p-1", "Anna Schmidt", List.of("anna@example.de"),
                List.of("+4915123456789"), List.of("L-1"), List.of(), List.of("Berlin"), null, null, null, null,
                List.of(new ProfileResponse.SourceRecord("crm", "1", "customer", "Anna", "Schmidt", "anna@example.de",
                        "+4915123456789", "1980-01-02", "Berlin", "DE", "L-1", "instagram:anna.bakes", null, List.of())),
                List.of(), null);
        ProfileResponse counter = CounterView.of(full);
        assertThat(counter.emails()).containsExactly("a***@example.de");
        assertThat(counter.phones()).containsExactly("***789");
        assertThat(counter.loyaltyIds()).containsExactly("L-1");
        assertThat(counter.sourceRecords().getFirst().birthDate()).isNull();
        assertThat(counter.sourceRecords().getFirst().email()).isEqualTo("a***@example.de");
        assertThat(counter.toString()).doesNotContain("anna@example.de", "23456789", "1980");
    }

    private static UsernamePasswordAuthenticationToken caller(String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated("key", null,
                java.util.Arrays.stream(authorities).map(SimpleGrantedAuthority::new).toList());
    }
}
